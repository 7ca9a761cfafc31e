import { queryRows, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIEmbedder, toVectorLiteral, type Embedder } from '../embeddings';
import { addFaqEntries } from '../ingest/faq';
import { knowledgeDeps, newTenant } from '../testing/fixtures';
import { startOpenAIStub, type OpenAIStub } from '../testing/openai-stub';
import { searchConfigFor } from '../languages';
import { fuseRankings, type RankedItem } from './fusion';
import { bm25Query, searchKnowledge, VECTOR_MIN_SIMILARITY } from './search';

let t: TestDatabase;
let stub: OpenAIStub;
let embedder: Embedder;

beforeAll(async () => {
  [t, stub] = await Promise.all([openTestDatabase(), startOpenAIStub()]);
  embedder = createOpenAIEmbedder({
    apiKey: stub.apiKey,
    baseURL: stub.baseURL,
    model: 'text-embedding-3-small',
  });
}, 120_000);
afterAll(async () => {
  await stub?.close();
  await t?.close();
});

describe('hybrid retrieval with an embeddings provider', () => {
  it('finds by meaning what shares no word with the question, and fuses both rankings', async () => {
    const deps = await knowledgeDeps(t, { embedder });
    const tenantId = await newTenant(t);
    await addFaqEntries(deps, tenantId, [
      { question: 'Can you transport my car?', answer: 'Yes, on a closed trailer for $350.' },
      { question: 'Do you move couches?', answer: 'Yes, wrapped in blankets.' },
      { question: 'Do you move pianos?', answer: 'Yes, uprights and grands.' },
    ]);
    await deps.boss.stop({ graceful: true, wait: true, timeout: 20_000 });

    const byMeaning = await searchKnowledge(t.db, tenantId, 'automobile', { embedder });
    expect(byMeaning[0]).toMatchObject({
      documentTitle: 'Can you transport my car?',
      lexicalScore: null,
    });
    expect(byMeaning[0]!.vectorScore).toBeGreaterThan(0.2);
    expect(byMeaning).toHaveLength(1);
    expect(await searchKnowledge(t.db, tenantId, 'automobile')).toEqual([]);

    const both = await searchKnowledge(t.db, tenantId, 'move my sofa', { embedder });
    expect(both[0]).toMatchObject({ documentTitle: 'Do you move couches?' });
    expect(both[0]!.lexicalScore).toBeGreaterThan(0);
    expect(both[0]!.vectorScore).toBeGreaterThan(0);

    // The search is one statement that fuses in SQL: it ranks exactly as fusing the two
    // methods' candidate lists, read separately, does.
    const separately = await fusedSeparately(tenantId, 'move my sofa');
    expect(separately.length).toBeGreaterThan(1);
    expect(both.map((hit) => hit.chunkId)).toEqual(separately.slice(0, 8).map((item) => item.id));
    both.forEach((hit, i) => expect(hit.score).toBeCloseTo(separately[i]!.score, 12));
  });

  it('calls the provider through the official SDK: key, model, dimensions, and retries on 429', async () => {
    stub.requests.length = 0;
    stub.failNext(2);
    const [vector] = await embedder.embed(['hello']);
    expect(vector).toHaveLength(1536);
    expect(stub.requests).toHaveLength(3);
    expect(stub.requests[2]).toMatchObject({
      path: '/v1/embeddings',
      authorization: `Bearer ${stub.apiKey}`,
      body: {
        model: 'text-embedding-3-small',
        input: ['hello'],
        dimensions: 1536,
        encoding_format: 'base64',
      },
    });
  });

  it('refuses a model whose vectors do not fit the stored dimensions, saying so', async () => {
    const wrong = createOpenAIEmbedder({
      apiKey: 'x',
      model: 'tiny',
      client: {
        embeddings: { create: async () => ({ data: [{ index: 0, embedding: [0.1, 0.2] }] }) },
      } as never,
    });
    await expect(wrong.embed(['x'])).rejects.toThrow('returned 2 dimensions; 1536 are stored');
  });
});

describe('the full-text index under row-level security', () => {
  // Postgres uses an index under RLS only for LEAKPROOF conditions; without the mark every
  // search scans all of the tenant's passages (measured: 1.7 ms vs 350 ms at 100k chunks).
  it('is usable by scoped queries because the text match is LEAKPROOF', async () => {
    const [row] = await queryRows<{ leakproof: boolean }>(
      t.db,
      sql`select proleakproof as leakproof from pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure`,
    );
    expect(row?.leakproof).toBe(true);
  });
});

/** Both candidate lists read on their own, fused by `fuseRankings`. */
async function fusedSeparately(tenantId: TenantId, question: string) {
  const [vector] = await embedder.embed([question]);
  const literal = toVectorLiteral(vector!);
  const numbers = (rows: { id: string; score: unknown; boost: unknown }[]): RankedItem[] =>
    rows.map((row) => ({ id: row.id, score: Number(row.score), boost: Number(row.boost) }));
  return withTenant(t.db, tenantId, async (tx) => {
    const [tenant] = await queryRows<{ language: string }>(
      tx,
      sql`select language from tenants where id = ${tenantId}`,
    );
    type Row = { id: string; score: unknown; boost: unknown };
    const lexical = await queryRows<Row>(
      tx,
      bm25Query(tenantId, question, searchConfigFor(tenant!.language)),
    );
    const nearest = await queryRows<Row>(
      tx,
      sql`select id, boost, (1 - (embedding <=> ${literal}::vector))::float8 as score
          from chunks where tenant_id = ${tenantId} and embedding is not null
          order by embedding <=> ${literal}::vector limit 50`,
    );
    return fuseRankings([
      { name: 'lexical', items: numbers(lexical) },
      {
        name: 'vector',
        items: numbers(nearest).filter((item) => item.score >= VECTOR_MIN_SIMILARITY),
      },
    ]);
  });
}
