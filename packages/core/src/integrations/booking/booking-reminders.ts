import {
  QUEUES,
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { sendEmail } from '@replyline/email';
import { and, eq } from 'drizzle-orm';

/** What a reminder job carries; the rest is read from the booking when it runs. */
export interface BookingReminderJob {
  tenantId: string;
  bookingId: string;
  /** The start the reminder was scheduled for: a moved booking's old reminders do nothing. */
  startsAt: string;
  workspaceName: string;
  before: '24h' | '1h';
}

const BEFORE_MS = { '24h': 24 * 3_600_000, '1h': 3_600_000 } as const;

/**
 * Queues the 24 h and 1 h reminders as delayed jobs in the Postgres queue (they survive
 * restarts); a reminder whose time has already passed is not queued. Returns the job ids.
 */
export async function scheduleReminders(
  queue: Pick<PgBoss, 'send'>,
  booking: Omit<BookingReminderJob, 'before'>,
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const before of ['24h', '1h'] as const) {
    const due = new Date(new Date(booking.startsAt).getTime() - BEFORE_MS[before]);
    if (due <= now) continue;
    const id = await queue.send(
      QUEUES.bookingReminder,
      { ...booking, before } satisfies BookingReminderJob,
      {
        startAfter: due,
        retryLimit: 3,
        retryDelay: 30,
        retryBackoff: true,
      },
    );
    if (id) ids.push(id);
  }
  return ids;
}

export async function cancelReminders(
  queue: Pick<PgBoss, 'cancel'>,
  jobIds: string[],
): Promise<void> {
  if (jobIds.length) await queue.cancel(QUEUES.bookingReminder, jobIds);
}

/** One due reminder: emails the customer unless the booking was cancelled or moved since. */
export async function sendBookingReminder(
  deps: { db: Database; queue: Pick<PgBoss, 'send'> },
  job: BookingReminderJob,
): Promise<'sent' | 'skipped'> {
  const tenantId = job.tenantId as TenantId;
  const { bookings } = schema;
  const [booking] = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.tenantId, tenantId), eq(bookings.id, job.bookingId))),
  );
  if (!booking || booking.status !== 'confirmed') return 'skipped';
  if (booking.startsAt.getTime() !== new Date(job.startsAt).getTime()) return 'skipped';
  await sendEmail(deps, {
    to: booking.customerEmail,
    template: 'booking-notice',
    props: {
      kind: 'reminder',
      workspaceName: job.workspaceName,
      customerName: booking.customerName ?? undefined,
      summary: booking.summary,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      timeZone: booking.timezone,
    },
    metadata: { tenantId, bookingId: booking.id, reminder: job.before },
  });
  return 'sent';
}

/** The worker for reminder jobs; returns its id for `offWork`. */
export async function startBookingReminderWorker(
  boss: PgBoss,
  deps: { db: Database },
): Promise<string> {
  return boss.work<BookingReminderJob>(QUEUES.bookingReminder, { batchSize: 5 }, async (jobs) => {
    for (const job of jobs) await sendBookingReminder({ db: deps.db, queue: boss }, job.data);
  });
}
