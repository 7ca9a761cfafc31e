import {
  queryRows,
  schema,
  withTenant,
  type Database,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { inSpan, TENANT_ATTRIBUTE } from '@replyline/db/telemetry';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { toVectorLiteral, type Embedder } from '../embeddings';
import { searchConfigFor } from '../languages';
import { fuseRankings, type RankedList } from './fusion';

const { chunks, documents, tenants } = schema;

export interface SearchHit {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  /** Files that are not PDFs or FAQ entries (Word, HTML, web pages) are read as Markdown. */
  documentKind: 'pdf' | 'text' | 'markdown' | 'faq';
  /** A web page's address, which its citation links to (see `citationLink`); null otherwise. */
  sourceUrl: string | null;
  page: number | null;
  heading: string | null;
  content: string;
  /** The fused score the list is ordered by (higher is better). */
  score: number;
  /** BM25 score, when the passage matched the words of the question. */
  lexicalScore: number | null;
  /** Cosine similarity, when vector search is on and the passage was among the nearest. */
  vectorScore: number | null;
}

export interface SearchOptions {
  limit?: number;
  /** Text-search configuration or language; defaults to the tenant's. */
  language?: string;
  embedder?: Embedder | null;
}

/** BM25 parameters: the usual k1 and b (eval/README.md measured with these). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
// An FAQ question word counts three times (the question is what a customer paraphrases): that
// weight is applied where the postings are written (migration search_postings_triggers).
const CANDIDATES = 50;
/**
 * How many passages each word of a question brings in, best first by its postings' impact order:
 * a word in fewer passages is read whole (scores are exact), a word found everywhere adds only
 * its strongest passages, so a search costs the same at any corpus size.
 */
export const POSTINGS_PER_TERM = 3_000;
/** A pasted paragraph is searched by its rarest words only; a chat question has far fewer. */
export const MAX_QUERY_TERMS = 32;
/**
 * Nearest neighbours always exist; below this cosine similarity they are noise, not answers
 * (unrelated texts score around 0.1 with current embedding models), and would hide that the
 * knowledge base has nothing on the question.
 */
export const VECTOR_MIN_SIMILARITY = 0.25;

/**
 * Finds the passages of one tenant that best answer a question: BM25 over the tenant's own
 * lexeme statistics (OR-joined query lexemes, so a chat question needs no exact phrasing),
 * fused with pgvector similarity when an embedder is configured, FAQ entries boosted.
 * Runs inside the tenant scope: another tenant's passages cannot be returned.
 */
export async function searchKnowledge(
  db: Database,
  tenantId: TenantId,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const limit = options.limit ?? 8;
  const text = query.slice(0, 2_000);
  if (!text.trim()) return [];
  // Embed before the transaction: a network call must not hold a database connection.
  const queryVector = options.embedder ? ((await options.embedder.embed([text]))[0] ?? null) : null;

  return withTenant(db, tenantId, (tx) =>
    searchKnowledgeIn(tx, tenantId, text, { limit, language: options.language, queryVector }),
  );
}

/**
 * `searchKnowledge` in the caller's tenant transaction, with the question already embedded (a
 * network call must not hold the transaction open): lets a caller read and write around one
 * answer in a single scope.
 */
export function searchKnowledgeIn(
  tx: TenantDb,
  tenantId: TenantId,
  query: string,
  options: { limit?: number; language?: string; queryVector?: number[] | null } = {},
): Promise<SearchHit[]> {
  const attributes = { [TENANT_ATTRIBUTE]: tenantId, 'rag.vector': Boolean(options.queryVector) };
  return inSpan('rag.search', attributes, async (span) => {
    const hits = await searchInScope(tx, tenantId, query, options);
    span.setAttribute('rag.hits', hits.length);
    return hits;
  });
}

async function searchInScope(
  tx: TenantDb,
  tenantId: TenantId,
  query: string,
  options: { limit?: number; language?: string; queryVector?: number[] | null },
): Promise<SearchHit[]> {
  const text = query.slice(0, 2_000);
  if (!text.trim()) return [];
  const config = searchConfigFor(options.language ?? (await tenantLanguage(tx, tenantId)));
  const lexical = await bm25Candidates(tx, tenantId, text, config);
  const lists: RankedList[] = [{ name: 'lexical', items: lexical }];
  if (options.queryVector)
    lists.push({
      name: 'vector',
      items: await vectorCandidates(tx, tenantId, options.queryVector),
    });
  const fused = fuseRankings(lists).slice(0, options.limit ?? 8);
  return attachPassages(tx, tenantId, fused);
}

async function tenantLanguage(tx: TenantDb, tenantId: TenantId): Promise<string> {
  const [row] = await tx
    .select({ language: tenants.language })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.language ?? 'simple';
}

/** A constant of ours written into the SQL text as a float literal (never user input). */
const num = (value: number) => sql.raw(`${Number(value)}::float8`);

/** Top chunks by BM25, computed in SQL from the tenant's lexeme statistics. */
async function bm25Candidates(tx: TenantDb, tenantId: TenantId, text: string, config: string) {
  const rows = await queryRows<{ id: string; score: number; boost: number }>(
    tx,
    bm25Query(tenantId, text, config),
  );
  return rows.map((r) => ({ id: r.id, score: Number(r.score), boost: Number(r.boost) }));
}

/**
 * The BM25 query itself (exported for the benchmark's query plans). It reads only the postings
 * of the question's words (an index-only scan per word) and never a passage's text or tsvector.
 */
export function bm25Query(tenantId: TenantId, text: string, config: string) {
  return sql`
    with query_terms as (
      select distinct lexeme from unnest(tsvector_to_array(to_tsvector(${config}::regconfig, ${text}))) as lexeme
    ),
    corpus as (
      select chunk_count::float8 as n, greatest(total_length::float8 / nullif(chunk_count, 0), 1) as avgdl
      from search_corpus where tenant_id = ${tenantId}
    ),
    terms as (
      select st.lexeme, ln(1 + (corpus.n - st.doc_freq + 0.5) / (st.doc_freq + 0.5)) as idf
      from query_terms qt
      join search_terms st on st.tenant_id = ${tenantId} and st.lexeme = qt.lexeme and st.doc_freq > 0
      cross join corpus
      order by st.doc_freq, st.lexeme
      limit ${sql.raw(String(MAX_QUERY_TERMS))}
    ),
    hits as (
      select p.chunk_id, p.boost, t.idf * (p.tf * ${num(BM25_K1 + 1)})
          / (p.tf + ${num(BM25_K1)} * (1 - ${num(BM25_B)} + ${num(BM25_B)} * p.term_count / corpus.avgdl)) as share
      from terms t
      cross join corpus
      cross join lateral (
        select sp.chunk_id, sp.tf, sp.term_count, sp.boost from search_postings sp
        where sp.tenant_id = ${tenantId} and sp.lexeme = t.lexeme
        order by sp.impact desc nulls last -- the impact index's own order: read, not sorted
        limit ${sql.raw(String(POSTINGS_PER_TERM))}
      ) p
    ),
    scored as (
      select chunk_id as id, max(boost) as boost, sum(share)::float8 as score from hits group by chunk_id
    )
    select id, boost, score from scored order by score * boost desc limit ${CANDIDATES}`;
}

/** Nearest chunks by cosine distance (HNSW index). */
async function vectorCandidates(tx: TenantDb, tenantId: TenantId, vector: number[]) {
  const literal = toVectorLiteral(vector);
  const rows = await queryRows<{ id: string; score: number; boost: number }>(
    tx,
    sql`select id, boost, (1 - (embedding <=> ${literal}::vector))::float8 as score
        from chunks where tenant_id = ${tenantId} and embedding is not null
        order by embedding <=> ${literal}::vector limit ${CANDIDATES}`,
  );
  return rows
    .filter((r) => Number(r.score) >= VECTOR_MIN_SIMILARITY)
    .map((r) => ({ id: r.id, score: Number(r.score), boost: Number(r.boost) }));
}

async function attachPassages(
  tx: TenantDb,
  tenantId: TenantId,
  fused: ReturnType<typeof fuseRankings>,
): Promise<SearchHit[]> {
  if (fused.length === 0) return [];
  const rows = await tx
    .select({
      chunkId: chunks.id,
      documentId: chunks.documentId,
      documentTitle: documents.title,
      documentKind: documents.kind,
      sourceUrl: documents.sourceUrl,
      page: chunks.page,
      heading: chunks.heading,
      content: chunks.content,
    })
    .from(chunks)
    .innerJoin(
      documents,
      and(eq(documents.tenantId, chunks.tenantId), eq(documents.id, chunks.documentId)),
    )
    .where(
      and(
        eq(chunks.tenantId, tenantId),
        inArray(
          chunks.id,
          fused.map((f) => f.id),
        ),
      ),
    );
  const byId = new Map(rows.map((r) => [r.chunkId, r]));
  return fused.flatMap((f) => {
    const row = byId.get(f.id);
    return row
      ? [
          {
            ...row,
            documentKind: passageKind(row.documentKind),
            score: f.score,
            lexicalScore: f.scores.lexical ?? null,
            vectorScore: f.scores.vector ?? null,
          },
        ]
      : [];
  });
}

function passageKind(kind: (typeof documents.$inferSelect)['kind']): SearchHit['documentKind'] {
  return kind === 'pdf' || kind === 'faq' || kind === 'text' ? kind : 'markdown';
}
