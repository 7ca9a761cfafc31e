/** Slack's incoming-webhook body: `text` for notifications, `blocks` for the layout. */
export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

/**
 * Slack reads `&`, `<` and `>` as control characters in both `text` and mrkdwn blocks
 * (`<!channel>`, `<https://x|label>`, `<@U123>`); escaped as Slack documents, a customer's
 * words stay words. A bare `@here` is plain text in a webhook post: only `<!here>` mentions.
 */
export function slackEscape(text: string): string {
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
  const who = slackEscape(
    t.customerName ? `${t.customerName} (${t.customerEmail})` : t.customerEmail,
  );
  const subject = slackEscape(t.subject);
  const quote = t.message.length > 1_500 ? `${t.message.slice(0, 1_497)}...` : t.message;
  return {
    text: `New ticket #${t.number} from ${who}: ${subject}`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*<${t.ticketUrl}|Ticket #${t.number}>* from ${who}\n*${subject}*`,
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: slackEscape(quote).replace(/^/gm, '>') },
      },
    ],
  };
}
