import {
  QUEUES,
  schema,
  withTenant,
  type Database,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { and, eq } from 'drizzle-orm';
import { PUSH_RETRY, type PushJob, type PushKind } from './push-job';

const { pushSubscriptions } = schema;

export interface QueuePushDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  /** Tests shorten the waits between attempts. */
  retry?: Partial<typeof PUSH_RETRY>;
}

export interface Assignment {
  assigneeUserId: string | null | undefined;
  /** Who assigned it: taking something yourself is no news to push. */
  byUserId: string;
  conversationId?: string;
  ticketId?: string;
}

/** Pushes a chat or ticket to every device of the member it was just given to. */
export async function pushAssignment(
  deps: QueuePushDeps,
  tenantId: TenantId,
  assignment: Assignment,
): Promise<number> {
  const { assigneeUserId, byUserId, conversationId, ticketId } = assignment;
  if (!assigneeUserId || assigneeUserId === byUserId) return 0;
  const kind: PushKind = ticketId ? 'ticket.assigned' : 'chat.assigned';
  const devices = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(
        and(eq(pushSubscriptions.tenantId, tenantId), eq(pushSubscriptions.userId, assigneeUserId)),
      ),
  );
  return queueEach(deps, devices, { tenantId, kind, conversationId, ticketId });
}

/** A visitor started a chat nobody holds yet: push it to the devices that opted in. */
export async function pushNewChat(
  deps: QueuePushDeps,
  tenantId: TenantId,
  conversationId: string,
): Promise<number> {
  const devices = await withTenant(deps.db, tenantId, (tx) =>
    tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(
        and(eq(pushSubscriptions.tenantId, tenantId), eq(pushSubscriptions.notifyUnassigned, true)),
      ),
  );
  return queueEach(deps, devices, { tenantId, kind: 'chat.started', conversationId });
}

async function queueEach(
  deps: QueuePushDeps,
  devices: { id: string }[],
  about: Omit<PushJob, 'subscriptionId'>,
): Promise<number> {
  const options = { ...PUSH_RETRY, ...deps.retry };
  for (const device of devices) {
    const job: PushJob = { ...about, subscriptionId: device.id };
    await deps.queue.send(QUEUES.pushDelivery, job, options);
  }
  return devices.length;
}
