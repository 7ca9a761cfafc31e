import { z } from 'zod';
import { DomainError } from '../../domain-error';
import type { ActionCard, ActionRunContext, BuiltInIntegration } from '../contract';
import {
  BOOKING_SECRET_SETTINGS,
  ZBookingSettings,
  type TBookingSettings,
} from './booking-settings';
import { bookSlot, cancelBooking, findSlots, moveBooking } from './booking-service';

type Booking = Awaited<ReturnType<typeof bookSlot>>;

const ZStart = z.iso
  .datetime({
    offset: true,
    error: 'Give the start as an ISO date and time, e.g. 2026-12-07T09:00:00Z.',
  })
  .describe('The start of the chosen slot, exactly as offered by booking.find_slots.');

const ZFindSlotsParams = z.object({
  fromDate: z.iso
    .date()
    .optional()
    .describe('First day to look at (YYYY-MM-DD); leave out for today.'),
  days: z.number().int().min(1).max(14).optional().describe('How many days to look at; default 7.'),
});

const ZBookParams = z.object({
  start: ZStart,
  // The slot picker sends the slot as offered; the length itself is the business's setting.
  end: z.iso.datetime({ offset: true }).optional().describe('The end of the chosen slot.'),
  name: z.string().trim().max(120).optional().describe("The visitor's name."),
  email: z.email().optional().describe("The visitor's email, when they are not signed in."),
});

const ZCancelParams = z.object({ bookingId: z.uuid().describe('The booking to cancel.') });
const ZMoveParams = z.object({ bookingId: z.uuid(), start: ZStart });

const bookingBase = {
  settings: ZBookingSettings,
  secretSettings: BOOKING_SECRET_SETTINGS,
  requiresIdentity: false,
};

export const bookingFindSlots: BuiltInIntegration<typeof ZFindSlotsParams> = {
  ...bookingBase,
  kind: 'booking.find_slots',
  description: 'Lists free appointment times from the business calendar, within working hours.',
  parameters: ZFindSlotsParams,
  sideEffects: false,
  async run(ctx, params) {
    const settings = settingsOf(ctx);
    const slots = await findSlots(ctx, settings, params);
    return {
      type: 'slots',
      actionName: 'booking.book',
      timezone: settings.timezone,
      slots: slots.map(({ start, end }) => ({
        start: start.toISOString(),
        end: end.toISOString(),
      })),
    };
  },
};

export const bookingBook: BuiltInIntegration<typeof ZBookParams> = {
  ...bookingBase,
  kind: 'booking.book',
  description:
    'Books one free slot for the visitor: the event goes into the business calendar, the visitor gets a confirmation email with the invitation and reminders.',
  parameters: ZBookParams,
  sideEffects: true,
  async run(ctx, params) {
    const settings = settingsOf(ctx);
    // A signed email wins over a typed one: reminders must reach the person who is signed in.
    const email = (ctx.visitor.identified && ctx.visitor.email) || params.email;
    if (!email)
      throw new DomainError(
        'bad_input',
        'Enter your email address so we can send the confirmation.',
      );
    const booking = await bookSlot(ctx, settings, {
      start: new Date(params.start),
      email,
      name: params.name,
    });
    return bookingCard(booking);
  },
};

export const bookingCancel: BuiltInIntegration<typeof ZCancelParams> = {
  ...bookingBase,
  kind: 'booking.cancel',
  description:
    'Cancels a booking the visitor made: the event is removed and the reminders are dropped.',
  parameters: ZCancelParams,
  sideEffects: true,
  async run(ctx, params) {
    return bookingCard(await cancelBooking(ctx, settingsOf(ctx), params.bookingId));
  },
};

export const bookingMove: BuiltInIntegration<typeof ZMoveParams> = {
  ...bookingBase,
  kind: 'booking.move',
  description:
    'Moves a booking the visitor made to another free slot; the event and reminders follow.',
  parameters: ZMoveParams,
  sideEffects: true,
  async run(ctx, params) {
    return bookingCard(
      await moveBooking(ctx, settingsOf(ctx), params.bookingId, new Date(params.start)),
    );
  },
};

function settingsOf(ctx: ActionRunContext): TBookingSettings {
  const parsed = ZBookingSettings.safeParse(ctx.settings);
  if (!parsed.success)
    throw new DomainError(
      'precondition_failed',
      `Booking is not set up: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

function bookingCard(booking: Booking): ActionCard {
  return {
    type: 'booking',
    bookingId: booking.id,
    start: booking.startsAt.toISOString(),
    end: booking.endsAt.toISOString(),
    summary: booking.summary,
    status: booking.status,
  };
}
