#!/usr/bin/env bash
# Starts a throwaway Postgres 15 cluster for the test run and prepares it the way production is
# prepared: an owner role that runs migrations, and the app role the product connects as
# (no superuser, no BYPASSRLS, owns nothing), and a backup role. Prints the connection URLs as shell exports.
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
PORT=${PGPORT_CI:-54329}
DIR=$(mktemp -d /tmp/replyline-pg.XXXXXX)
chown postgres:postgres "$DIR"

run_as_postgres() { su postgres -s /bin/bash -c "$*"; }
run_as_postgres "$PG_BIN/initdb -D '$DIR/data' -U postgres --auth=trust -E UTF8 >/dev/null"
run_as_postgres "$PG_BIN/pg_ctl -D '$DIR/data' -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off' -l '$DIR/log' -w start >/dev/null"

psql_su() { psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }
psql_su -d postgres <<'SQL'
CREATE ROLE replyline_owner LOGIN PASSWORD 'owner' CREATEROLE;
CREATE ROLE replyline_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
-- Backups read and restore every tenant's rows: BYPASSRLS, and a member of the owner to restore.
CREATE ROLE replyline_backup LOGIN PASSWORD 'backup' BYPASSRLS IN ROLE replyline_owner;
CREATE DATABASE replyline OWNER replyline_owner;
SQL
# Superuser steps, once per database (see README): pgvector is not a trusted extension, and the
# full-text match must be LEAKPROOF for its index to be usable under row-level security.
# replyline_drill: a scratch database prepared the same way, where the backup/restore drill runs
# without touching the rows other tests are using. replyline_bench: the retrieval bench's own
# database (`pnpm bench` loads a million passages there and empties it afterwards).
psql_su -d postgres -c 'CREATE DATABASE replyline_drill OWNER replyline_owner'
psql_su -d postgres -c 'CREATE DATABASE replyline_bench OWNER replyline_owner'
# replyline_lane2 (+ its _drill and _bench): CI runs two packages' tests side by side, each on a
# database of its own, and a package's tests find the same neighbours on either lane.
for db in replyline_lane2 replyline_lane2_drill replyline_lane2_bench; do
  psql_su -d postgres -c "CREATE DATABASE $db OWNER replyline_owner"
done
for db in replyline replyline_drill replyline_bench replyline_lane2 replyline_lane2_drill replyline_lane2_bench; do
  psql_su -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS vector' -c 'ALTER SCHEMA public OWNER TO replyline_owner' \
    -c 'ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF'
done

echo "export PG_CI_DIR='$DIR'"
echo "export DATABASE_OWNER_URL='postgres://replyline_owner:owner@127.0.0.1:$PORT/replyline'"
echo "export DATABASE_URL='postgres://replyline_app:app@127.0.0.1:$PORT/replyline'"
echo "export DATABASE_BACKUP_URL='postgres://replyline_backup:backup@127.0.0.1:$PORT/replyline'"
echo "export LANE2_DATABASE_OWNER_URL='postgres://replyline_owner:owner@127.0.0.1:$PORT/replyline_lane2'"
echo "export LANE2_DATABASE_URL='postgres://replyline_app:app@127.0.0.1:$PORT/replyline_lane2'"
echo "export LANE2_DATABASE_BACKUP_URL='postgres://replyline_backup:backup@127.0.0.1:$PORT/replyline_lane2'"
