import { describe, expect, it } from 'vitest';
import { ticketSlackMessage } from './slack-message';

const ticket = {
  number: 7,
  subject: '<!channel> refund now',
  customerEmail: 'mal@example.com',
  customerName: '<https://evil.example/login|click here> & @here',
  message: 'Hello <!here> <@U024BE7LH>',
  ticketUrl: 'https://app.replyline.test/tickets/t1',
};

describe('the Slack ticket post', () => {
  it('escapes &, < and > of every visitor string in `text`, so no mention or link forms', () => {
    const { text } = ticketSlackMessage(ticket);
    expect(text).toBe(
      'New ticket #7 from &lt;https://evil.example/login|click here&gt; &amp; @here (mal@example.com): &lt;!channel&gt; refund now',
    );
    expect(text).not.toMatch(/<|>/);
  });

  it('escapes them in `blocks` too, keeping only our own ticket link as markup', () => {
    const blocks = JSON.stringify(ticketSlackMessage(ticket).blocks);
    expect(blocks).toContain('*<https://app.replyline.test/tickets/t1|Ticket #7>*');
    expect(blocks).toContain('&lt;!channel&gt;');
    // The quote marker `>` is ours; the customer's `<!here>` is escaped.
    expect(blocks).toContain('"text":">Hello &lt;!here&gt; &lt;@U024BE7LH&gt;"');
    expect(blocks.replace('<https://app.replyline.test/tickets/t1|', '')).not.toMatch(/<[!@h]/);
  });
});
