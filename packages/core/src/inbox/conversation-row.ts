import { schema, type TenantId } from '@replyline/db';
import { sql, type SQL } from 'drizzle-orm';

const { conversations, users } = schema;

/*
 * The per-row subqueries below name the tenant by value, not by the outer row's tenant_id: with
 * the outer join to users, Citus on PostgreSQL 15/16 refuses a subquery correlated on the
 * distribution column ("outer joins and pseudoconstant quals"). The conversation id stays
 * correlated; on every engine the result is the same, since the outer row is in the tenant.
 */

/** The latest message a customer or the team wrote (never an internal note), cut for a list. */
const lastMessage = (tenantId: TenantId) => sql<{ role: string; content: string } | null>`(
  select json_build_object('role', m.role, 'content', left(m.content, 160))
  from messages m
  where m.tenant_id = ${tenantId} and m.conversation_id = ${conversations.id}
    and m.role <> 'note'
  order by m.created_at desc, m.id desc limit 1)`;

/**
 * Tags packages/ai sets on messages that say something about how the conversation went. Its
 * topic words (pricing, booking…) are one business's and not shown; a tenant's topics are
 * the knowledge its answers cited (`topics`).
 */
export const SIGNAL_TAGS = ['upset', 'confused', 'thanks', 'human_requested', 'unanswered'];

/** Signal tags found anywhere in the conversation, e.g. upset, human_requested. */
const tags = (tenantId: TenantId) => sql<string[]>`(
  select coalesce(array_agg(distinct tag order by tag), '{}')
  from messages m, unnest(m.tags) tag
  where m.tenant_id = ${tenantId} and m.conversation_id = ${conversations.id}
    and tag in (${sql.join(
      SIGNAL_TAGS.map((tag) => sql`${tag}`),
      sql`, `,
    )}))`;

/**
 * The conversation's topics in the tenant's own words: the titles of the documents and FAQ
 * entries its answers cited most, at most three.
 */
const topics = (tenantId: TenantId) => sql<string[]>`(
  select coalesce(array_agg(title order by n desc, title), '{}') from (
    select s->>'title' as title, count(*) as n
    from messages m, jsonb_array_elements(m.sources) s
    where m.tenant_id = ${tenantId} and m.conversation_id = ${conversations.id}
      and m.role = 'assistant' and coalesce(s->>'title', '') <> ''
    group by 1 order by 2 desc, 1 limit 3) cited)`;

/**
 * Escalated now or at any time before (a resolved conversation that once went to a person).
 * The subquery names the tenant by value, not by the outer row, so it is uncorrelated:
 * Postgres reads the tenant's escalation events once per query and probes a hash, instead of
 * once per conversation.
 */
export function wasEscalated(tenantId: TenantId): SQL<boolean> {
  return sql<boolean>`(${conversations.status} = 'escalated' or ${conversations.id} in (
    select e.conversation_id from events e
    where e.tenant_id = ${tenantId} and e.type = 'escalated' and e.conversation_id is not null))`;
}

/** One conversation as the inbox lists it. */
export const conversationRow = (tenantId: TenantId) => ({
  id: conversations.id,
  visitorId: conversations.visitorId,
  customerEmail: conversations.customerEmail,
  customerName: conversations.customerName,
  status: conversations.status,
  escalated: wasEscalated(tenantId),
  language: conversations.language,
  rating: conversations.rating,
  botPausedAt: conversations.botPausedAt,
  assignedUserId: conversations.assignedUserId,
  assignedUserName: users.name,
  lastMessageAt: conversations.lastMessageAt,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
  lastMessage: lastMessage(tenantId),
  tags: tags(tenantId),
  topics: topics(tenantId),
});
