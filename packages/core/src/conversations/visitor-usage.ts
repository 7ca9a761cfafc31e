import {
  runPrepared,
  schema,
  withTenant,
  type Database,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';

const { conversations, messages } = schema;

/** Model tokens (input + output) the visitor's answers used since `since` (default: UTC midnight). */
export async function visitorTokensToday(
  db: Database,
  tenantId: TenantId,
  visitorId: string,
  since: Date = startOfUtcDay(new Date()),
): Promise<number> {
  return withTenant(db, tenantId, (tx) => countVisitorTokens(tx, tenantId, visitorId, since));
}

/** `visitorTokensToday` in the caller's transaction. */
export async function countVisitorTokens(
  tx: TenantDb,
  tenantId: TenantId,
  visitorId: string,
  since: Date = startOfUtcDay(new Date()),
): Promise<number> {
  const [row] = await runPrepared(
    tx
      .select({
        tokens: sql<string>`coalesce(sum(coalesce((${messages.usage}->>'inputTokens')::bigint, 0) + coalesce((${messages.usage}->>'outputTokens')::bigint, 0)), 0)`,
      })
      .from(messages)
      .innerJoin(
        conversations,
        and(
          eq(conversations.tenantId, messages.tenantId),
          eq(conversations.id, messages.conversationId),
        ),
      )
      .where(
        and(
          eq(messages.tenantId, tenantId),
          eq(conversations.visitorId, visitorId),
          eq(messages.role, 'assistant'),
          isNotNull(messages.usage),
          gte(messages.createdAt, since),
        ),
      ),
    'visitor_tokens_today',
  );
  return Number(row?.tokens ?? 0);
}

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
