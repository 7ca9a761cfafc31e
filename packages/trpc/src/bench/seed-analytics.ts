import { withTenant, type Database, type TenantId } from '@replyline/db';
import { sql } from 'drizzle-orm';

/** Questions customers ask, each asked in two spellings (the grouping must join them). */
const QUESTIONS = [
  'Do you ship to Norway?',
  'How much does a move cost?',
  'Can I change my moving date?',
  'Is damage covered by insurance?',
  'Where is my invoice?',
  'How do I cancel my booking?',
  'Do you move pianos?',
  'How early should I book?',
  'Can you store my furniture?',
  'Do you offer packing boxes?',
  'What payment methods do you accept?',
  'Can I get a refund?',
  'Do you work on weekends?',
  'How many movers will come?',
  'Do you disassemble furniture?',
  'Is there a fee for stairs?',
  'Can I track the truck?',
  'Do you move offices?',
  'What is not allowed on the truck?',
  'How long does a move take?',
];

const CHUNK = 10_000;

/**
 * `count` conversations spread over the last 90 days, written by SQL (generate_series) in the
 * tenant's scope, 10k per statement: four messages each (question, answer, follow-up, answer
 * by the bot or, when escalated, a person), sentiment tags, some unanswered answers, CSAT on a
 * quarter, and escalation events. Deterministic, so two runs measure the same data.
 */
export async function seedAnalyticsData(db: Database, tenantId: TenantId, count: number) {
  for (let lo = 0; lo < count; lo += CHUNK) {
    const hi = Math.min(count, lo + CHUNK) - 1;
    await withTenant(db, tenantId, (tx) =>
      tx.execute(sql`
        with c as (
          insert into conversations (tenant_id, visitor_id, status, language, rating,
            created_at, updated_at, last_message_at)
          select ${tenantId}, 'v_bench_' || i,
            (case when i % 10 = 0 then 'escalated' when i % 10 < 6 then 'resolved' else 'open' end)::conversation_status,
            (array['en', 'sv', 'no', 'da', 'de'])[1 + i % 5],
            case when i % 4 = 0 then 1 + (i / 4) % 5 end,
            at, at + interval '3 minutes', at + interval '3 minutes'
          from generate_series(${lo}::int, ${hi}::int) i,
            lateral (select now() - (i % 90) * interval '1 day' - (i * 37 % 86000) * interval '1 second' as at) t
          returning id, created_at, status, substr(visitor_id, 9)::int as i
        ), m as (
          insert into messages (tenant_id, conversation_id, role, content, tags, created_at)
          select ${tenantId}, c.id, k.role::message_role,
            case k.n
              when 0 then case when c.i % 3 = 0 then lower(rtrim(q.text, '?')) else q.text end
              when 2 then 'And ' || lower(q.text)
              else 'Here is what our terms say about that [1].' end,
            case k.n
              when 0 then case when c.i % 7 = 0 then '{upset}' when c.i % 11 = 0 then '{confused}' else '{}' end
              when 1 then case when c.i % 9 = 0 then '{unanswered}' else '{}' end
              when 2 then case when c.i % 13 = 0 then '{thanks}' else '{}' end
              else '{}' end::text[],
            c.created_at + k.offset_s * interval '1 second'
          from c
          cross join lateral (select ${JSON.stringify(QUESTIONS)}::jsonb ->> (c.i % ${QUESTIONS.length}) as text) q
          cross join lateral (values
            (0, 'visitor', 0), (1, 'assistant', 3), (2, 'visitor', 60),
            (3, case when c.status = 'escalated' then 'agent' else 'assistant' end,
              case when c.status = 'escalated' then 180 else 64 end)) k(n, role, offset_s)
          returning 1
        )
        insert into events (tenant_id, conversation_id, type, created_at)
        select ${tenantId}, c.id, 'escalated', c.created_at + interval '61 seconds'
        from c where c.status = 'escalated'`),
    );
  }
}
