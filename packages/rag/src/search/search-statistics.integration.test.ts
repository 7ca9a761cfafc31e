import { queryRows, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSyntheticChunks } from '../bench/synthetic-corpus';
import { newTenant } from '../testing/fixtures';

// The search statistics (search_corpus, search_terms, search_postings) are kept by triggers on
// `chunks`, set-based per statement: the plain ones on PGlite and Postgres, the shard ones on
// Citus (packages/db/src/sql/citus-search-triggers.sql). Whatever the engine, after bulk inserts
// and deletes in several tenants they must equal a recount from the passages themselves.

const { chunks, documents } = schema;

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Rows where the kept statistics and a recount from `chunks` differ (none when exact). */
async function statisticsDrift(tenantId: TenantId) {
  return withTenant(t.db, tenantId, async (tx) => {
    const corpus = await queryRows<{ kept: string | null; counted: string }>(
      tx,
      sql`select (select chunk_count || '/' || total_length from search_corpus where tenant_id = ${tenantId}) as kept,
                 (select count(*) || '/' || coalesce(sum(term_count), 0) from chunks where tenant_id = ${tenantId}) as counted`,
    );
    const terms = await queryRows<{ lexeme: string }>(
      tx,
      sql`(select lexeme, doc_freq from search_terms where tenant_id = ${tenantId}
           except all
           select u.lexeme, count(*) from chunks c, unnest(tsvector_to_array(c.tsv)) u(lexeme)
           where c.tenant_id = ${tenantId} group by u.lexeme)
          union all
          (select u.lexeme, count(*) from chunks c, unnest(tsvector_to_array(c.tsv)) u(lexeme)
           where c.tenant_id = ${tenantId} group by u.lexeme
           except all
           select lexeme, doc_freq from search_terms where tenant_id = ${tenantId})`,
    );
    const postings = await queryRows<{ lexeme: string }>(
      tx,
      sql`(select chunk_id, lexeme, tf, term_count, boost from search_postings where tenant_id = ${tenantId}
           except all
           select c.id, u.lexeme, search_weighted_tf(u.positions, u.weights), c.term_count, c.boost
           from chunks c, unnest(c.tsv) u where c.tenant_id = ${tenantId})
          union all
          (select c.id, u.lexeme, search_weighted_tf(u.positions, u.weights), c.term_count, c.boost
           from chunks c, unnest(c.tsv) u where c.tenant_id = ${tenantId}
           except all
           select chunk_id, lexeme, tf, term_count, boost from search_postings where tenant_id = ${tenantId})`,
    );
    const [counts] = corpus;
    return {
      corpus: counts!.kept === counts!.counted ? null : counts,
      terms: terms.length,
      postings: postings.length,
    };
  });
}

const exact = { corpus: null, terms: 0, postings: 0 };

describe('search statistics', () => {
  it('stay exact through bulk inserts and deletes in several tenants', async () => {
    const first = await newTenant(t);
    const second = await newTenant(t);
    // 250 passages in one statement (documents of 100), 120 in the other tenant.
    await insertSyntheticChunks(t.db, first, 250, 11);
    await insertSyntheticChunks(t.db, second, 120, 12);
    expect(await statisticsDrift(first)).toEqual(exact);
    expect(await statisticsDrift(second)).toEqual(exact);

    // A second load adds to the same words' counts; a deleted document takes its passages'
    // counts with it (the cascade deletes them in one statement).
    await insertSyntheticChunks(t.db, first, 100, 13);
    const deleted = await withTenant(t.db, first, async (tx) => {
      const [doc] = await queryRows<{ id: string; n: number }>(
        tx,
        sql`select document_id as id, count(*)::int as n from chunks where tenant_id = ${first}
            group by document_id order by 2 desc, 1 limit 1`,
      );
      await tx
        .delete(documents)
        .where(and(eq(documents.tenantId, first), eq(documents.id, doc!.id)));
      return doc!.n;
    });
    expect(deleted).toBe(100);
    await withTenant(t.db, second, (tx) =>
      tx
        .delete(chunks)
        .where(and(eq(chunks.tenantId, second), inArray(chunks.ordinal, [0, 1, 2, 3, 4]))),
    );

    const [left] = await withTenant(t.db, first, (tx) =>
      queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from chunks where tenant_id = ${first}`,
      ),
    );
    expect(left!.n).toBe(250);
    expect(await statisticsDrift(first)).toEqual(exact);
    expect(await statisticsDrift(second)).toEqual(exact);
  }, 120_000);
});
