import {
  startAnthropicStub,
  startChatStub,
  type AnthropicStub,
  type ChatStub,
} from '@replyline/ai/testing';
import { createAction } from '@replyline/core/actions';
import { startCalDavServer, type CalDavServer } from '@replyline/core/integrations/testing';
import { newMember } from '@replyline/core/testing';
import {
  findTenantByPublishableKey,
  openQueue,
  QUEUES,
  schema,
  withTenant,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChatOnSite, say, waitForCard } from './action-visitor';
import { hasChromium } from './env';
import { launchChromium, startApi, startSharedDatabase, type SharedDatabase } from './harness';

// A customer books a time offered from the business's CalDAV calendar (a local CalDAV server):
// the slot picker, the confirmation, then the booking card; the confirmation email with its
// invitation (ICS) lands in the dev outbox and the reminders 24 h and 1 h before are queued.
// With no AI key (the booking intent offers the slots), and again with the OpenAI-wire and the
// Anthropic-wire stub calling the slot-finding action as a tool.

const DEMO_KEY = 'pk_demo_northwind';
const EMAIL = 'ada@example.com';
const TIME_ZONE = 'Europe/Stockholm';
const HOUR = 3_600_000;

interface Mode {
  name: string;
  shot: string;
  /** Signed in on the site (the booking goes to that email), or typed into the email form. */
  visitor: { signedIn: true; email: string } | { signedIn: false; email: string; name: string };
  env(): Record<string, string>;
  arrange(): void;
  modelAsked(): number;
}

