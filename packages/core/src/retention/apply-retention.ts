import { PLANS } from '@replyline/billing';
import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';

const { conversations, events, tickets, tenants } = schema;

export interface RetentionDeps {
  db: Database;
  /** Rows deleted per transaction: short transactions keep locks and replication lag small. */
  batchSize?: number;
  /** "Now", for tests. */
  now?: Date;
}

export interface RetentionResult {
  tenants: number;
  conversations: number;
  tickets: number;
  events: number;
}

const DAY_MS = 86_400_000;

/** The plans whose workspaces may delete data on a schedule (the Business "retention" feature). */
const PLANS_WITH_RETENTION = PLANS.filter((plan) => plan.features.retention).map((p) => p.id);

/**
 * The nightly retention run: in every tenant that set `retention_days`, deletes conversations
 * whose last activity is older than that (their messages, events and customer-uploaded files
 * go with them), solved or closed tickets not touched for as long (with their history), and
 * events of no conversation or ticket (widget opened, …) as old. Open tickets of deleted
 * conversations stay, unlinked: a customer still waits on them. Usage records (billing) are
 * never deleted. Batches, so no run holds locks long.
 * Only on plans with the retention feature: after a downgrade the setting is kept but paused
 * (nothing is deleted, the settings page says so) and it applies again on an upgrade.
 */
export async function applyRetention(deps: RetentionDeps): Promise<RetentionResult> {
  const due = await deps.db
    .select({ id: tenants.id, days: tenants.retentionDays })
    .from(tenants)
    .where(and(isNotNull(tenants.retentionDays), inArray(tenants.plan, PLANS_WITH_RETENTION)));
  const total: RetentionResult = { tenants: due.length, conversations: 0, tickets: 0, events: 0 };
  const now = deps.now ?? new Date();
  for (const tenant of due) {
    const cutoff = new Date(now.getTime() - tenant.days! * DAY_MS);
    const done = await applyTenantRetention(deps, tenant.id as TenantId, cutoff);
    total.conversations += done.conversations;
    total.tickets += done.tickets;
    total.events += done.events;
  }
  return total;
}

async function applyTenantRetention(deps: RetentionDeps, tenantId: TenantId, cutoff: Date) {
  const batch = deps.batchSize ?? 500;
  const done = { conversations: 0, tickets: 0, events: 0 };
  for (;;) {
    const n = await deleteConversationBatch(deps.db, tenantId, cutoff, batch);
    done.conversations += n.conversations;
    done.tickets += n.tickets;
    if (n.conversations < batch) break;
  }
  for (;;) {
    const n = await deleteOldTickets(deps.db, tenantId, cutoff, batch);
    done.tickets += n;
    if (n < batch) break;
  }
  for (;;) {
    const n = await deleteLooseEvents(deps.db, tenantId, cutoff, batch);
    done.events += n;
    if (n < batch) break;
  }
  return done;
}

async function deleteConversationBatch(
  db: Database,
  tenantId: TenantId,
  cutoff: Date,
  batch: number,
) {
  return withTenant(db, tenantId, async (tx) => {
    const doomed = (
      await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.tenantId, tenantId), lt(conversations.lastMessageAt, cutoff)))
        .orderBy(conversations.lastMessageAt)
        .limit(batch)
        .for('update', { skipLocked: true })
    ).map((c) => c.id);
    if (doomed.length === 0) return { conversations: 0, tickets: 0 };
    const ofDoomed = and(eq(tickets.tenantId, tenantId), inArray(tickets.conversationId, doomed));
    const closed = await tx
      .delete(tickets)
      .where(and(ofDoomed, inArray(tickets.status, ['solved', 'closed'])))
      .returning({ id: tickets.id });
    await deleteTicketEvents(
      tx,
      tenantId,
      closed.map((t) => t.id),
    );
    const kept = await tx
      .update(tickets)
      .set({ conversationId: null })
      .where(ofDoomed)
      .returning({ id: tickets.id });
    // A kept ticket keeps its history, which would otherwise go with the conversation.
    if (kept.length)
      await tx
        .update(events)
        .set({ conversationId: null })
        .where(
          and(
            eq(events.tenantId, tenantId),
            inArray(events.conversationId, doomed),
            inArray(
              sql`${events.data}->>'ticketId'`,
              kept.map((t) => t.id),
            ),
          ),
        );
    await tx
      .delete(conversations)
      .where(and(eq(conversations.tenantId, tenantId), inArray(conversations.id, doomed)));
    return { conversations: doomed.length, tickets: closed.length };
  });
}

async function deleteOldTickets(db: Database, tenantId: TenantId, cutoff: Date, batch: number) {
  return withTenant(db, tenantId, async (tx) => {
    const old = tx
      .select({ tenantId: tickets.tenantId, id: tickets.id })
      .from(tickets)
      .where(
        and(
          eq(tickets.tenantId, tenantId),
          inArray(tickets.status, ['solved', 'closed']),
          lt(tickets.updatedAt, cutoff),
        ),
      )
      .limit(batch);
    const deleted = await tx
      .delete(tickets)
      .where(inArray(sql`(${tickets.tenantId}, ${tickets.id})`, old))
      .returning({ id: tickets.id });
    await deleteTicketEvents(
      tx,
      tenantId,
      deleted.map((t) => t.id),
    );
    return deleted.length;
  });
}

/** A deleted ticket's history (made, changed, replied) goes with it. */
async function deleteTicketEvents(tx: TenantDb, tenantId: TenantId, ticketIds: string[]) {
  if (ticketIds.length === 0) return;
  await tx
    .delete(events)
    .where(
      and(eq(events.tenantId, tenantId), inArray(sql`${events.data}->>'ticketId'`, ticketIds)),
    );
}

/**
 * Old events that belong to no conversation and no ticket (widget opened, …). Events of a
 * conversation go with it; a ticket's with the ticket.
 */
async function deleteLooseEvents(db: Database, tenantId: TenantId, cutoff: Date, batch: number) {
  return withTenant(db, tenantId, async (tx) => {
    const old = tx
      .select({ tenantId: events.tenantId, id: events.id })
      .from(events)
      .where(
        and(
          eq(events.tenantId, tenantId),
          lt(events.createdAt, cutoff),
          isNull(events.conversationId),
          sql`not (${events.data} ? 'ticketId')`,
        ),
      )
      .limit(batch);
    const deleted = await tx
      .delete(events)
      .where(inArray(sql`(${events.tenantId}, ${events.id})`, old))
      .returning({ id: events.id });
    return deleted.length;
  });
}
