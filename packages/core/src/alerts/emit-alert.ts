import {
  QUEUES,
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { and, arrayOverlaps, eq } from 'drizzle-orm';
import { WAITING_FOR_A_PERSON, type AlertEvent } from './alert-events';
import { ALERT_RETRY, type AlertJob } from './alert-job';

const { alertChannels } = schema;

export interface EmitAlertDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  /** Tests shorten the waits between attempts. */
  retry?: Partial<typeof ALERT_RETRY>;
}

/** What an alert is about: a ticket or a conversation, or a line for events without a row. */
export interface AlertSubject {
  ticketId?: string;
  conversationId?: string;
  /** A short line with no personal data (a booking's time, which delivery failed). */
  note?: string;
}

/**
 * Queues `event` for every channel of the workspace that asked for it (one job each, retried on
 * its own). When the event leaves a customer waiting for a person, channels that want
 * 'reply.overdue' also get a job that starts after their N minutes and is dropped if an agent
 * answered meanwhile. Returns how many jobs were queued.
 */
export async function emitAlert(
  deps: EmitAlertDeps,
  tenantId: TenantId,
  event: AlertEvent,
  subject: AlertSubject,
): Promise<number> {
  const watchesOverdue = WAITING_FOR_A_PERSON.includes(event);
  const channels = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({
        id: alertChannels.id,
        events: alertChannels.events,
        overdueMinutes: alertChannels.replyOverdueMinutes,
      })
      .from(alertChannels)
      .where(
        and(
          eq(alertChannels.tenantId, tenantId),
          arrayOverlaps(alertChannels.events, watchesOverdue ? [event, 'reply.overdue'] : [event]),
        ),
      ),
  );
  const options = { ...ALERT_RETRY, ...deps.retry };
  const base = { tenantId, ...subject };
  let queued = 0;
  for (const channel of channels) {
    if (channel.events.includes(event)) {
      const job: AlertJob = { ...base, channelId: channel.id, event };
      await deps.queue.send(QUEUES.alertDelivery, job, { ...options, ...onceInAWhile(job) });
      queued++;
    }
    if (watchesOverdue && channel.events.includes('reply.overdue')) {
      const job: AlertJob = {
        ...base,
        channelId: channel.id,
        event: 'reply.overdue',
        waitingSince: new Date().toISOString(),
      };
      await deps.queue.send(QUEUES.alertDelivery, job, {
        ...options,
        startAfter: channel.overdueMinutes * 60,
      });
      queued++;
    }
  }
  return queued;
}

/**
 * A conversation's signals repeat (a visitor asks for a person twice, stays upset for several
 * messages): one alert per channel, event and conversation in ten minutes is enough.
 */
function onceInAWhile(job: AlertJob): { singletonKey?: string; singletonSeconds?: number } {
  if (!job.conversationId || job.ticketId) return {};
  return {
    singletonKey: `${job.channelId}:${job.event}:${job.conversationId}`,
    singletonSeconds: 600,
  };
}