describe.runIf(hasChromium)('booking in the widget, in Chromium', () => {
  let database: SharedDatabase;
  let browser: Browser;
  let calendar: CalDavServer;
  let boss: PgBoss;
  let openai: ChatStub;
  let claude: AnthropicStub;
  let tenantId: TenantId;
  let blockedDay: string;

  beforeAll(async () => {
    database = await startSharedDatabase();
    tenantId = (await findTenantByPublishableKey(database.db, DEMO_KEY))!.id;
    calendar = await startCalDavServer();
    // The day after tomorrow is taken in the calendar from opening to closing: no slot that day.
    blockedDay = new Date(Date.now() + 2 * 24 * HOUR).toISOString().slice(0, 10);
    calendar.addEvent(
      'fair',
      new Date(`${blockedDay}T06:00:00Z`),
      new Date(`${blockedDay}T18:00:00Z`),
    );
    const settings = {
      calendarUrl: calendar.calendarUrl,
      username: calendar.username,
      password: calendar.password,
      timezone: TIME_ZONE,
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      dayStart: '09:00',
      dayEnd: '17:00',
      slotMinutes: 60,
      // More than a day ahead, so both reminders (24 h and 1 h before) are due in the future.
      minNoticeMinutes: 26 * 60,
      summary: 'Fitting',
      workspaceName: 'Northwind',
    };
    const actor = {
      tenantId,
      userId: await newMember(database.db, tenantId, 'owner'),
      requestIp: null,
    };
    for (const [name, kind] of [
      ['find_times', 'booking.find_slots'],
      ['book_time', 'booking.book'],
    ] as const)
      await createAction(database.db, actor, {
        name,
        description: kind === 'booking.book' ? 'Book a fitting' : 'Free fitting times',
        kind,
        settings,
        enabled: true,
      });
    [browser, openai, claude, boss] = await Promise.all([
      launchChromium(),
      startChatStub(),
      startAnthropicStub(),
      openQueue({ kind: 'postgres', url: database.url }, { supervise: false, schedule: false }),
    ]);
    boss.on('error', () => undefined);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await boss?.stop({ graceful: false, wait: true });
    await Promise.all([openai?.close(), claude?.close(), calendar?.close()]);
    await database?.stop();
  });

  const modes: Mode[] = [
    {
      name: 'with no AI key, a visitor nobody signed in',
      shot: 'booking-no-model',
      visitor: { signedIn: false, email: 'cy@example.com', name: 'Cy' },
      env: () => ({}),
      arrange: () => undefined,
      modelAsked: () => 2,
    },
    {
      name: 'with the OpenAI-wire stub calling the slot-finding tool',
      shot: 'booking-openai',
      visitor: { signedIn: true, email: EMAIL },
      env: () => ({ OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseURL }),
      arrange: () => {
        openai.reset();
        openai.queue(
          { kind: 'tool_calls', calls: [{ name: 'find_times', arguments: '{}' }] },
          { kind: 'text', text: 'Here are the free fitting times.' },
        );
      },
      modelAsked: () => openai.requests.length,
    },
    {
      name: 'with the Anthropic-wire stub calling the slot-finding tool',
      shot: 'booking-anthropic',
      visitor: { signedIn: true, email: EMAIL },
      env: () => ({ ANTHROPIC_API_KEY: claude.apiKey, ANTHROPIC_BASE_URL: claude.baseURL }),
      arrange: () => {
        claude.reset();
        claude.queue(
          { kind: 'tool_use', uses: [{ name: 'find_times', input: {} }] },
          { kind: 'text', text: 'Here are the free fitting times.' },
        );
      },
      modelAsked: () => claude.requests.length,
    },
  ];

  for (const mode of modes)
    it(
      `${mode.name}: slot picked, confirmed, emailed with the invitation, reminders queued`,
      { timeout: 240_000 },
      async () => {
        mode.arrange();
        const api = await startApi({
          databaseUrl: database.url,
          env: { ACTIONS_ALLOW_PRIVATE_ADDRESSES: 'true', ...mode.env() },
        });
        try {
          const site = await openChatOnSite({
            browser,
            db: database.db,
            tenantId,
            api,
            publishableKey: DEMO_KEY,
            signedInAs: mode.visitor.signedIn ? mode.visitor.email : undefined,
            title: 'Northwind tailoring',
          });
          await say(site.frame, 'Can I book an appointment for a fitting?');
          const slots = await waitForCard(site, api, 'slots', mode.shot);
          await site.page.screenshot({ path: `test-results/${mode.shot}-slots.png` });
          const offered = await latestSlotsCard();
          expect(offered.slots.length).toBeGreaterThan(0);
          expect(offered.slots.some((slot) => slot.start.startsWith(blockedDay))).toBe(false);
          const picked = offered.slots[0]!;
          await slots.locator('button').first().click();
          if (!mode.visitor.signedIn) {
            // No signed email: the picked time comes back in a form asking where to confirm.
            const form = await waitForCard(site, api, 'form', mode.shot);
            await form.locator('input[name=name]').fill(mode.visitor.name);
            await form.locator('input[name=email]').fill(mode.visitor.email);
            await site.page.screenshot({ path: `test-results/${mode.shot}-email.png` });
            await form.locator('button[type=submit]').click();
          }

          const confirm = await waitForCard(site, api, 'confirm', mode.shot);
          expect(await confirm.innerText()).toContain('Book a fitting');
          await confirm.locator('button[data-confirm]').click();
          const booked = await waitForCard(site, api, 'booking', mode.shot);
          expect(await booked.innerText()).toContain('Fitting · confirmed');
          await site.page.screenshot({ path: `test-results/${mode.shot}.png` });
          await site.close();

          const booking = await bookingAt(picked.start);
          expect(booking).toMatchObject({
            customerEmail: mode.visitor.email,
            status: 'confirmed',
          });
          expect(
            [...calendar.objects.keys()].some((path) => path.endsWith(`/${booking.id}.ics`)),
          ).toBe(true);
          await expectConfirmationWithInvitation(booking.id, picked, mode.visitor);
          await expectReminders(booking.reminderJobIds, new Date(picked.start));
          expect(mode.modelAsked()).toBeGreaterThanOrEqual(2);
        } finally {
          await api.stop();
        }
      },
    );

  /** The slots the widget was shown, as stored with the assistant's answer. */
  async function latestSlotsCard() {
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ cards: schema.messages.cards })
        .from(schema.messages)
        .where(
          and(
            eq(schema.messages.tenantId, tenantId),
            sql`${schema.messages.cards} @> '[{"type":"slots"}]'::jsonb`,
          ),
        )
        .orderBy(desc(schema.messages.createdAt))
        .limit(1),
    );
    return row!.cards[0] as unknown as { slots: { start: string; end: string }[] };
  }

  async function bookingAt(start: string) {
    const [row] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select()
        .from(schema.bookings)
        .where(
          and(
            eq(schema.bookings.tenantId, tenantId),
            eq(schema.bookings.startsAt, new Date(start)),
          ),
        ),
    );
    expect(row, `no booking at ${start}`).toBeDefined();
    return row!;
  }

  async function expectConfirmationWithInvitation(
    bookingId: string,
    slot: { start: string; end: string },
    visitor: Mode['visitor'],
  ) {
    const [email] = await database.db
      .select()
      .from(schema.outboundEmails)
      .where(sql`${schema.outboundEmails.metadata}->>'bookingId' = ${bookingId}`);
    expect(email).toMatchObject({ to: visitor.email, template: 'booking-notice' });
    expect(email!.subject).toMatch(/^Fitting booked: /);
    expect(email!.attachments).toHaveLength(1);
    expect(email!.attachments[0]).toMatchObject({ filename: 'invite.ics' });
    // Long iCalendar lines are folded (RFC 5545 §3.1): unfold before reading them.
    const ics = Buffer.from(email!.attachments[0]!.content, 'base64')
      .toString('utf8')
      .replace(/\r\n[ \t]/g, '');
    const lines = ics.split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        `UID:${bookingId}`,
        `DTSTART:${icsTime(slot.start)}`,
        `DTEND:${icsTime(slot.end)}`,
        'SUMMARY:Fitting',
        'STATUS:CONFIRMED',
        `ATTENDEE${'name' in visitor ? `;CN=${visitor.name}` : ''}:mailto:${visitor.email}`,
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
  }

  async function expectReminders(jobIds: string[], start: Date) {
    expect(jobIds).toHaveLength(2);
    const jobs = await Promise.all(jobIds.map((id) => boss.getJobById(QUEUES.bookingReminder, id)));
    expect(
      jobs.map((job) => [
        job?.state,
        job?.startAfter.getTime(),
        (job?.data as { before: string }).before,
      ]),
    ).toEqual([
      ['created', start.getTime() - 24 * HOUR, '24h'],
      ['created', start.getTime() - HOUR, '1h'],
    ]);
  }
});

/** 2026-12-07T09:00:00.000Z -> 20261207T090000Z, as iCalendar writes a UTC time. */
function icsTime(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
