-- Citus only (run by citus.ts after the tables are distributed; idempotent).
-- The search statistics of `chunks` are kept by statement triggers that read the statement's
-- rows from a transition table (new_rows / old_rows). On Citus those triggers fire on the
-- shards, and a query there that joins a transition table with a distributed table crashes the
-- worker (Citus 13.2 cannot plan it). These row-level twins do the same bookkeeping from NEW /
-- OLD, one passage at a time, touching only the same tenant's co-located rows. Slower for a
-- bulk insert (one round of three statements per passage), which docs/scaling.md measures.

CREATE OR REPLACE FUNCTION chunks_search_stats_row_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  avgdl float8;
BEGIN
  -- Before the corpus row changes: the average length counts this passage too.
  SELECT (coalesce(sum(sc.total_length), 0) + NEW.term_count)::float8 / (coalesce(sum(sc.chunk_count), 0) + 1)
    INTO avgdl FROM search_corpus sc WHERE sc.tenant_id = NEW.tenant_id;

  INSERT INTO search_postings (tenant_id, lexeme, chunk_id, tf, term_count, boost, impact)
  SELECT NEW.tenant_id, u.lexeme, NEW.id, f.tf, NEW.term_count, NEW.boost,
    search_posting_impact(f.tf, NEW.term_count, avgdl)
  FROM unnest(NEW.tsv) AS u
  CROSS JOIN LATERAL (SELECT search_weighted_tf(u.positions, u.weights) AS tf) f;

  INSERT INTO search_terms AS st (tenant_id, lexeme, doc_freq)
  SELECT NEW.tenant_id, u.lexeme, 1 FROM unnest(tsvector_to_array(NEW.tsv)) AS u(lexeme)
  ORDER BY u.lexeme -- one lock order for all writers: no deadlocks between ingestions
  ON CONFLICT (tenant_id, lexeme) DO UPDATE SET doc_freq = st.doc_freq + 1;

  INSERT INTO search_corpus AS sc (tenant_id, chunk_count, total_length)
  VALUES (NEW.tenant_id, 1, NEW.term_count)
  ON CONFLICT (tenant_id) DO UPDATE
    SET chunk_count = sc.chunk_count + 1, total_length = sc.total_length + excluded.total_length;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION chunks_search_stats_row_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_postings sp WHERE sp.tenant_id = OLD.tenant_id AND sp.chunk_id = OLD.id;
  UPDATE search_terms st SET doc_freq = st.doc_freq - 1
  WHERE st.tenant_id = OLD.tenant_id AND st.lexeme = ANY (tsvector_to_array(OLD.tsv));
  DELETE FROM search_terms st
  WHERE st.tenant_id = OLD.tenant_id AND st.lexeme = ANY (tsvector_to_array(OLD.tsv)) AND st.doc_freq <= 0;
  UPDATE search_corpus sc SET chunk_count = sc.chunk_count - 1, total_length = sc.total_length - OLD.term_count
  WHERE sc.tenant_id = OLD.tenant_id;
  RETURN NULL;
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'chunks'::regclass
             AND tgname = 'chunks_search_stats_insert' AND tgfoid <> 'chunks_search_stats_row_insert'::regproc) THEN
    DROP TRIGGER chunks_search_stats_insert ON chunks;
    CREATE TRIGGER chunks_search_stats_insert AFTER INSERT ON chunks
      FOR EACH ROW EXECUTE FUNCTION chunks_search_stats_row_insert();
  END IF;
  IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'chunks'::regclass
             AND tgname = 'chunks_search_stats_delete' AND tgfoid <> 'chunks_search_stats_row_delete'::regproc) THEN
    DROP TRIGGER chunks_search_stats_delete ON chunks;
    CREATE TRIGGER chunks_search_stats_delete AFTER DELETE ON chunks
      FOR EACH ROW EXECUTE FUNCTION chunks_search_stats_row_delete();
  END IF;
END $$;
