import { pgErrorCode, schema, withTenant, type TenantId } from '@replyline/db';
import { sendEmail } from '@replyline/email';
import { and, eq, gte, lt } from 'drizzle-orm';
import { DomainError } from '../../domain-error';
import type { ActionRunContext, IntegrationServices } from '../contract';
import { sameEmail } from '../ownership';
import { bookingIcs } from './booking-ics';
import { cancelReminders, scheduleReminders } from './booking-reminders';
import type { TBookingSettings } from './booking-settings';
import {
  deleteCalendarEvent,
  putCalendarEvent,
  readBusyTimes,
  replaceCalendarEvent,
} from './calendar-source';
import { freeSlots, isFreeSlot, type Interval } from './free-slots';
import { addDays, zonedDateOf } from './zoned-time';

const { bookings } = schema;
type BookingRow = typeof bookings.$inferSelect;

/** The slots the visitor may pick: calendar busy times and confirmed bookings both block. */
export async function findSlots(
  ctx: ActionRunContext,
  settings: TBookingSettings,
  range: { fromDate?: string; days?: number; limit?: number },
): Promise<Interval[]> {
  const now = ctx.now?.() ?? new Date();
  const today = zonedDateOf(now, settings.timezone).date;
  const fromDate = range.fromDate && range.fromDate > today ? range.fromDate : today;
  const lastDate = addDays(today, settings.horizonDays);
  if (fromDate >= lastDate) return [];
  const days = Math.min(range.days ?? 7, daysBetween(fromDate, lastDate));
  const window = {
    start: new Date(`${addDays(fromDate, -1)}T00:00:00Z`),
    end: new Date(`${addDays(fromDate, days + 1)}T00:00:00Z`),
  };
  const busy = await allBusy(ctx, settings, window);
  return freeSlots(settings, busy, { fromDate, days, now, limit: range.limit ?? 40 });
}

export interface BookInput {
  start: Date;
  email: string;
  name?: string;
}

/**
 * Books a slot: checks it is still free, stores the booking (one confirmed booking per start
 * time, so a race loses cleanly), writes the event to the calendar, queues the reminders and
 * emails the confirmation with the invitation attached.
 */
export async function bookSlot(
  ctx: ActionRunContext,
  settings: TBookingSettings,
  input: BookInput,
): Promise<BookingRow> {
  const services = requireServices(ctx);
  const tenantId = ctx.tenantId as TenantId;
  const now = ctx.now?.() ?? new Date();
  await assertFree(ctx, settings, input.start, now);
  const end = new Date(input.start.getTime() + settings.slotMinutes * 60_000);
  const booking = await insertBooking(services, tenantId, {
    conversationId: ctx.visitor.conversationId,
    customerEmail: input.email,
    customerName: input.name ?? null,
    summary: settings.summary,
    startsAt: input.start,
    endsAt: end,
    timezone: settings.timezone,
  });
  try {
    const calendarObjectUrl = await putCalendarEvent(
      settings,
      booking.id,
      eventIcs(booking, settings, 0),
      ctx,
    );
    const reminderJobIds = await scheduleReminders(
      services.queue,
      reminderOf(booking, settings),
      now,
    );
    const saved = await updateBooking(services, tenantId, booking.id, {
      calendarObjectUrl,
      reminderJobIds,
    });
    await notify(services, saved, settings, 'confirmed', 0);
    return saved;
  } catch (error) {
    // Nothing half-done stays: the slot is free again and no reminder goes out.
    await updateBooking(services, tenantId, booking.id, { status: 'cancelled' }).catch(
      () => undefined,
    );
    throw error;
  }
}

/** Cancels a booking the visitor owns: reminders dropped, event removed, email sent. */
export async function cancelBooking(
  ctx: ActionRunContext,
  settings: TBookingSettings,
  bookingId: string,
): Promise<BookingRow> {
  const services = requireServices(ctx);
  const booking = await ownedBooking(ctx, services, bookingId);
  if (booking.status === 'cancelled') return booking;
  await cancelReminders(services.queue, booking.reminderJobIds);
  if (booking.calendarObjectUrl)
    await deleteCalendarEvent(settings, booking.calendarObjectUrl, ctx);
  const saved = await updateBooking(services, ctx.tenantId as TenantId, booking.id, {
    status: 'cancelled',
    reminderJobIds: [],
  });
  await notify(services, saved, settings, 'cancelled', 2);
  return saved;
}

/** Moves a booking the visitor owns to another free slot: event and reminders follow. */
export async function moveBooking(
  ctx: ActionRunContext,
  settings: TBookingSettings,
  bookingId: string,
  start: Date,
): Promise<BookingRow> {
  const services = requireServices(ctx);
  const tenantId = ctx.tenantId as TenantId;
  const booking = await ownedBooking(ctx, services, bookingId);
  if (booking.status !== 'confirmed')
    throw new DomainError('conflict', 'That booking is cancelled; book a new time instead.');
  const now = ctx.now?.() ?? new Date();
  await assertFree(ctx, settings, start, now);
  const end = new Date(start.getTime() + (booking.endsAt.getTime() - booking.startsAt.getTime()));
  const moved = await updateBooking(services, tenantId, booking.id, {
    startsAt: start,
    endsAt: end,
  }).catch((error: unknown) => {
    throw slotTaken(error);
  });
  await cancelReminders(services.queue, booking.reminderJobIds);
  if (moved.calendarObjectUrl)
    await replaceCalendarEvent(
      settings,
      moved.calendarObjectUrl,
      eventIcs(moved, settings, 1),
      ctx,
    );
  const reminderJobIds = await scheduleReminders(services.queue, reminderOf(moved, settings), now);
  const saved = await updateBooking(services, tenantId, booking.id, { reminderJobIds });
  await notify(services, saved, settings, 'moved', 1);
  return saved;
}

