import { describe, expect, it } from 'vitest';
import { EmailPropsError } from './errors';
import { parseTemplateProps, renderEmail } from './render-email';

describe('renderEmail', () => {
  it('names every bad prop in words', async () => {
    const rendering = renderEmail('team-invite', {
      inviterName: ' ',
      workspaceName: 'Acme',
      role: 'boss' as 'agent',
      acceptUrl: 'not a url',
    });
    await expect(rendering).rejects.toBeInstanceOf(EmailPropsError);
    await expect(rendering).rejects.toThrow(
      'The "team-invite" email cannot be sent: inviterName must not be empty; role must be owner, admin or agent; acceptUrl must be an absolute http:// or https:// link.',
    );
  });

  it('refuses links that are not http(s), so no javascript: URL reaches an inbox', async () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      '/relative/path',
      'ftp://x.example',
    ]) {
      expect(() => parseTemplateProps('magic-link', { url, expiresInMinutes: 15 })).toThrow(
        'url must be an absolute http:// or https:// link',
      );
    }
  });

  it('refuses an unknown template, as a JSON caller might send', () => {
    expect(() => parseTemplateProps('welcome' as 'magic-link', {})).toThrow(
      'The "welcome" email cannot be sent: there is no such email (known: magic-link, team-invite,',
    );
  });

  it('refuses usage alerts other than 80% and 100%', () => {
    expect(() =>
      parseTemplateProps('usage-alert', {
        workspaceName: 'Acme',
        percent: 90 as 80,
        used: 1,
        included: 2,
        planName: 'Pro',
        billingUrl: 'https://x.example',
      }),
    ).toThrow('percent must be 80 or 100');
  });

  it('escapes what people wrote, in HTML, and keeps it readable in text', async () => {
    const email = await renderEmail('ticket-created', {
      workspaceName: 'Acme & Sons',
      ticketNumber: 7,
      customerEmail: 'eve@example.com',
      customerName: '<img src=x onerror=alert(1)>',
      message: 'Hi <script>alert("x")</script> & bye',
      ticketUrl: 'https://app.example.com/tickets/7?a=1&b=2',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; bye');
    expect(email.html).toContain('href="https://app.example.com/tickets/7?a=1&amp;b=2"');
    expect(email.text).toContain('Hi <script>alert("x")</script> & bye');
    expect(email.subject).toBe('[Acme & Sons] New ticket #7 from <img src=x onerror=alert(1)>');
  });

  it('keeps the subject on one line whatever names contain', async () => {
    const email = await renderEmail('team-invite', {
      inviterName: 'Mallory\r\nBcc: victim@example.com',
      workspaceName: 'Acme',
      role: 'admin',
      acceptUrl: 'https://app.example.com/invite/1',
    });
    expect(email.subject).toBe('Mallory Bcc: victim@example.com invited you to Acme on Replyline');
  });

  it('takes props as they arrive in JSON: ISO dates, lower-case currency', async () => {
    const transcript = await renderEmail(
      'conversation-transcript',
      JSON.parse(
        JSON.stringify({
          workspaceName: 'Acme',
          messages: [
            {
              role: 'agent',
              author: 'Maja',
              content: 'Done!',
              at: new Date('2026-01-02T03:04:00Z'),
            },
          ],
        }),
      ),
    );
    expect(transcript.text).toContain('Maja, 2 Jan 2026, 03:04 UTC:');

    const payment = await renderEmail('payment-failed', {
      workspaceName: 'Acme',
      amountMinor: 129900,
      currency: 'eur',
      billingUrl: 'https://app.example.com/billing',
    });
    expect(payment.text).toContain('We could not charge €1,299.00 for Acme.');
  });
});
