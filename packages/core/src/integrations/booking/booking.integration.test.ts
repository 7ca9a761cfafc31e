import { openQueue, QUEUES, schema, withTenant, type PgBoss, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUserId } from '@replyline/db';
import { createAction } from '../../actions/manage-actions';
import { confirmProposal, loadActionByName, runActionForVisitor } from '../../actions/run-action';
import { newMember, newWorkspace } from '../../testing';
import type { ActionRunContext } from '../contract';
import { startCalDavServer, type CalDavServer } from '../testing/caldav-server';
import { startLocalServer } from '../testing/local-server';
import { bookingBook, bookingCancel, bookingFindSlots, bookingMove } from './booking-integrations';
import { sendBookingReminder, type BookingReminderJob } from './booking-reminders';

let t: TestDatabase;
let boss: PgBoss;
let calendar: CalDavServer;
let tenantId: TenantId;

// Monday 7 January 2030, 07:00 in Stockholm (UTC+1 in winter).
const NOW = new Date('2030-01-07T06:00:00Z');

beforeAll(async () => {
  t = await openTestDatabase();
  boss = await openQueue(t.queueTarget, { supervise: false, schedule: false });
  boss.on('error', () => undefined);
  calendar = await startCalDavServer();
  // Busy 10:00-10:30 Stockholm time on Monday and Tuesday.
  calendar.addEvent('dentist', new Date('2030-01-07T09:00:00Z'), new Date('2030-01-07T09:30:00Z'));
  calendar.addEvent('standup', new Date('2030-01-08T09:00:00Z'), new Date('2030-01-08T09:30:00Z'));
  tenantId = (await newWorkspace(t.db, 'Booking shop')).tenantId;
}, 120_000);
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await calendar?.close();
  await t?.close();
});

function ctx(
  settings: Record<string, unknown> = {},
  visitor: Partial<ActionRunContext['visitor']> = {},
): ActionRunContext {
  return {
    tenantId,
    visitor: {
      conversationId: '11111111-1111-4111-8111-111111111111',
      identified: false,
      ...visitor,
    },
    settings: {
      calendarUrl: calendar.calendarUrl,
      username: calendar.username,
      password: calendar.password,
      timezone: 'Europe/Stockholm',
      dayStart: '09:00',
      dayEnd: '17:00',
      slotMinutes: 60,
      bufferMinutes: 15,
      minNoticeMinutes: 60,
      summary: 'Fitting',
      workspaceName: 'Booking shop',
      ...settings,
    },
    services: { db: t.db, queue: boss },
    now: () => NOW,
  };
}

const startsOf = (card: unknown) =>
  (card as { slots: { start: string }[] }).slots.map((slot) => slot.start);

