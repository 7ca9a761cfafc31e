import { schema, type TenantDb, type TenantId, type UserId } from '@replyline/db';
import { and, arrayOverlaps, desc, eq, sql } from 'drizzle-orm';

const { conversations, messages, users } = schema;

/**
 * Who answers the customer: the bot, nobody yet (a person was asked for), or a person. The
 * bot is quiet in the last two (`conversations.bot_paused_at` is set); which of them it is
 * comes from the latest hand-off line below.
 */
export type HandoffState = 'bot' | 'waiting' | 'person';

/**
 * The lines both sides see when the answering side changes, stored as system messages tagged
 * `handoff:<line>` so the widget and the inbox show them in the conversation's order (and the
 * widget in the visitor's language, by tag; `content` is the English fallback).
 */
export type HandoffLine = 'waiting' | 'joined' | 'bot_back' | 'ended';

const HANDOFF_LINES: readonly HandoffLine[] = ['waiting', 'joined', 'bot_back', 'ended'];
const TAG_PREFIX = 'handoff:';

export function handoffTag(line: HandoffLine): string {
  return `${TAG_PREFIX}${line}`;
}

/** The hand-off line a system message's tags name, if any. */
export function handoffLineOf(tags: readonly string[]): HandoffLine | null {
  for (const tag of tags) {
    const line = tag.startsWith(TAG_PREFIX) ? tag.slice(TAG_PREFIX.length) : '';
    if ((HANDOFF_LINES as readonly string[]).includes(line)) return line as HandoffLine;
  }
  return null;
}

/** The person answering (the author of the latest "joined" line). */
export interface HandoffAgent {
  userId: string;
  name: string;
  avatarUrl: string | null;
}

export interface Handoff {
  state: HandoffState;
  agent: HandoffAgent | null;
}

/** What an agent is called where the customer reads it: their name, else their email's name. */
export function agentDisplayName(user: { name: string | null; email: string | null }): string {
  const name = user.name?.trim();
  if (name) return name;
  return user.email?.split('@')[0] || 'Support team';
}

/**
 * The conversation's hand-off state, in the caller's transaction. A paused bot without any
 * hand-off line (a takeover from before lines were written) counts as a person answering.
 */
export async function readHandoff(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
): Promise<Handoff | null> {
  const [row] = await tx
    .select({ botPausedAt: conversations.botPausedAt })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
  if (!row) return null;
  if (!row.botPausedAt) return { state: 'bot', agent: null };
  const [latest] = await tx
    .select({
      tags: messages.tags,
      userId: messages.authorUserId,
      name: users.name,
      email: users.email,
      image: users.image,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(
      and(
        eq(messages.tenantId, tenantId),
        eq(messages.conversationId, conversationId),
        eq(messages.role, 'system'),
        arrayOverlaps(messages.tags, [handoffTag('waiting'), handoffTag('joined')]),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  if (latest && handoffLineOf(latest.tags) === 'waiting') return { state: 'waiting', agent: null };
  const agent =
    latest?.userId != null
      ? { userId: latest.userId, name: agentDisplayName(latest), avatarUrl: latest.image }
      : null;
  return { state: 'person', agent };
}

/**
 * Writes one hand-off line. Its time is the clock's, not the transaction's start: it sorts
 * after the visitor's message that caused it, even when both are written in one transaction.
 */
export async function insertHandoffLine(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
  line: {
    kind: HandoffLine;
    content: string;
    authorUserId?: UserId | null;
    /** The creation time of the message written just before, in this transaction. */
    after?: string | null;
  },
): Promise<{ messageId: string; createdAt: string }> {
  const [row] = await tx
    .insert(messages)
    .values({
      tenantId,
      conversationId,
      role: 'system',
      content: line.content,
      tags: [handoffTag(line.kind)],
      authorUserId: line.authorUserId ?? null,
      createdAt: writtenAfter(line.after),
    })
    .returning({ id: messages.id, createdAt: createdAtText });
  return { messageId: row!.id, createdAt: row!.createdAt };
}

/**
 * A message's creation time as Postgres wrote it (microseconds kept), for `writtenAfter`. The
 * drivers hand timestamps over as Postgres's text, so the bare column (no mapping to a Date)
 * keeps them; a `::text` cast would do the same but is a STABLE function Citus refuses in the
 * RETURNING of a distributed insert.
 */
export const createdAtText = sql<string>`${messages.createdAt}`;

/**
 * Creation time for a message written after another one in the same transaction: the clock,
 * but strictly later than `previous`. The clock alone can repeat a value (PGlite's is coarse)
 * and equal times would sort by the rows' random ids.
 */
export function writtenAfter(previous: string | null | undefined) {
  return previous
    ? sql`greatest(clock_timestamp(), ${previous}::timestamptz + interval '1 microsecond')`
    : sql`clock_timestamp()`;
}

/**
 * A person joins: "Anna joined" unless that same person is already the one answering. Written
 * before their first reply, so the customer sees who answers before the answer. Returns the
 * line's creation time (null when none was written), for the reply to be written after it.
 */
export async function joinAsAgent(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
  agentUserId: UserId,
): Promise<string | null> {
  const current = await readHandoff(tx, tenantId, conversationId);
  if (current?.state === 'person' && current.agent?.userId === agentUserId) return null;
  const [user] = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, agentUserId));
  const name = agentDisplayName(user ?? { name: null, email: null });
  const joined = await insertHandoffLine(tx, tenantId, conversationId, {
    kind: 'joined',
    content: `${name} joined`,
    authorUserId: agentUserId,
  });
  return joined.createdAt;
}
