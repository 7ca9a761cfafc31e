import { queryRows, type Database, type TenantId } from '@replyline/db';
import { sql, type SQL } from 'drizzle-orm';
import { inPeriod, normalizedQuestion, withReportScope, type TPeriod } from './period';
import { mergeSimilarQuestions } from './similar-questions';

/**
 * Exact groups read per report before near-identical ones are merged: enough for the top
 * of the list to be complete, far below what one report could hold in memory.
 */
const CANDIDATE_GROUPS = 500;

export interface QuestionGroup {
  /** The grouping key (normalized text). */
  key: string;
  /** One of the group's questions as a customer wrote it. */
  example: string;
  count: number;
  lastAskedAt: string;
  /** A conversation where it was asked (the latest), to open from the report. */
  conversationId: string;
}

const toGroup = (row: Record<string, unknown>): QuestionGroup => ({
  key: String(row.key),
  example: String(row.example),
  count: Number(row.count),
  lastAskedAt: new Date(String(row.last_asked_at)).toISOString(),
  conversationId: String(row.conversation_id),
});

/**
 * What customers ask most in the period, near-identical wordings counted as one (see
 * `mergeSimilarQuestions`). Greetings and thanks on their own ("hi!", "thanks a lot") are
 * small talk, not questions.
 */
export async function listTopQuestions(
  db: Database,
  tenantId: TenantId,
  period: TPeriod & { limit: number },
): Promise<QuestionGroup[]> {
  const rows = await withReportScope(db, tenantId, (tx) =>
    queryRows(
      tx,
      sql`
        with asked as (
          select ${normalizedQuestion(sql`content`)} as key, content, created_at, conversation_id
          from messages
          where tenant_id = ${tenantId} and role = 'visitor' and ${inPeriod(sql`created_at`, period)}
            and not (tags && array['greeting', 'thanks'] and length(content) < 30)
        )
        ${groupedByQuestion(sql`key <> ''`, CANDIDATE_GROUPS)}`,
    ),
  );
  return mergeSimilarQuestions(rows.map(toGroup), period.limit);
}

/**
 * Questions the assistant could not answer in the period (its answer carried the 'unanswered'
 * tag that packages/ai sets when nothing relevant was found or the model said it did not
 * know), grouped like top questions. Questions that are FAQ entries by now are left out: they
 * have been dealt with.
 */
export async function listUnansweredQuestions(
  db: Database,
  tenantId: TenantId,
  period: TPeriod & { limit: number },
): Promise<QuestionGroup[]> {
  const rows = await withReportScope(db, tenantId, (tx) =>
    queryRows(
      tx,
      sql`
        with asked as (
          select ${normalizedQuestion(sql`q.content`)} as key, q.content, q.created_at,
            a.conversation_id
          from messages a
          cross join lateral (
            select v.content, v.created_at from messages v
            where v.tenant_id = a.tenant_id and v.conversation_id = a.conversation_id
              and v.role = 'visitor' and v.created_at <= a.created_at
            order by v.created_at desc, v.id desc limit 1) q
          where a.tenant_id = ${tenantId} and a.role = 'assistant'
            and 'unanswered' = any(a.tags) and ${inPeriod(sql`a.created_at`, period)}
        )
        ${groupedByQuestion(
          sql`key <> '' and key not in (
            select ${normalizedQuestion(sql`question`)} from faq_entries where tenant_id = ${tenantId})`,
          CANDIDATE_GROUPS,
        )}`,
    ),
  );
  return mergeSimilarQuestions(rows.map(toGroup), period.limit);
}

/**
 * The rows of `asked` (key, content, created_at, conversation_id) grouped by their normalized
 * question, most asked first: one example, how often, when last, and the latest conversation.
 */
function groupedByQuestion(keep: SQL, limit: number): SQL {
  return sql`
    select key, left(min(content), 500) as example, count(*) as count,
      max(created_at) as last_asked_at,
      (array_agg(conversation_id order by created_at desc))[1] as conversation_id
    from asked
    group by key having ${keep}
    order by count(*) desc, max(created_at) desc limit ${limit}`;
}
