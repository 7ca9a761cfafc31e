-- BM25 postings (search_postings) kept by the same statement triggers as the statistics, so a
-- search reads only the rows of its own words. The title weight of an FAQ question lives here:
-- a word of the question (tsvector weight A) counts three times.
CREATE FUNCTION search_weighted_tf(positions smallint[], weights text[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT greatest(cardinality(positions), 1) + 2 * cardinality(array_positions(weights, 'A')) $$;--> statement-breakpoint

-- Orders a word's postings best first: BM25's term-frequency share (k1 = 1.2, b = 0.75) with
-- the tenant's average passage length at insert time. Searches score with exact, current
-- statistics; this only decides which passages a very common word brings in first.
CREATE FUNCTION search_posting_impact(tf integer, term_count integer, avgdl float8) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * term_count / greatest(avgdl, 1))))::real $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION chunks_search_stats_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Before the corpus row changes: the average length counts this statement's passages too.
  INSERT INTO search_postings (tenant_id, lexeme, chunk_id, tf, term_count, boost, impact)
  SELECT n.tenant_id, u.lexeme, n.id, f.tf, n.term_count, n.boost,
    search_posting_impact(f.tf, n.term_count, a.avgdl)
  FROM new_rows n
  JOIN (
    SELECT b.tenant_id,
      (coalesce(sc.total_length, 0) + b.len)::float8 / (coalesce(sc.chunk_count, 0) + b.n) AS avgdl
    FROM (SELECT tenant_id, count(*) AS n, sum(term_count) AS len FROM new_rows GROUP BY tenant_id) b
    LEFT JOIN search_corpus sc ON sc.tenant_id = b.tenant_id
  ) a ON a.tenant_id = n.tenant_id
  CROSS JOIN LATERAL unnest(n.tsv) AS u
  CROSS JOIN LATERAL (SELECT search_weighted_tf(u.positions, u.weights) AS tf) f;

  INSERT INTO search_terms AS st (tenant_id, lexeme, doc_freq)
  SELECT n.tenant_id, u.lexeme, count(*)
  FROM new_rows n CROSS JOIN LATERAL unnest(tsvector_to_array(n.tsv)) AS u(lexeme)
  GROUP BY n.tenant_id, u.lexeme
  ORDER BY n.tenant_id, u.lexeme -- one lock order for all writers: no deadlocks between ingestions
  ON CONFLICT (tenant_id, lexeme) DO UPDATE SET doc_freq = st.doc_freq + excluded.doc_freq;

  INSERT INTO search_corpus AS sc (tenant_id, chunk_count, total_length)
  SELECT tenant_id, count(*), sum(term_count) FROM new_rows GROUP BY tenant_id ORDER BY tenant_id
  ON CONFLICT (tenant_id) DO UPDATE
    SET chunk_count = sc.chunk_count + excluded.chunk_count, total_length = sc.total_length + excluded.total_length;
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION chunks_search_stats_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_postings sp USING old_rows o
  WHERE sp.tenant_id = o.tenant_id AND sp.chunk_id = o.id;

  UPDATE search_terms st SET doc_freq = st.doc_freq - d.n
  FROM (
    SELECT o.tenant_id, u.lexeme, count(*) AS n
    FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
    GROUP BY o.tenant_id, u.lexeme
  ) d
  WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme;

  DELETE FROM search_terms st
  USING (
    SELECT DISTINCT o.tenant_id, u.lexeme
    FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
  ) d
  WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme AND st.doc_freq <= 0;

  UPDATE search_corpus sc SET chunk_count = sc.chunk_count - d.n, total_length = sc.total_length - d.len
  FROM (SELECT tenant_id, count(*) AS n, sum(term_count) AS len FROM old_rows GROUP BY tenant_id) d
  WHERE sc.tenant_id = d.tenant_id;
  RETURN NULL;
END $$;--> statement-breakpoint

-- The postings copy a passage's boost: it is fixed at insert like the text.
DROP TRIGGER chunks_text_immutable ON chunks;--> statement-breakpoint
CREATE TRIGGER chunks_text_immutable BEFORE UPDATE OF content, title, language, tenant_id, boost ON chunks
  FOR EACH ROW EXECUTE FUNCTION chunks_text_is_immutable();--> statement-breakpoint

-- Postings for the passages already stored. The owner must read every tenant's rows here, so
-- FORCEd row-level security is lifted inside this migration's transaction and put back (the
-- security step that follows every migration run re-applies it in any case).
ALTER TABLE chunks NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE search_corpus NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO search_postings (tenant_id, lexeme, chunk_id, tf, term_count, boost, impact)
SELECT c.tenant_id, u.lexeme, c.id, f.tf, c.term_count, c.boost,
  search_posting_impact(f.tf, c.term_count, sc.total_length::float8 / nullif(sc.chunk_count, 0))
FROM chunks c
JOIN search_corpus sc ON sc.tenant_id = c.tenant_id
CROSS JOIN LATERAL unnest(c.tsv) AS u
CROSS JOIN LATERAL (SELECT search_weighted_tf(u.positions, u.weights) AS tf) f;--> statement-breakpoint
ALTER TABLE chunks FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE search_corpus FORCE ROW LEVEL SECURITY;