describe('booking against a CalDAV calendar', () => {
  it('offers slots within working hours, clear of busy times and their buffer', async () => {
    const monday = await bookingFindSlots.run(ctx(), { fromDate: '2030-01-07', days: 1 });
    expect(monday).toMatchObject({
      type: 'slots',
      timezone: 'Europe/Stockholm',
      actionName: 'booking.book',
    });
    // 09:00 and 10:00 touch the 10:00-10:30 event (with 15 minutes either side); 17:00 is closing.
    expect(startsOf(monday)).toEqual([
      '2030-01-07T10:00:00.000Z',
      '2030-01-07T11:00:00.000Z',
      '2030-01-07T12:00:00.000Z',
      '2030-01-07T13:00:00.000Z',
      '2030-01-07T14:00:00.000Z',
      '2030-01-07T15:00:00.000Z',
    ]);
    const weekend = await bookingFindSlots.run(ctx(), { fromDate: '2030-01-12', days: 2 });
    expect(startsOf(weekend)).toEqual([]);
  });

  it('reads busy times from an ICS free/busy feed too', async () => {
    const feed = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//Test//Feed//EN',
          'BEGIN:VFREEBUSY',
          'DTSTAMP:20300101T000000Z',
          'FREEBUSY:20300107T080000Z/20300107T120000Z',
          'FREEBUSY;FBTYPE=FREE:20300107T130000Z/PT1H',
          'END:VFREEBUSY',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      );
    });
    try {
      const settings = {
        calendarUrl: undefined,
        icsFeedUrl: `${feed.url}/busy.ics`,
        bufferMinutes: 0,
      };
      const card = await bookingFindSlots.run(ctx(settings), { fromDate: '2030-01-07', days: 1 });
      expect(startsOf(card)).toEqual([
        '2030-01-07T12:00:00.000Z',
        '2030-01-07T13:00:00.000Z',
        '2030-01-07T14:00:00.000Z',
        '2030-01-07T15:00:00.000Z',
      ]);
    } finally {
      await feed.close();
    }
  });

  it('books: event in the calendar, confirmation with the invitation, reminders 24 h and 1 h before', async () => {
    const card = await bookingBook.run(ctx(), {
      start: '2030-01-08T10:00:00Z',
      name: 'Ann',
      email: 'ann@example.com',
    });
    expect(card).toMatchObject({
      type: 'booking',
      start: '2030-01-08T10:00:00.000Z',
      end: '2030-01-08T11:00:00.000Z',
      status: 'confirmed',
    });
    const bookingId = (card as { bookingId: string }).bookingId;

    const event = [...calendar.objects].find(([path]) => path.endsWith(`/${bookingId}.ics`))?.[1];
    expect(event?.data).toContain('DTSTART:20300108T100000Z');
    expect(event?.data).toContain('mailto:ann@example.com');

    const [email] = await t.db
      .select()
      .from(schema.outboundEmails)
      .where(sql`${schema.outboundEmails.metadata}->>'bookingId' = ${bookingId}`);
    expect(email).toMatchObject({ to: 'ann@example.com', template: 'booking-notice' });
    expect(email!.subject).toBe('Fitting booked: 8 Jan 2030, 11:00 (Europe/Stockholm)');
    const ics = Buffer.from(email!.attachments[0]!.content, 'base64').toString('utf8');
    expect(email!.attachments[0]).toMatchObject({ filename: 'invite.ics' });
    expect(ics).toMatch(/METHOD:REQUEST[\s\S]*BEGIN:VEVENT[\s\S]*UID:/);

    const booking = await readBooking(bookingId);
    expect(booking.reminderJobIds).toHaveLength(2);
    const jobs = await Promise.all(
      booking.reminderJobIds.map((id) => boss.getJobById(QUEUES.bookingReminder, id)),
    );
    expect(
      jobs.map((job) => [
        job?.state,
        job?.startAfter.toISOString(),
        (job?.data as BookingReminderJob).before,
      ]),
    ).toEqual([
      ['created', '2030-01-07T10:00:00.000Z', '24h'],
      ['created', '2030-01-08T09:00:00.000Z', '1h'],
    ]);

    // The due job, run as the worker runs it, emails the reminder.
    expect(
      await sendBookingReminder({ db: t.db, queue: boss }, jobs[1]!.data as BookingReminderJob),
    ).toBe('sent');
    const reminders = await t.db
      .select({ subject: schema.outboundEmails.subject })
      .from(schema.outboundEmails)
      .where(
        sql`${schema.outboundEmails.metadata}->>'reminder' = '1h' and ${schema.outboundEmails.metadata}->>'bookingId' = ${bookingId}`,
      );
    expect(reminders).toEqual([
      { subject: 'Reminder: Fitting: 8 Jan 2030, 11:00 (Europe/Stockholm)' },
    ]);

    // The slot is gone for the next visitor, and taking it anyway is refused.
    const tuesday = await bookingFindSlots.run(ctx(), { fromDate: '2030-01-08', days: 1 });
    expect(startsOf(tuesday)).not.toContain('2030-01-08T10:00:00.000Z');
    await expect(
      bookingBook.run(ctx({}, { conversationId: '22222222-2222-4222-8222-222222222222' }), {
        start: '2030-01-08T10:00:00Z',
        email: 'bob@example.com',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a time outside the offered slots and a booking without an email', async () => {
    await expect(
      bookingBook.run(ctx(), { start: '2030-01-08T09:00:00Z', email: 'ann@example.com' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(bookingBook.run(ctx(), { start: '2030-01-08T13:00:00Z' })).rejects.toMatchObject({
      code: 'bad_input',
    });
  });

  it('moves and cancels only for the visitor who booked: reminders and event follow', async () => {
    const card = await bookingBook.run(ctx(), {
      start: '2030-01-09T12:00:00Z',
      email: 'ann@example.com',
    });
    const bookingId = (card as { bookingId: string }).bookingId;
    const stranger = ctx({}, { conversationId: '33333333-3333-4333-8333-333333333333' });
    await expect(bookingCancel.run(stranger, { bookingId })).rejects.toMatchObject({
      code: 'forbidden',
    });

    const before = await readBooking(bookingId);
    await bookingMove.run(ctx(), { bookingId, start: '2030-01-09T14:00:00Z' });
    const moved = await readBooking(bookingId);
    expect(moved.startsAt.toISOString()).toBe('2030-01-09T14:00:00.000Z');
    for (const id of before.reminderJobIds)
      expect((await boss.getJobById(QUEUES.bookingReminder, id))?.state).toBe('cancelled');
    expect(moved.reminderJobIds).toHaveLength(2);
    expect(calendar.objects.get(new URL(moved.calendarObjectUrl!).pathname)?.data).toContain(
      'DTSTART:20300109T140000Z',
    );

    // Signed in with the same email, from another chat: still theirs.
    const owner = ctx(
      {},
      {
        conversationId: '44444444-4444-4444-8444-444444444444',
        identified: true,
        email: 'ANN@example.com',
      },
    );
    await expect(bookingCancel.run(owner, { bookingId })).resolves.toMatchObject({
      status: 'cancelled',
    });
    for (const id of moved.reminderJobIds)
      expect((await boss.getJobById(QUEUES.bookingReminder, id))?.state).toBe('cancelled');
    expect(calendar.objects.has(new URL(moved.calendarObjectUrl!).pathname)).toBe(false);
    // A reminder that fires anyway (already fetched by a worker) sends nothing.
    const late = {
      tenantId,
      bookingId,
      startsAt: moved.startsAt.toISOString(),
      workspaceName: 'x',
      before: '1h',
    } as const;
    expect(await sendBookingReminder({ db: t.db, queue: boss }, late)).toBe('skipped');
  });

  it('says clearly when the calendar refuses the password, and offers nothing then', async () => {
    await expect(
      bookingFindSlots.run(ctx({ password: 'wrong' }), { fromDate: '2030-01-07', days: 1 }),
    ).rejects.toMatchObject({
      code: 'precondition_failed',
      message: expect.stringMatching(/refused the user name or password \(401\)/),
    });
  });

  it("keeps a workspace's bookings from another workspace (row-level security)", async () => {
    const other = (await newWorkspace(t.db, 'Other shop')).tenantId;
    const seen = await withTenant(t.db, other, (tx) =>
      tx
        .select({ id: schema.bookings.id })
        .from(schema.bookings)
        .where(eq(schema.bookings.tenantId, tenantId)),
    );
    expect(seen).toEqual([]);
  });
});

describe('booking through the actions framework', () => {
  it("offers slots naming the workspace's booking action, and books once the visitor confirms", async () => {
    const userId = asUserId(await newMember(t.db, tenantId, 'owner'));
    const { settings } = ctx();
    for (const [name, kind] of [
      ['find_times', 'booking.find_slots'],
      ['book_time', 'booking.book'],
    ] as const)
      await createAction(
        t.db,
        { tenantId, userId, requestIp: null },
        { name, description: name, kind, settings, enabled: true },
      );
    const deps = {
      db: t.db,
      allowLocal: true,
      services: { db: t.db, queue: boss },
      now: () => NOW,
    };
    const [conversation] = await withTenant(t.db, tenantId, (tx) =>
      tx.insert(schema.conversations).values({ tenantId, visitorId: 'v-cy' }).returning(),
    );
    const visitor = { conversationId: conversation!.id, identified: false };
    const finder = (await loadActionByName(t.db, tenantId, 'find_times'))!;
    // Left unsaid, a booking action follows the built-in: no signed identity needed.
    expect(finder.requiresIdentity).toBe(false);
    const offered = await runActionForVisitor(deps, {
      tenantId,
      action: finder,
      visitor,
      params: { fromDate: '2030-01-10', days: 1 },
    });
    expect(offered.card).toMatchObject({ type: 'slots', actionName: 'book_time' });
    const slot = (offered.card as { slots: { start: string; end: string }[] }).slots[0]!;

    const booker = (await loadActionByName(t.db, tenantId, 'book_time'))!;
    // Nobody signed in and no email yet: the picked time comes back in a form asking for one.
    const asked = await runActionForVisitor(deps, {
      tenantId,
      action: booker,
      visitor,
      params: slot,
    });
    expect(asked.card).toMatchObject({ type: 'form', actionName: 'book_time' });
    const fields = (asked.card as { fields: { name: string }[] }).fields;
    expect([...fields].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'email', label: 'Your email', type: 'email', required: true },
      { name: 'end', label: '', type: 'hidden', required: true, value: slot.end },
      { name: 'name', label: 'Your name', type: 'text', required: false },
      { name: 'start', label: '', type: 'hidden', required: true, value: slot.start },
    ]);
    const proposed = await runActionForVisitor(deps, {
      tenantId,
      action: booker,
      visitor,
      params: { ...slot, email: 'cy@example.com' },
    });
    expect(proposed.card).toMatchObject({ type: 'confirm' });
    const done = await confirmProposal(deps, {
      tenantId,
      conversationId: visitor.conversationId,
      proposalId: (proposed.card as { proposalId: string }).proposalId,
      visitor,
    });
    expect(done.card).toMatchObject({ type: 'booking', start: slot.start, status: 'confirmed' });

    // Someone else confirming the same time later hears why, in the booking's own words.
    const late = { conversationId: visitor.conversationId, identified: false };
    const again = await runActionForVisitor(deps, {
      tenantId,
      action: booker,
      visitor: late,
      params: { ...slot, email: 'dee@example.com' },
    });
    const refused = await confirmProposal(deps, {
      tenantId,
      conversationId: late.conversationId,
      proposalId: (again.card as { proposalId: string }).proposalId,
      visitor: late,
    });
    expect(refused).toEqual({
      ok: false,
      card: { type: 'error', message: 'That time is no longer free. Please pick another slot.' },
    });
  });
});

async function readBooking(id: string) {
  const [row] = await withTenant(t.db, tenantId, (tx) =>
    tx
      .select()
      .from(schema.bookings)
      .where(and(eq(schema.bookings.tenantId, tenantId), eq(schema.bookings.id, id))),
  );
  return row!;
}
