-- Corpus length in words (term_count), the unit BM25's length normalisation expects.
CREATE OR REPLACE FUNCTION chunks_search_stats_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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
  UPDATE search_terms st SET doc_freq = st.doc_freq - d.n
  FROM (
    SELECT o.tenant_id, u.lexeme, count(*) AS n
    FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
    GROUP BY o.tenant_id, u.lexeme
  ) d
  WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme;

  UPDATE search_corpus sc SET chunk_count = sc.chunk_count - d.n, total_length = sc.total_length - d.len
  FROM (SELECT tenant_id, count(*) AS n, sum(term_count) AS len FROM old_rows GROUP BY tenant_id) d
  WHERE sc.tenant_id = d.tenant_id;
  RETURN NULL;
END $$;--> statement-breakpoint

UPDATE search_corpus sc SET total_length = coalesce((SELECT sum(term_count) FROM chunks c WHERE c.tenant_id = sc.tenant_id), 0);
