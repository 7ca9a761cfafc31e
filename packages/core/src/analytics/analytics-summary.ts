import { queryRows, type Database, type TenantId } from '@replyline/db';
import { sql, type SQL } from 'drizzle-orm';
import { inPeriod, withReportScope, type TPeriod } from './period';

export interface AnalyticsSummary {
  conversations: number;
  messages: number;
  perDay: { day: string; conversations: number; messages: number }[];
  /** Conversations the bot handled alone (never escalated, never taken over) / all. */
  resolutionRate: number | null;
  /** Conversations that went to a person (escalated now or before) / all. */
  escalationRate: number | null;
  /** From a customer's message to the next answer (bot or agent), in seconds. */
  medianResponseSeconds: number | null;
  /** A person's reply, from the first customer message it answered. */
  medianAgentResponseSeconds: number | null;
  csat: { average: number | null; responses: number; satisfiedShare: number | null };
  /** Shares of customer messages by tone (tags from packages/ai): sums to 1 when there are any. */
  sentiment: {
    messages: number;
    negative: number;
    confused: number;
    positive: number;
    neutral: number;
  };
}

type Row = Record<string, unknown>;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const sum = (rows: Row[], key: string) => rows.reduce((n, row) => n + Number(row[key]), 0);

/**
 * The analytics page's figures for conversations begun (and messages written) in the period:
 * three SQL aggregates in the tenant's scope (outcomes, days with tone, response times).
 * Rates are null when there is nothing to divide.
 */
export async function getAnalyticsSummary(
  db: Database,
  tenantId: TenantId,
  period: TPeriod,
): Promise<AnalyticsSummary> {
  // Three transactions at once: on a server they run side by side on separate connections.
  const report = (query: SQL) => withReportScope(db, tenantId, (tx) => queryRows<Row>(tx, query));
  const [[outcome], days, [response]] = await Promise.all([
    report(outcomeSql(tenantId, period)),
    report(daysSql(tenantId, period)),
    report(responseSql(tenantId, period)),
  ]);
  const total = Number(outcome!.conversations);
  const rated = Number(outcome!.rated);
  const visitor = sum(days, 'visitor');
  const tone = {
    negative: sum(days, 'negative'),
    confused: sum(days, 'confused'),
    positive: sum(days, 'positive'),
  };
  const share = (n: number) => ratio(n, visitor) ?? 0;
  return {
    conversations: total,
    messages: sum(days, 'messages'),
    perDay: days.map((d) => ({
      day: String(d.day),
      conversations: Number(d.conversations),
      messages: Number(d.messages),
    })),
    resolutionRate: ratio(Number(outcome!.bot_only), total),
    escalationRate: ratio(Number(outcome!.escalated), total),
    medianResponseSeconds: num(response!.median),
    medianAgentResponseSeconds: num(response!.agent_median),
    csat: {
      average: num(outcome!.average_rating),
      responses: rated,
      satisfiedShare: ratio(Number(outcome!.satisfied), rated),
    },
    sentiment: {
      messages: visitor,
      negative: share(tone.negative),
      confused: share(tone.confused),
      positive: share(tone.positive),
      neutral: visitor ? share(visitor - tone.negative - tone.confused - tone.positive) : 0,
    },
  };
}

/**
 * Outcomes of the conversations begun in the period in which the customer wrote something:
 * a widget opened and left empty (the dashboard's own preview, a visitor who only looked) is
 * no conversation the bot resolved. Escalation events can only follow the conversation's
 * start, so they are read from the period's start on (an index range).
 */
function outcomeSql(tenantId: TenantId, period: TPeriod) {
  return sql`
    with c as (
      select id, status, rating, assigned_user_id from conversations c
      where tenant_id = ${tenantId} and ${inPeriod(sql`created_at`, period)}
        and exists (select 1 from messages m where m.tenant_id = c.tenant_id
          and m.conversation_id = c.id and m.role = 'visitor')
    ), escalated as (
      select distinct conversation_id from events
      where tenant_id = ${tenantId} and type = 'escalated'
        and created_at >= ${period.from.toISOString()}::timestamptz
    )
    select count(*) as conversations,
      count(*) filter (where c.status = 'escalated' or e.conversation_id is not null) as escalated,
      count(*) filter (where c.status <> 'escalated' and e.conversation_id is null
        and c.assigned_user_id is null) as bot_only,
      count(c.rating) as rated,
      avg(c.rating)::float8 as average_rating,
      count(*) filter (where c.rating >= 4) as satisfied
    from c left join escalated e on e.conversation_id = c.id`;
}

