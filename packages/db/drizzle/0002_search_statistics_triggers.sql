-- BM25 statistics kept in step with `chunks` by statement-level triggers: one aggregate per
-- INSERT/UPDATE/DELETE statement (bulk ingestion stays cheap), in the writer's transaction (a
-- rolled-back ingestion leaves the statistics untouched), and for every writer alike. The
-- functions are SECURITY INVOKER: they run as the app role, under the same RLS policies.

CREATE FUNCTION chunks_search_stats_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms AS st (tenant_id, lexeme, doc_freq)
  SELECT n.tenant_id, u.lexeme, count(*)
  FROM new_rows n CROSS JOIN LATERAL unnest(tsvector_to_array(n.tsv)) AS u(lexeme)
  GROUP BY n.tenant_id, u.lexeme
  ORDER BY n.tenant_id, u.lexeme -- one lock order for all writers: no deadlocks between ingestions
  ON CONFLICT (tenant_id, lexeme) DO UPDATE SET doc_freq = st.doc_freq + excluded.doc_freq;

  INSERT INTO search_corpus AS sc (tenant_id, chunk_count, total_length)
  SELECT tenant_id, count(*), sum(length(tsv)) FROM new_rows GROUP BY tenant_id ORDER BY tenant_id
  ON CONFLICT (tenant_id) DO UPDATE
    SET chunk_count = sc.chunk_count + excluded.chunk_count, total_length = sc.total_length + excluded.total_length;
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE FUNCTION chunks_search_stats_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_terms st SET doc_freq = st.doc_freq - d.n
  FROM (
    SELECT o.tenant_id, u.lexeme, count(*) AS n
    FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
    GROUP BY o.tenant_id, u.lexeme
  ) d
  WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme;

  UPDATE search_corpus sc SET chunk_count = sc.chunk_count - d.n, total_length = sc.total_length - d.len
  FROM (SELECT tenant_id, count(*) AS n, sum(length(tsv)) AS len FROM old_rows GROUP BY tenant_id) d
  WHERE sc.tenant_id = d.tenant_id;
  RETURN NULL;
END $$;--> statement-breakpoint

CREATE TRIGGER chunks_search_stats_insert AFTER INSERT ON chunks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chunks_search_stats_after_insert();--> statement-breakpoint
CREATE TRIGGER chunks_search_stats_delete AFTER DELETE ON chunks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chunks_search_stats_after_delete();--> statement-breakpoint

-- Chunks are replaced, never edited in their text: re-ingestion deletes and inserts. Refusing
-- text updates keeps the statistics exact (embeddings may still be filled in later).
CREATE FUNCTION chunks_text_is_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'chunk text cannot be updated; re-ingest the document instead'
    USING ERRCODE = 'feature_not_supported';
END $$;--> statement-breakpoint
CREATE TRIGGER chunks_text_immutable BEFORE UPDATE OF content, title, language, tenant_id ON chunks
  FOR EACH ROW EXECUTE FUNCTION chunks_text_is_immutable();
