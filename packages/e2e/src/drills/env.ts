import { existsSync } from 'node:fs';

/** Debian's Postgres 15 server binaries (as CI installs them); drills that restart a server need them. */
export const postgresBinDir = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

/**
 * The database restart drill starts a Postgres server of its own (initdb + pg_ctl as the
 * `postgres` user, as .ci/start-postgres.sh does), so it runs where the suite runs against a
 * server (DATABASE_URL set: CI's second run) and the binaries are there; elsewhere it is
 * skipped with a notice.
 */
export const serverDrillSkipReason = !process.env.DATABASE_URL
  ? 'the suite runs on embedded PGlite (no DATABASE_URL)'
  : !existsSync(`${postgresBinDir}/initdb`)
    ? `no Postgres server binaries in ${postgresBinDir}`
    : process.getuid?.() !== 0
      ? 'starting a Postgres server as the postgres user needs root'
      : null;

/** A fixed port for the drill's own server (a shared machine); unset: any free port. */
export const drillPostgresPort = process.env.DRILL_POSTGRES_PORT
  ? Number(process.env.DRILL_POSTGRES_PORT)
  : null;
