import {
  queryRows,
  schema,
  withTenant,
  type Database,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { conversationRow } from './conversation-row';

const { conversations, users } = schema;

/**
 * A change is stamped when its statement runs but seen by others only at commit, so a poll can
 * miss a row stamped just before it. Looking this far back catches those; the rows repeated
 * are snapshots, which the dashboard replaces by id.
 */
const LOOKBACK_MS = 5_000;

/**
 * The database's clock, as the first `since` of a live inbox (returned with the list) and the
 * next cursor: a browser's clock may be minutes off, the database's is the one stamps agree with.
 */
export async function databaseNow(tx: TenantDb): Promise<string> {
  const [row] = await queryRows<{ now: string }>(
    tx,
    sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`,
  );
  return row!.now;
}
const MAX_ROWS = 200;

/**
 * Conversations changed after `since` (a new message, a status change, a takeover, a note,
 * a rating), oldest change first, for the inbox's live refresh. Pass the returned `cursor` as
 * the next `since`. One index range scan (tenant, updated_at).
 */
export async function listConversationChanges(db: Database, tenantId: TenantId, since: Date) {
  return withTenant(db, tenantId, async (tx) => {
    const now = await databaseNow(tx);
    const rows = await tx
      .select(conversationRow(tenantId))
      .from(conversations)
      .leftJoin(users, eq(users.id, conversations.assignedUserId))
      .where(
        and(
          eq(conversations.tenantId, tenantId),
          gt(conversations.updatedAt, new Date(since.getTime() - LOOKBACK_MS)),
        ),
      )
      .orderBy(asc(conversations.updatedAt))
      .limit(MAX_ROWS);
    const truncated = rows.length === MAX_ROWS;
    // When capped, continue from the last row shown rather than from now.
    const cursor = truncated ? rows.at(-1)!.updatedAt.toISOString() : now;
    return { conversations: rows, cursor, truncated };
  });
}
