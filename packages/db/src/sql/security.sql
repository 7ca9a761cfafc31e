-- Repeatable security step, applied after every migration run (see migrate.ts).
-- It is written once for all tables so a new tenant table cannot be shipped without isolation:
-- every table with a tenant_id column gets RLS enabled and FORCEd, and one policy with both
-- USING and WITH CHECK on the transaction's tenant setting. NULLIF makes a missing or empty
-- setting compare as NULL, so a query without a tenant scope sees no rows (fails closed).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'replyline_app') THEN
    -- The role the app runs as. Production gives it LOGIN and a password (see README).
    CREATE ROLE replyline_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO replyline_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO replyline_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO replyline_app;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM replyline_app;
-- Migrations bookkeeping is the owner's business only.
REVOKE ALL ON ALL TABLES IN SCHEMA drizzle FROM replyline_app;
-- The job queue (pg-boss, installed by the owner): the app moves jobs, never changes the schema.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
    GRANT USAGE ON SCHEMA pgboss TO replyline_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO replyline_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO replyline_app;
  END IF;
END $$;
-- The audit log is append-only for the app.
REVOKE UPDATE, DELETE ON audit_log FROM replyline_app;

DO $$
DECLARE
  tenant_table record;
  tenant_predicate constant text :=
    $p$tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid$p$;
BEGIN
  FOR tenant_table IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', tenant_table.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I AS PERMISSIVE FOR ALL TO PUBLIC USING (%s) WITH CHECK (%s)',
      tenant_table.relname, tenant_predicate, tenant_predicate
    );
  END LOOP;
END $$;

-- A signed-in user lists the workspaces they belong to before choosing one (read only).
DROP POLICY IF EXISTS member_reads_own ON memberships;
CREATE POLICY member_reads_own ON memberships AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);

-- Full-text search under RLS: Postgres only lets a query use an index for a condition whose
-- function is LEAKPROOF, because RLS must filter rows before anything else sees them. The text
-- match (tsvector @@ tsquery) returns only true or false and raises no data-dependent errors,
-- but is not marked so; without the mark every search scans all of the tenant's passages
-- (100 times slower at 100k chunks). Marking it needs a superuser: done here when migrations
-- run as one (embedded PGlite), otherwise once by the database administrator (see README).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
  END IF;
END $$;
