import { describe, expect, it } from 'vitest';
import { renderEmail } from '../render-email';
import { TEMPLATE_NAMES, type TemplateName, type TemplateProps } from '.';

/** Realistic props for every template; the text parts below are what recipients read. */
const SAMPLES: { [N in TemplateName]: TemplateProps<N> } = {
  'magic-link': {
    url: 'https://app.replyline.localhost/auth/callback?token=abc123',
    expiresInMinutes: 15,
  },
  'team-invite': {
    inviterName: 'Maja Lind',
    workspaceName: 'Acme Outdoor',
    role: 'agent',
    acceptUrl: 'https://app.replyline.localhost/invite/inv_42',
  },
  'ticket-created': {
    workspaceName: 'Acme Outdoor',
    ticketNumber: 1042,
    customerEmail: 'ann@example.com',
    customerName: 'Ann Berg',
    message: 'My tent arrived with a broken pole.\nCan you send a new one?',
    ticketUrl: 'https://app.replyline.localhost/tickets/1042',
  },
  'ticket-reply': {
    workspaceName: 'Acme Outdoor',
    ticketNumber: 1042,
    agentName: 'Maja',
    reply: 'Sorry about that! A new pole is on its way.\n\nTracking: ACME-991',
  },
  'handoff-received': {
    workspaceName: 'Acme Outdoor',
    ticketNumber: 1042,
    customerName: 'Ann',
    message: 'My tent arrived with a broken pole. Can a person help?',
  },
  'conversation-transcript': {
    workspaceName: 'Acme Outdoor',
    timeZone: 'Europe/Stockholm',
    messages: [
      {
        role: 'visitor',
        author: 'You',
        content: 'Do you ship to Norway?',
        at: '2026-03-14T09:05:00Z',
      },
      {
        role: 'assistant',
        author: 'Acme assistant',
        content: 'Yes, in 3 to 5 business days.',
        at: '2026-03-14T09:05:04Z',
      },
    ],
  },
  'usage-alert': {
    workspaceName: 'Acme Outdoor',
    percent: 80,
    used: 1600,
    included: 2000,
    planName: 'Pro',
    overageUsdPerReply: 0.02,
    billingUrl: 'https://app.replyline.localhost/settings/billing',
  },
  'payment-failed': {
    workspaceName: 'Acme Outdoor',
    amountMinor: 4900,
    currency: 'usd',
    billingUrl: 'https://app.replyline.localhost/settings/billing',
  },
  'alert-channel-failing': {
    workspaceName: 'Acme Outdoor',
    channelName: 'Support Telegram',
    lastError: 'Telegram answered 401 Unauthorized',
    settingsUrl: 'https://app.replyline.localhost/settings/alerts',
  },
  'booking-notice': {
    kind: 'confirmed',
    workspaceName: 'Acme Outdoor',
    customerName: 'Ann',
    summary: 'Fitting appointment',
    startsAt: '2026-03-16T09:00:00Z',
    endsAt: '2026-03-16T09:30:00Z',
    timeZone: 'Europe/Stockholm',
  },
};

const render = <N extends TemplateName>(name: N) => renderEmail(name, SAMPLES[name]);

/** An email as a plain-text client shows it: the subject, then the text part. */
const asRead = ({ subject, text }: { subject: string; text: string }) =>
  `Subject: ${subject}\n\n${text}`;

