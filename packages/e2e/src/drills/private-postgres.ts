import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { childProcessEnv } from '../env';
import { dbPackageDir, freePort, runScript } from '../harness';
import { drillPostgresPort, postgresBinDir } from './env';

const run = promisify(execFile);
const repoRoot = join(dbPackageDir, '..', '..');

/** A Postgres server this test owns: it may stop and restart it under the running product. */
export interface PrivatePostgres {
  /** As the app role (what the API connects with). */
  url: string;
  /** `pg_ctl restart -m fast`: open connections are cut, the server is back when it returns. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m fast`. */
  stop(): Promise<void>;
  /** Starts the stopped server again with the options it was created with. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  destroy(): Promise<void>;
}

/**
 * A throwaway server prepared exactly as CI's (.ci/start-postgres.sh: roles, pgvector, the
 * LEAKPROOF step), then migrated and seeded with the demo workspace as a deploy would.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = drillPostgresPort ?? (await freePort());
  const { stdout } = await run('bash', [join(repoRoot, '.ci/start-postgres.sh')], {
    env: { ...childProcessEnv({}), PGPORT_CI: String(port) },
  });
  const vars = Object.fromEntries(
    [...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]),
  );
  const dir = vars.PG_CI_DIR!;
  const pgCtl = (args: string) =>
    run('su', [
      'postgres',
      '-s',
      '/bin/bash',
      '-c',
      `${postgresBinDir}/pg_ctl -D '${dir}/data' ${args}`,
    ]);
  // The server's log goes to its file: pg_ctl must not hand our pipes to the server it starts.
  const log = `-l '${dir}/log'`;
  const options = `-o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off'`;
  const server: PrivatePostgres = {
    url: vars.DATABASE_URL!,
    restart: async () => void (await pgCtl(`-m fast -w ${log} restart`)),
    stop: async () => void (await pgCtl('-m fast -w stop')),
    start: async () => void (await pgCtl(`-w ${log} ${options} start`)),
    destroy: async () => {
      await pgCtl('-m immediate -w stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await runScript(
      join(dbPackageDir),
      'src/scripts/seed.ts',
      childProcessEnv({
        DATABASE_URL: vars.DATABASE_URL!,
        DATABASE_OWNER_URL: vars.DATABASE_OWNER_URL!,
      }),
    );
  } catch (error) {
    await server.destroy();
    throw error;
  }
  return server;
}
