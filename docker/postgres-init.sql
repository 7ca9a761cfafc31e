-- Runs once when the docker-compose Postgres volume is created (as the superuser).
-- The app connects as replyline_app: not superuser, no BYPASSRLS, owns no tables; the
-- migrations (run as the owner, POSTGRES_USER) grant it exactly what it needs.
CREATE EXTENSION IF NOT EXISTS vector;
-- Lets full-text search use its index under row-level security (see README, "Running against a real Postgres").
ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
CREATE ROLE replyline_app LOGIN PASSWORD 'replyline_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
