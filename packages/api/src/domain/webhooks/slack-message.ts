import type { SlackMessage } from './deliver-webhook';

/** Slack reads `&`, `<` and `>` as markup; a customer's text must not become a link. */
function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The new-ticket post: a plain `text` for notifications, `blocks` with a link for the channel. */
export function ticketSlackMessage(t: {
  number: number;
  subject: string;
  customerEmail: string;
  customerName: string | null;
  message: string;
  ticketUrl: string;
}): SlackMessage {
  const who = t.customerName ? `${t.customerName} (${t.customerEmail})` : t.customerEmail;
  const quote = t.message.length > 1_500 ? `${t.message.slice(0, 1_497)}...` : t.message;
  return {
    text: `New ticket #${t.number} from ${who}: ${t.subject}`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*<${t.ticketUrl}|Ticket #${t.number}>* from ${slackEscape(who)}\n*${slackEscape(t.subject)}*`,
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: slackEscape(quote).replace(/^/gm, '>') },
      },
    ],
  };
}
