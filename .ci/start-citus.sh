#!/usr/bin/env bash
# Starts a throwaway Citus cluster (a coordinator and two workers, Postgres 15 + pgvector) for the
# scale-out test run, prepared like start-postgres.sh prepares one server: on every node the owner
# role that runs migrations, the app role the product connects as (it must be able to log in on
# the workers too: Citus opens its worker connections as the current role), the database with
# citus and vector, and the search match marked LEAKPROOF. The workers are then added to the
# coordinator. Migrating (pnpm db:migrate, or the tests) distributes the tables (see
# packages/db/src/sql/citus.sql). Prints the connection URLs of the coordinator as shell exports.
# Needs .ci/install-citus.sh first. Ports: CITUS_PORT (coordinator) and the next two (workers).
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
PORT=${CITUS_PORT:-54340}
PORTS=("$PORT" "$((PORT + 1))" "$((PORT + 2))")
DIR=$(mktemp -d /tmp/replyline-citus.XXXXXX)
chown postgres:postgres "$DIR"

run_as_postgres() { su postgres -s /bin/bash -c "$*"; }
psql_su() {
  local port=$1; shift
  psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$port" -U postgres "$@"
}

start_node() {
  local port=$1 data="$DIR/node-$1"
  run_as_postgres "$PG_BIN/initdb -D '$data' -U postgres --auth=trust -E UTF8 >/dev/null"
  # Small shared memory and few connections per node: three nodes share one CI machine.
  run_as_postgres "$PG_BIN/pg_ctl -D '$data' -l '$data.log' -w start -o \"-p $port -k $DIR \
    -c listen_addresses=127.0.0.1 -c fsync=off -c shared_preload_libraries=citus \
    -c max_connections=200 -c shared_buffers=64MB -c max_prepared_transactions=200 \
    -c citus.max_shared_pool_size=100\" >/dev/null"
}

# Citus in the database on every node (the vector extension too: shards hold embeddings).
prepare_node() {
  local port=$1
  psql_su "$port" -d postgres -c 'CREATE DATABASE replyline'
  psql_su "$port" -d replyline -c 'CREATE EXTENSION citus' -c 'CREATE EXTENSION vector'
}

for port in "${PORTS[@]}"; do start_node "$port"; done
for port in "${PORTS[@]}"; do prepare_node "$port"; done
psql_su "$PORT" -d replyline -c "SELECT citus_set_coordinator_host('127.0.0.1', $PORT)" >/dev/null
for port in "${PORTS[@]:1}"; do
  psql_su "$PORT" -d replyline -c "SELECT citus_add_node('127.0.0.1', $port)" >/dev/null
done
# Roles are created once the workers are in: Citus creates them on every node (with the same
# password) and knows they exist there, so the owner can later distribute tables it owns.
psql_su "$PORT" -d replyline <<'SQL'
CREATE ROLE replyline_owner LOGIN PASSWORD 'owner' CREATEROLE;
CREATE ROLE replyline_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
SQL
# Superuser steps, once per database (see README), on every node: the shards run the searches.
for port in "${PORTS[@]}"; do
  psql_su "$port" -d replyline -c 'SET citus.enable_ddl_propagation TO off' \
    -c 'ALTER DATABASE replyline OWNER TO replyline_owner' -c 'ALTER SCHEMA public OWNER TO replyline_owner' \
    -c 'ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF'
done

echo "export CITUS_CI_DIR='$DIR'"
echo "export CITUS_CI_PORTS='${PORTS[*]}'"
echo "export DATABASE_OWNER_URL='postgres://replyline_owner:owner@127.0.0.1:$PORT/replyline'"
echo "export DATABASE_URL='postgres://replyline_app:app@127.0.0.1:$PORT/replyline'"
