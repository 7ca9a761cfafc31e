// The whole hand-off cycle in Chromium: a visitor asks for a person and the widget waits; the
// agent's inbox shows the wait, the agent types (the visitor sees it) and replies (the visitor
// sees their name and picture, and from then on their name while they type); the visitor
// writes while the agent holds the chat, the agent hands back, and the bot answers that
// message and says it is back; the agent ends the conversation and writes a note, the widget
// asks for a rating and offers the conversation by email (at a phone's width): the copy in the
// dev outbox has what the customer saw and not the note, and the agent's transcript shows the
// masked address; the customer's acknowledgement email carries the ticket number.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { addFaqEntries } from '@replyline/rag';
import { and, eq } from 'drizzle-orm';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './env';
import {
  launchChromium,
  magicLinkFor,
  openWidget,
  requestSignInLink,
  screenshot,
  startDashboardStack,
  startHostSite,
  type DashboardStack,
} from './harness';

/** A small picture as a data URL: the widget shows it beside the agent's name. */
const AVATAR =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="20" fill="#0f766e"/></svg>',
  ).toString('base64');

describe.runIf(hasChromium)('the hand-off cycle, in Chromium', () => {
  const run = randomUUID().slice(0, 8);
  const anna = { email: `anna-${run}@example.com`, name: 'Anna Lind', image: AVATAR };
  const customer = `reader-${run}@example.com`;
  let stack: DashboardStack;
  let browser: Browser;
  let site: { origin: string; server: Server };
  let tenantId: TenantId;
  let publishableKey = '';

  beforeAll(async () => {
    stack = await startDashboardStack();
    site = await startHostSite(
      () => `<!doctype html><html lang="en"><head><title>Story library</title></head><body><h1>Stories</h1>
        <script src="${stack.api.origin}/widget.js" data-key="${publishableKey}" async></script></body></html>`,
    );
    // Pro: live hand-off. A workspace of its own, so no other test's changes reach it.
    const created = await createTenant(stack.database.db, {
      name: `Story library ${run}`,
      slug: `handoff-${run}`,
      siteUrl: site.origin,
      allowedOrigins: [site.origin],
    });
    tenantId = created.tenantId;
    publishableKey = created.publishableKey;
    await withTenant(stack.database.db, tenantId, async (tx) => {
      await tx.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.id, tenantId));
      const [user] = await tx.insert(schema.users).values(anna).returning({ id: schema.users.id });
      await tx.insert(schema.memberships).values({ tenantId, userId: user!.id, role: 'owner' });
    });
    await addFaqEntries({ db: stack.database.db, queue: { send: async () => null } }, tenantId, [
      {
        question: 'Do you ship printed books to Canada?',
        answer: 'Yes, printed books ship to Canada in 7 to 10 days.',
      },
    ]);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    await stack?.stop();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.dashboard.origin}/sign-in`);
    await requestSignInLink(page, email);
    await page.goto(await magicLinkFor(stack.database.db, email), { waitUntil: 'commit' });
    await page.waitForURL((url) => !/^\/(sign-in|api\/auth)/.test(url.pathname));
    return page;
  }

  const header = (widget: Frame) => widget.locator('.head h1');

  it('waits, joins, types, answers, hands back, ends, asks for a rating and emails the number', async () => {
    const agent = await signedIn(anna.email);

    // The visitor asks for a person.
    const visitor = await (await browser.newContext()).newPage();
    visitor.setDefaultTimeout(30_000);
    await visitor.goto(site.origin);
    const widget = await openWidget(visitor);
    await widget.locator('[data-action="human"]').click();
    await widget.locator('form.card [name="email"]').fill(customer);
    await widget.locator('form.card [name="message"]').fill('Can a person help me with an order?');
    await widget.locator('form.card button[type="submit"]').click();
    const ticket = widget.locator('[data-ticket-number]');
    await ticket.waitFor();
    const ticketNumber = Number(await ticket.getAttribute('data-ticket-number'));
    // In order: the request, "waiting", the number; no rating yet; the header names nobody.
    const log = widget.locator('[role="log"] > *');
    const order = await log.evaluateAll((els) =>
      els.map(
        (el) =>
          el.getAttribute('data-handoff') ??
          (el.hasAttribute('data-ticket-number') ? 'ticket' : el.getAttribute('data-role')),
      ),
    );
    expect(order).toEqual(['visitor', 'waiting', 'ticket']);
    expect(await header(widget).innerText()).toBe(`Story library ${run}`);
    expect(await widget.locator('[data-card="rating"]').count()).toBe(0);
    await screenshot(visitor, 'handoff-widget-waiting');

    // The agent's inbox shows the wait, not "the bot is answering".
    await agent.goto(`${stack.dashboard.origin}/inbox`);
    await agent.locator('[data-conversation-id]').first().click();
    await agent.locator('.transcript__bot[data-handoff="waiting"]').waitFor();

    // The visitor types: the agent sees it.
    const composer = widget.locator('textarea[aria-label="Message"]');
    await composer.pressSequentially('Are you th', { delay: 30 });
    await agent.locator('.transcript__typing').waitFor({ timeout: 15_000 });
    await screenshot(agent, 'handoff-inbox-waiting');

    // The agent types: the visitor sees that someone is writing. Anna has not joined yet (she
    // joins with her first reply), so the widget does not know her name at this point.
    const reply = agent.locator('textarea[name=reply]');
    await reply.pressSequentially('Hi, this is Anna', { delay: 20 });
    await widget.locator('[data-typing="agent"]').waitFor({ timeout: 15_000 });
    expect(await widget.locator('[data-typing="agent"]').getAttribute('aria-label')).toBe(
      'Writing an answer…',
    );
    await reply.fill('Hi, this is **Anna**. Which order is it?');
    await agent.getByRole('button', { name: 'Send reply' }).click();

    // The visitor sees who joined, with name and picture, in the header too.
    await widget.locator('[data-handoff="joined"]').waitFor({ timeout: 15_000 });
    const answer = widget.locator('[data-role="agent"]').last();
    await answer.waitFor();
    expect(await answer.locator('.author .name').innerText()).toBe('Anna Lind');
    expect(await answer.locator('.author img').getAttribute('src')).toBe(AVATAR);
    expect(await header(widget).innerText()).toBe('Anna Lind');
    expect(await widget.locator('[data-typing="agent"]').count()).toBe(0);
    await agent.locator('.transcript__bot[data-handoff="person"]').waitFor();
    await screenshot(visitor, 'handoff-widget-agent');

    // The visitor writes while Anna holds the chat; nobody answers it yet.
    await composer.fill('Do you ship printed books to Canada?');
    await widget.locator('button[aria-label="Send"]').click();
    await agent
      .locator('[data-role="visitor"]', { hasText: 'Do you ship printed books to Canada?' })
      .waitFor({ timeout: 15_000 });

    // Anna starts an answer: now that she has joined, the widget writes her name by the dots.
    await reply.pressSequentially('Let me check', { delay: 20 });
    const writing = widget.locator('[data-typing="agent"] .who');
    await writing.waitFor({ timeout: 15_000 });
    expect(await writing.innerText()).toBe('Anna Lind is writing…');
    await screenshot(visitor, 'handoff-widget-agent-writing');
    await reply.fill('');

    // Anna hands back: the bot says it is back and answers the leftover question, once.
    await agent.getByRole('button', { name: 'Hand back to bot' }).click();
    await widget.locator('[data-handoff="bot_back"]').waitFor({ timeout: 15_000 });
    const botAnswer = widget.locator('[data-handoff="bot_back"] ~ [data-role="assistant"]');
    await botAnswer.first().waitFor({ timeout: 30_000 });
    expect(await botAnswer.first().innerText()).toContain('Canada');
    expect(await header(widget).innerText()).not.toBe('Anna Lind');
    await screenshot(visitor, 'handoff-widget-bot-back');

    // Anna ends the conversation: the widget asks for a rating now.
    await agent.getByRole('button', { name: 'Resolve' }).click();
    await widget.locator('[data-handoff="ended"]').waitFor({ timeout: 15_000 });
    await widget.locator('[data-card="rating"] [aria-label="4 stars"]').click();
    await widget.getByText('Thank you for your feedback!').waitFor();
    await screenshot(visitor, 'handoff-widget-rating');
    expect(await botAnswer.count()).toBe(1);

    // A note for the team only, after the end: the emailed copy must not carry it.
    await agent.getByLabel('Internal note').check();
    await agent.locator('textarea[name=note]').fill('Team only: offer free shipping next time');
    await agent.getByRole('button', { name: 'Add note' }).click();
    await agent.locator('[data-role="note"]', { hasText: 'Team only' }).waitFor();

    // The end-of-chat card offers the conversation by email, with the address given for the
    // ticket filled in; at a phone's width it fits and says where the copy went.
    await visitor.setViewportSize({ width: 360, height: 740 });
    const mail = widget.locator('[data-card="rating"] form[data-transcript]');
    expect(await mail.locator('label').innerText()).toBe('Email me this conversation');
    expect(await mail.locator('[name="transcript-email"]').inputValue()).toBe(customer);
    await screenshot(visitor, 'handoff-widget-transcript-form-360');
    await mail.locator('button[type="submit"]').click();
    const sent = widget.locator('form[data-transcript="sent"] [role="status"]');
    await sent.waitFor();
    expect(await sent.innerText()).toBe(
      'Sent to r…@example.com. It should arrive within a few minutes.',
    );
    await screenshot(visitor, 'handoff-widget-transcript-360');

    // The agent's transcript says so (masked); the widget never shows that line.
    await agent
      .locator('[data-role="system"]', { hasText: 'Transcript emailed to r…@example.com' })
      .waitFor({ timeout: 15_000 });
    expect(await widget.getByText('Transcript emailed').count()).toBe(0);

    // One copy, with what the customer saw and not the note.
    const copies = () =>
      stack.database.db
        .select({
          subject: schema.outboundEmails.subject,
          text: schema.outboundEmails.text,
          status: schema.outboundEmails.status,
        })
        .from(schema.outboundEmails)
        .where(
          and(
            eq(schema.outboundEmails.to, customer),
            eq(schema.outboundEmails.template, 'conversation-transcript'),
          ),
        );
    // The API's email worker delivers it to the dev outbox (no Resend key here).
    await expect.poll(async () => (await copies())[0]?.status, { timeout: 30_000 }).toBe('outbox');
    const [copy, ...more] = await copies();
    expect(more).toHaveLength(0);
    expect(copy!.subject).toBe(`Your conversation with Story library ${run}`);
    for (const said of [
      'Can a person help me with an order?',
      'Which order is it?',
      'Do you ship printed books to Canada?',
      '7 to 10 days',
      'Anna Lind',
    ])
      expect(copy!.text).toContain(said);
    expect(copy!.text).not.toContain('Team only');
    expect(copy!.text).not.toContain('This conversation has ended.');

    // The acknowledgement in the dev outbox carries the ticket number, sent once.
    const emails = await stack.database.db
      .select({ subject: schema.outboundEmails.subject, text: schema.outboundEmails.text })
      .from(schema.outboundEmails)
      .where(
        and(
          eq(schema.outboundEmails.to, customer),
          eq(schema.outboundEmails.template, 'handoff-received'),
        ),
      );
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain(`#${ticketNumber}`);
    expect(emails[0]!.text).toContain(`#${ticketNumber}`);
  }, 300_000);
});
