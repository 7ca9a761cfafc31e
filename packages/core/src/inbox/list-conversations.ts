import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, desc, eq, gte, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { databaseNow } from './conversation-changes';
import { conversationRow, wasEscalated } from './conversation-row';

const { conversations, users } = schema;

const ZRating = z.int().min(1).max(5);

/** The inbox's filters; every one optional, all combined with AND. */
export const ZInboxFilter = z.object({
  status: z.enum(['open', 'escalated', 'resolved']).optional(),
  /** Went to a person at some point (status escalated now, or an escalation before). */
  escalated: z.boolean().optional(),
  /** CSAT between these, inclusive; conversations without a rating never match. */
  rating: z.object({ min: ZRating.optional(), max: ZRating.optional() }).optional(),
  language: z.string().trim().min(2).max(20).optional(),
  /** Last activity in [from, to]. */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** The inbox's views: the viewer's own conversations, or nobody's. Unset: all. */
  assigned: z.enum(['mine', 'unassigned']).optional(),
  /** Words in a message, the customer's name or email, or the visitor id. */
  search: z.string().trim().min(1).max(200).optional(),
});
export type TInboxFilter = z.infer<typeof ZInboxFilter>;

export const ZListConversations = ZInboxFilter.extend({
  cursor: z.string().max(200).optional(),
  limit: z.int().min(1).max(100).default(50),
});
export type TListConversations = z.input<typeof ZListConversations>;

/** The SQL condition for a filter, in the tenant, as `viewer` sees it ("mine"). */
export function inboxWhere(
  tenantId: TenantId,
  filter: TInboxFilter,
  viewer: UserId | null = null,
): SQL | undefined {
  const { rating } = filter;
  return and(
    eq(conversations.tenantId, tenantId),
    filter.status ? eq(conversations.status, filter.status) : undefined,
    filter.escalated === undefined
      ? undefined
      : filter.escalated
        ? wasEscalated(tenantId)
        : sql`not ${wasEscalated(tenantId)}`,
    rating?.min ? gte(conversations.rating, rating.min) : undefined,
    rating?.max ? lte(conversations.rating, rating.max) : undefined,
    filter.language ? eq(conversations.language, filter.language) : undefined,
    filter.from ? gte(conversations.lastMessageAt, filter.from) : undefined,
    filter.to ? lte(conversations.lastMessageAt, filter.to) : undefined,
    assignedWhere(filter.assigned, viewer),
    filter.search ? searchWhere(tenantId, filter.search) : undefined,
  );
}

function assignedWhere(assigned: TInboxFilter['assigned'], viewer: UserId | null) {
  if (assigned === 'unassigned') return isNull(conversations.assignedUserId);
  if (assigned !== 'mine') return undefined;
  if (!viewer) throw new DomainError('bad_input', 'Sign in to see your own conversations.');
  return eq(conversations.assignedUserId, viewer);
}

/** A LIKE pattern matching `text` anywhere, its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Conversations whose customer matches, or where any customer or team message (not notes)
 * contains the words as typed, in any case.
 */
function searchWhere(tenantId: TenantId, search: string): SQL | undefined {
  const pattern = containsPattern(search);
  return or(
    ilike(conversations.customerEmail, pattern),
    ilike(conversations.customerName, pattern),
    ilike(conversations.visitorId, pattern),
    sql`exists (select 1 from messages m where m.tenant_id = ${tenantId}
      and m.conversation_id = ${conversations.id} and m.role <> 'note'
      and m.content ilike ${pattern})`,
  );
}

/**
 * A page of the inbox, newest activity first. The cursor is the last row's activity time
 * (as Postgres wrote it, to the microsecond) and id, so pages neither skip nor repeat rows
 * while new messages arrive.
 */
export async function listConversations(
  db: Database,
  tenantId: TenantId,
  input: TListConversations,
  viewer: UserId | null = null,
) {
  const { cursor, limit, ...filter } = ZListConversations.parse(input);
  const after = cursor ? decodeCursor(cursor) : null;
  const { rows, syncedAt } = await withTenant(db, tenantId, async (tx) => ({
    syncedAt: await databaseNow(tx),
    rows: await tx
      .select({ ...conversationRow(tenantId), cursorAt: activityText })
      .from(conversations)
      .leftJoin(users, eq(users.id, conversations.assignedUserId))
      .where(
        and(
          inboxWhere(tenantId, filter, viewer),
          after
            ? sql`(${conversations.lastMessageAt}, ${conversations.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
      .limit(limit + 1),
  }));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    conversations: page.map(({ cursorAt: _cursorAt, ...row }) => row),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
    /** Pass as `since` to `changesSince` to hear of changes from this list on. */
    syncedAt,
  };
}

const activityText = sql<string>`to_char(${conversations.lastMessageAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const ZCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify({ at, id })).toString('base64url');
}

function decodeCursor(cursor: string): z.infer<typeof ZCursor> {
  try {
    return ZCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('bad_input', 'This page link is no longer valid.');
  }
}