/**
 * Every day of the period (in its time zone, zeros on quiet days): conversations begun and
 * messages written, with the tone of customer messages counted in the same pass. Tone: upset
 * counts as negative first, then confused, then thanks as positive.
 */
function daysSql(tenantId: TenantId, period: TPeriod) {
  const day = sql`(created_at at time zone ${period.timeZone})::date`;
  return sql`
    with days as (
      select d::date as day from generate_series(
        (${period.from.toISOString()}::timestamptz at time zone ${period.timeZone})::date,
        ((${period.to.toISOString()}::timestamptz - interval '1 microsecond') at time zone ${period.timeZone})::date,
        interval '1 day') d
    ), c as (
      select ${day} as day, count(*) as n from conversations
      where tenant_id = ${tenantId} and ${inPeriod(sql`created_at`, period)} group by 1
    ), m as (
      select ${day} as day, count(*) as messages,
        count(*) filter (where role = 'visitor') as visitor,
        count(*) filter (where role = 'visitor' and 'upset' = any(tags)) as negative,
        count(*) filter (where role = 'visitor' and 'confused' = any(tags)
          and not 'upset' = any(tags)) as confused,
        count(*) filter (where role = 'visitor' and 'thanks' = any(tags)
          and not tags && array['upset', 'confused']) as positive
      from messages
      where tenant_id = ${tenantId} and ${inPeriod(sql`created_at`, period)}
        and role in ('visitor', 'assistant', 'agent')
      group by 1
    )
    select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(c.n, 0) as conversations,
      coalesce(m.messages, 0) as messages, coalesce(m.visitor, 0) as visitor,
      coalesce(m.negative, 0) as negative, coalesce(m.confused, 0) as confused,
      coalesce(m.positive, 0) as positive
    from days left join c using (day) left join m using (day) order by days.day`;
}

/**
 * Response times in seconds, for customer messages of the period (answers up to a day after
 * it still count, so a question asked just before the end is not dropped):
 * - `median`: to the next answer by the bot or a person;
 * - `agent_median`: to a person's reply, for the messages only a person answered, timed from
 *   the first of them. The bot's "a person will answer" acknowledgement (its reply to a
 *   request for a person) is no answer: the customer is still waiting.
 */
function responseSql(tenantId: TenantId, period: TPeriod) {
  return sql`
    with ordered as (
      select conversation_id, id, role, created_at,
        role = 'assistant' and lag(role) over turn = 'visitor'
          and 'human_requested' = any(lag(tags) over turn) as acknowledgement
      from messages
      where tenant_id = ${tenantId} and role in ('visitor', 'assistant', 'agent')
        and created_at >= ${period.from.toISOString()}::timestamptz
        and created_at < ${period.to.toISOString()}::timestamptz + interval '1 day'
      window turn as (partition by conversation_id order by created_at, id)
    ), m as (
      select conversation_id, role, created_at,
        min(created_at) filter (where role = 'assistant') over later as bot_at,
        min(created_at) filter (where role = 'agent') over later as agent_at,
        min(created_at) filter (where role = 'agent'
          or (role = 'assistant' and not coalesce(acknowledgement, false))) over later as answer_at
      from ordered
      window later as (partition by conversation_id order by created_at, id
        rows between 1 following and unbounded following)
    ), asked as (
      select * from m
      where role = 'visitor' and created_at < ${period.to.toISOString()}::timestamptz
    ), by_agent as (
      select extract(epoch from agent_at - min(created_at)) as seconds
      from asked where agent_at = answer_at
      group by conversation_id, agent_at
    )
    select
      (select percentile_cont(0.5) within group (order by
        extract(epoch from least(bot_at, agent_at) - created_at))
        from asked where coalesce(bot_at, agent_at) is not null) as median,
      (select percentile_cont(0.5) within group (order by seconds) from by_agent) as agent_median`;
}
