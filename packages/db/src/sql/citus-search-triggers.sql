-- Citus only (run by citus.ts after the tables are distributed; idempotent).
-- The search statistics of `chunks` are kept by statement triggers that read the statement's
-- rows from a transition table (new_rows / old_rows). On Citus those triggers fire on the
-- shards, and a query there that joins a transition table with a distributed table crashes the
-- worker (Citus 13.2 cannot plan it). Row-level twins (one round of three statements per
-- passage, each planned by Citus on the worker) kept the statistics but made a bulk load many
-- times slower than on one Postgres server.
--
-- These statement triggers do the same set-based bookkeeping as the plain Postgres ones
-- (migration 0013), once per statement and shard, against the co-located shards of
-- search_postings, search_terms and search_corpus by name: co-located shards always live on the
-- same node, so those are ordinary local tables there, and a query that names only them and the
-- transition table is planned by Postgres itself. Every row of one shard's statement hashes into
-- that shard's range, so the first row's tenant names the right shards for all of them. The
-- shards carry the same FORCEd row-level security as their tables, so the scope still applies.

-- The shard of a co-located search table that holds `tenant`'s rows (local to the node whose
-- `chunks` shard fired the trigger).
CREATE OR REPLACE FUNCTION search_stats_shard(tbl regclass, tenant uuid) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT shard_name(tbl, get_shard_id_for_distribution_column(tbl, tenant)) $$;

CREATE OR REPLACE FUNCTION chunks_search_stats_shard_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tenant uuid;
  postings text;
  terms text;
  corpus text;
BEGIN
  SELECT n.tenant_id INTO tenant FROM new_rows n LIMIT 1;
  IF tenant IS NULL THEN RETURN NULL; END IF;
  postings := search_stats_shard('search_postings', tenant);
  terms := search_stats_shard('search_terms', tenant);
  corpus := search_stats_shard('search_corpus', tenant);

  -- Before the corpus row changes: the average length counts this statement's passages too.
  EXECUTE format($sql$
    INSERT INTO %s (tenant_id, lexeme, chunk_id, tf, term_count, boost, impact)
    SELECT n.tenant_id, u.lexeme, n.id, f.tf, n.term_count, n.boost,
      search_posting_impact(f.tf, n.term_count, a.avgdl)
    FROM new_rows n
    JOIN (
      SELECT b.tenant_id,
        (coalesce(sc.total_length, 0) + b.len)::float8 / (coalesce(sc.chunk_count, 0) + b.n) AS avgdl
      FROM (SELECT tenant_id, count(*) AS n, sum(term_count) AS len FROM new_rows GROUP BY tenant_id) b
      LEFT JOIN %s sc ON sc.tenant_id = b.tenant_id
    ) a ON a.tenant_id = n.tenant_id
    CROSS JOIN LATERAL unnest(n.tsv) AS u
    CROSS JOIN LATERAL (SELECT search_weighted_tf(u.positions, u.weights) AS tf) f
  $sql$, postings, corpus);

  EXECUTE format($sql$
    INSERT INTO %s AS st (tenant_id, lexeme, doc_freq)
    SELECT n.tenant_id, u.lexeme, count(*)
    FROM new_rows n CROSS JOIN LATERAL unnest(tsvector_to_array(n.tsv)) AS u(lexeme)
    GROUP BY n.tenant_id, u.lexeme
    ORDER BY n.tenant_id, u.lexeme -- one lock order for all writers: no deadlocks between ingestions
    ON CONFLICT (tenant_id, lexeme) DO UPDATE SET doc_freq = st.doc_freq + excluded.doc_freq
  $sql$, terms);

  EXECUTE format($sql$
    INSERT INTO %s AS sc (tenant_id, chunk_count, total_length)
    SELECT tenant_id, count(*), sum(term_count) FROM new_rows GROUP BY tenant_id ORDER BY tenant_id
    ON CONFLICT (tenant_id) DO UPDATE
      SET chunk_count = sc.chunk_count + excluded.chunk_count, total_length = sc.total_length + excluded.total_length
  $sql$, corpus);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION chunks_search_stats_shard_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tenant uuid;
  postings text;
  terms text;
  corpus text;
BEGIN
  SELECT o.tenant_id INTO tenant FROM old_rows o LIMIT 1;
  IF tenant IS NULL THEN RETURN NULL; END IF;
  postings := search_stats_shard('search_postings', tenant);
  terms := search_stats_shard('search_terms', tenant);
  corpus := search_stats_shard('search_corpus', tenant);

  EXECUTE format($sql$
    DELETE FROM %s sp USING old_rows o WHERE sp.tenant_id = o.tenant_id AND sp.chunk_id = o.id
  $sql$, postings);

  EXECUTE format($sql$
    UPDATE %s st SET doc_freq = st.doc_freq - d.n
    FROM (
      SELECT o.tenant_id, u.lexeme, count(*) AS n
      FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
      GROUP BY o.tenant_id, u.lexeme
    ) d
    WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme
  $sql$, terms);

  EXECUTE format($sql$
    DELETE FROM %s st
    USING (
      SELECT DISTINCT o.tenant_id, u.lexeme
      FROM old_rows o CROSS JOIN LATERAL unnest(tsvector_to_array(o.tsv)) AS u(lexeme)
    ) d
    WHERE st.tenant_id = d.tenant_id AND st.lexeme = d.lexeme AND st.doc_freq <= 0
  $sql$, terms);

  EXECUTE format($sql$
    UPDATE %s sc SET chunk_count = sc.chunk_count - d.n, total_length = sc.total_length - d.len
    FROM (SELECT tenant_id, count(*) AS n, sum(term_count) AS len FROM old_rows GROUP BY tenant_id) d
    WHERE sc.tenant_id = d.tenant_id
  $sql$, corpus);
  RETURN NULL;
END $$;

-- Replaces the plain Postgres statement triggers (and the row-level ones of earlier Citus
-- databases) once; a second run finds the shard triggers in place and changes nothing.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'chunks'::regclass
             AND tgname = 'chunks_search_stats_insert' AND tgfoid <> 'chunks_search_stats_shard_insert'::regproc) THEN
    DROP TRIGGER chunks_search_stats_insert ON chunks;
    CREATE TRIGGER chunks_search_stats_insert AFTER INSERT ON chunks
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chunks_search_stats_shard_insert();
  END IF;
  IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'chunks'::regclass
             AND tgname = 'chunks_search_stats_delete' AND tgfoid <> 'chunks_search_stats_shard_delete'::regproc) THEN
    DROP TRIGGER chunks_search_stats_delete ON chunks;
    CREATE TRIGGER chunks_search_stats_delete AFTER DELETE ON chunks
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chunks_search_stats_shard_delete();
  END IF;
END $$;

DROP FUNCTION IF EXISTS chunks_search_stats_row_insert();
DROP FUNCTION IF EXISTS chunks_search_stats_row_delete();