async function assertFree(
  ctx: ActionRunContext,
  settings: TBookingSettings,
  start: Date,
  now: Date,
) {
  const day = zonedDateOf(start, settings.timezone).date;
  const window = {
    start: new Date(`${addDays(day, -1)}T00:00:00Z`),
    end: new Date(`${addDays(day, 2)}T00:00:00Z`),
  };
  const busy = await allBusy(ctx, settings, window);
  if (!isFreeSlot(settings, busy, start, now))
    throw new DomainError('conflict', 'That time is no longer free. Please pick another slot.');
}

async function allBusy(
  ctx: ActionRunContext,
  settings: TBookingSettings,
  window: Interval,
): Promise<Interval[]> {
  const calendar = await readBusyTimes(settings, window, ctx);
  if (!ctx.services) return calendar;
  const tenantId = ctx.tenantId as TenantId;
  const booked = await withTenant(ctx.services.db, tenantId, (tx) =>
    tx
      .select({ start: bookings.startsAt, end: bookings.endsAt })
      .from(bookings)
      .where(
        and(
          eq(bookings.tenantId, tenantId),
          eq(bookings.status, 'confirmed'),
          lt(bookings.startsAt, window.end),
          gte(bookings.endsAt, window.start),
        ),
      ),
  );
  return [...calendar, ...booked];
}

async function insertBooking(
  services: IntegrationServices,
  tenantId: TenantId,
  values: Omit<typeof bookings.$inferInsert, 'tenantId'>,
): Promise<BookingRow> {
  try {
    const [row] = await withTenant(services.db, tenantId, (tx) =>
      tx
        .insert(bookings)
        .values({ tenantId, ...values })
        .returning(),
    );
    return row!;
  } catch (error) {
    throw slotTaken(error);
  }
}

function slotTaken(error: unknown): unknown {
  return pgErrorCode(error) === '23505'
    ? new DomainError('conflict', 'Someone just booked that time. Please pick another slot.')
    : error;
}

async function updateBooking(
  services: IntegrationServices,
  tenantId: TenantId,
  id: string,
  values: Partial<typeof bookings.$inferInsert>,
): Promise<BookingRow> {
  const [row] = await withTenant(services.db, tenantId, (tx) =>
    tx
      .update(bookings)
      .set(values)
      .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, id)))
      .returning(),
  );
  return row!;
}

/** A booking is the visitor's when it was made in this chat or under their signed email. */
async function ownedBooking(
  ctx: ActionRunContext,
  services: IntegrationServices,
  bookingId: string,
): Promise<BookingRow> {
  const tenantId = ctx.tenantId as TenantId;
  const [booking] = /^[0-9a-f-]{36}$/i.test(bookingId)
    ? await withTenant(services.db, tenantId, (tx) =>
        tx
          .select()
          .from(bookings)
          .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, bookingId))),
      )
    : [];
  if (!booking) throw new DomainError('not_found', 'There is no such booking.');
  const { visitor } = ctx;
  const mine =
    booking.conversationId === visitor.conversationId ||
    (visitor.identified && sameEmail(visitor.email, booking.customerEmail));
  if (!mine)
    throw new DomainError(
      'forbidden',
      'That booking was not made by you, so it cannot be changed here.',
    );
  return booking;
}

function eventIcs(
  booking: BookingRow,
  settings: TBookingSettings,
  sequence: number,
  method?: 'REQUEST' | 'CANCEL',
) {
  return bookingIcs(
    {
      uid: booking.id,
      summary: booking.summary,
      start: booking.startsAt,
      end: booking.endsAt,
      organizerName: settings.workspaceName,
      attendeeEmail: booking.customerEmail,
      attendeeName: booking.customerName ?? undefined,
      sequence,
      status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    },
    method,
  );
}

function reminderOf(booking: BookingRow, settings: TBookingSettings) {
  return {
    tenantId: booking.tenantId,
    bookingId: booking.id,
    startsAt: booking.startsAt.toISOString(),
    workspaceName: settings.workspaceName,
  };
}

async function notify(
  services: IntegrationServices,
  booking: BookingRow,
  settings: TBookingSettings,
  kind: 'confirmed' | 'moved' | 'cancelled',
  sequence: number,
) {
  const ics = eventIcs(booking, settings, sequence, kind === 'cancelled' ? 'CANCEL' : 'REQUEST');
  await sendEmail(services, {
    to: booking.customerEmail,
    template: 'booking-notice',
    props: {
      kind,
      workspaceName: settings.workspaceName,
      customerName: booking.customerName ?? undefined,
      summary: booking.summary,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      timeZone: booking.timezone,
    },
    metadata: { tenantId: booking.tenantId, bookingId: booking.id },
    attachments: [
      {
        filename: 'invite.ics',
        contentType: `text/calendar; charset=utf-8; method=${kind === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
        content: Buffer.from(ics, 'utf8').toString('base64'),
      },
    ],
  });
}

function requireServices(ctx: ActionRunContext): IntegrationServices {
  if (!ctx.services)
    throw new DomainError(
      'unavailable',
      'Bookings cannot be made here right now (no database or queue).',
    );
  return ctx.services;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
