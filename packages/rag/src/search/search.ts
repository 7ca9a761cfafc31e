import {
  queryRows,
  schema,
  withTenant,
  type Database,
  type TenantDb,
  type TenantId,
} from '@replyline/db';
import { inSpan, TENANT_ATTRIBUTE } from '@replyline/db/telemetry';
import { eq, sql } from 'drizzle-orm';
import { toVectorLiteral, type Embedder } from '../embeddings';
import { searchConfigFor } from '../languages';
import { RRF_K } from './fusion';

const { tenants } = schema;

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
  // One statement (one round trip while the answer's transaction holds its connection): the
  // candidates of each method, their fusion and the passages of the best ones.
  const rows = await queryRows<PassageRow>(
    tx,
    searchQuery(tenantId, text, config, options.queryVector ?? null, options.limit ?? 8),
  );
  return rows.map((row) => ({
    chunkId: row.chunk_id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    documentKind: passageKind(row.document_kind),
    sourceUrl: row.source_url,
    page: row.page === null ? null : Number(row.page),
    heading: row.heading,
    content: row.content,
    score: Number(row.score),
    lexicalScore: row.lexical_score === null ? null : Number(row.lexical_score),
    vectorScore: row.vector_score === null ? null : Number(row.vector_score),
  }));
}

interface PassageRow {
  chunk_id: string;
  document_id: string;
  document_title: string;
  document_kind: (typeof schema.documents.$inferSelect)['kind'];
  source_url: string | null;
  page: number | string | null;
  heading: string | null;
  content: string;
  score: number | string;
  lexical_score: number | string | null;
  vector_score: number | string | null;
}

/**
 * The whole search as one statement: BM25 candidates (`bm25Query`), the nearest passages when
 * the question has a vector, fused as `fuseRankings` fuses them (one list: its own score; two:
 * reciprocal rank fusion; boosted either way, ties in the same order), then the best `limit`
 * with their passages and documents.
 */
export function searchQuery(
  tenantId: TenantId,
  text: string,
  config: string,
  queryVector: number[] | null,
  limit: number,
) {
  const literal = queryVector ? toVectorLiteral(queryVector) : null;
  const nearest = literal
    ? sql`
    nearest as (
      select id, boost, score, row_number() over (order by distance) as rank
      from (
        select id, boost, embedding <=> ${literal}::vector as distance,
          (1 - (embedding <=> ${literal}::vector))::float8 as score
        from chunks where tenant_id = ${tenantId} and embedding is not null
        order by embedding <=> ${literal}::vector limit ${CANDIDATES}
      ) near
      where score >= ${num(VECTOR_MIN_SIMILARITY)}
    ),`
    : sql`
    nearest as (select null::uuid as id, null::real as boost, null::float8 as score, null::bigint as rank where false),`;
  return sql`
    with lexical_candidates as (${bm25Query(tenantId, text, config)}),
    lexical as (
      select id, boost, score, row_number() over (order by score * boost desc) as rank
      from lexical_candidates
    ),
    ${nearest}
    ranked as (
      select 'lexical' as list, id, boost, score, rank from lexical
      union all
      select 'vector' as list, id, boost, score, rank from nearest
    ),
    lists as (select count(distinct list) as n from ranked),
    fused as (
      select id,
        coalesce(max(boost) filter (where list = 'lexical'), max(boost) filter (where list = 'vector')) as boost,
        max(score) filter (where list = 'lexical') as lexical_score,
        max(score) filter (where list = 'vector') as vector_score,
        coalesce(min(rank) filter (where list = 'lexical'), ${sql.raw(String(CANDIDATES))} + min(rank)) as position,
        sum(1 / (${num(RRF_K)} + rank)) as rrf
      from ranked group by id
    ),
    best as (
      select fused.id, fused.lexical_score, fused.vector_score, fused.position,
        (case when lists.n > 1 then fused.rrf else coalesce(fused.lexical_score, fused.vector_score) end) * fused.boost as score
      from fused cross join lists
      order by score desc, position
      limit ${limit}
    )
    select best.id as chunk_id, c.document_id, d.title as document_title, d.kind as document_kind,
      d.source_url, c.page, c.heading, c.content, best.score, best.lexical_score, best.vector_score
    from best
    join chunks c on c.tenant_id = ${tenantId} and c.id = best.id
    join documents d on d.tenant_id = c.tenant_id and d.id = c.document_id
    order by best.score desc, best.position`;
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

function passageKind(
  kind: (typeof schema.documents.$inferSelect)['kind'],
): SearchHit['documentKind'] {
  return kind === 'pdf' || kind === 'faq' || kind === 'text' ? kind : 'markdown';
}