describe.each(TEMPLATE_NAMES)('the %s email', (name) => {
  it('renders a branded HTML part and a text part with the same words', async () => {
    const email = await render(name);
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('#4f46e5');
    expect(email.text).toMatch(
      /^(Replyline, AI customer support|Sent by Acme Outdoor with Replyline)$/m,
    );
    expect(email.text).not.toMatch(/<[a-z]/i);
    for (const link of email.text.match(/https?:\/\/\S+/g) ?? []) {
      expect(email.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    }
  });
});

describe('text parts', () => {
  it('magic link', async () => {
    expect(asRead(await render('magic-link'))).toMatchInlineSnapshot(`
      "Subject: Your Replyline sign-in link

      Replyline

      Sign in to Replyline

      Use the button below to sign in. The link works once, for the next 15 minutes.

      Sign in https://app.replyline.localhost/auth/callback?token=abc123

      ----------------------------------------

      You received this email because someone asked to sign in to Replyline with this address. If that was not you, ignore it: nobody can sign in without the link.

      Replyline, AI customer support"
    `);
  });

  it('team invite', async () => {
    expect(asRead(await render('team-invite'))).toMatchInlineSnapshot(`
      "Subject: Maja Lind invited you to Acme Outdoor on Replyline

      Replyline

      Join Acme Outdoor on Replyline

      Maja Lind invited you to join Acme Outdoor as an agent, to answer customer conversations together.

      Accept the invitation https://app.replyline.localhost/invite/inv_42

      ----------------------------------------

      You received this email because Maja Lind invited this address to Acme Outdoor. If you did not expect it, ignore it.

      Replyline, AI customer support"
    `);
  });

  it('ticket created, for the team', async () => {
    expect(asRead(await render('ticket-created'))).toMatchInlineSnapshot(`
      "Subject: [Acme Outdoor] New ticket #1042 from Ann Berg

      Replyline

      New ticket #1042

      Ann Berg (ann@example.com) wrote:

      My tent arrived with a broken pole.
      Can you send a new one?

      Open the ticket https://app.replyline.localhost/tickets/1042

      ----------------------------------------

      You received this email because you are a member of Acme Outdoor on Replyline.

      Replyline, AI customer support"
    `);
  });

  it('ticket reply, for the customer, from the workspace', async () => {
    expect(asRead(await render('ticket-reply'))).toMatchInlineSnapshot(`
      "Subject: Re: your request #1042 to Acme Outdoor

      Acme Outdoor

      Maja answered your request #1042

      Sorry about that! A new pole is on its way.

      Tracking: ACME-991

      Maja, Acme Outdoor

      ----------------------------------------

      You received this email because you contacted Acme Outdoor (request #1042).

      Sent by Acme Outdoor with Replyline"
    `);
  });

  it('conversation transcript, in the workspace time zone', async () => {
    expect(asRead(await render('conversation-transcript'))).toMatchInlineSnapshot(`
      "Subject: Your conversation with Acme Outdoor

      Acme Outdoor

      Your conversation with Acme Outdoor

      Here is a copy of your conversation, oldest message first.

      You, 14 Mar 2026, 10:05 (Europe/Stockholm):

      Do you ship to Norway?

      Acme assistant, 14 Mar 2026, 10:05 (Europe/Stockholm):

      Yes, in 3 to 5 business days.

      ----------------------------------------

      You received this email because you asked Acme Outdoor for a copy of your conversation.

      Sent by Acme Outdoor with Replyline"
    `);
  });

  it('usage at 80% and 100%, on a plan with overage', async () => {
    expect(asRead(await render('usage-alert'))).toMatchInlineSnapshot(`
      "Subject: Acme Outdoor has used 80% of its AI replies

      Replyline

      You have used 80% of your AI replies

      Acme Outdoor has used 1,600 of the 2,000 AI replies included in the Pro plan this billing period.

      Nothing changes yet. Past 2,000, replies keep working and each is billed at $0.02.

      Review your plan https://app.replyline.localhost/settings/billing

      ----------------------------------------

      You received this email because you manage billing for Acme Outdoor on Replyline.

      Replyline, AI customer support"
    `);
    const at100 = await renderEmail('usage-alert', {
      ...SAMPLES['usage-alert'],
      percent: 100,
      used: 2000,
    });
    expect(at100.subject).toBe('Acme Outdoor has used all AI replies included in its Pro plan');
    expect(at100.text).toContain(
      'Replies keep working. Each reply past the 2,000 included is billed at $0.02.',
    );
  });

  it('usage at 100% on a plan where replies stop (Free)', async () => {
    const email = await renderEmail('usage-alert', {
      workspaceName: 'Acme Outdoor',
      percent: 100,
      used: 100,
      included: 100,
      planName: 'Free',
      billingUrl: 'https://app.replyline.localhost/settings/billing',
    });
    expect(asRead(email)).toMatchInlineSnapshot(`
      "Subject: AI replies are paused for Acme Outdoor: the Free plan limit is reached

      Replyline

      You have used all your AI replies

      Acme Outdoor has used 100 of the 100 AI replies included in the Free plan this billing period.

      AI replies are paused until the next billing period; the widget offers your contact form instead. Upgrade to turn them back on now.

      Upgrade your plan https://app.replyline.localhost/settings/billing

      ----------------------------------------

      You received this email because you manage billing for Acme Outdoor on Replyline.

      Replyline, AI customer support"
    `);
  });

  it('payment failed', async () => {
    expect(asRead(await render('payment-failed'))).toMatchInlineSnapshot(`
      "Subject: Payment failed for Acme Outdoor: please update your card

      Replyline

      Your payment did not go through

      We could not charge $49.00 for Acme Outdoor. Your bank or card provider declined it.

      Please update your payment method so your Acme Outdoor plan continues without interruption.

      Update payment method https://app.replyline.localhost/settings/billing

      ----------------------------------------

      You received this email because you manage billing for Acme Outdoor on Replyline.

      Replyline, AI customer support"
    `);
  });
});
