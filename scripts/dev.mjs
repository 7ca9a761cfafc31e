// `pnpm dev`: runs the whole product on one machine. With no DATABASE_URL it first starts the
// embedded database server (PGlite behind the Postgres wire protocol, migrated and seeded with
// the demo workspace) so every app process shares one database; then every app in dev mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

// Settings from the repo's .env reach every process started below; the environment wins.
if (existsSync('.env')) process.loadEnvFile('.env');

const EMBEDDED_DB_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 54320);
const children = [];

function run(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  children.push(child);
  return child;
}

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Starts the embedded database server and resolves with its URL once it says it is ready. */
function startEmbeddedDatabase() {
  return new Promise((resolve, reject) => {
    const server = run('pnpm', ['--silent', '--filter', '@replyline/db', 'db:serve', String(EMBEDDED_DB_PORT)]);
    server.on('exit', (code) => reject(new Error(`The embedded database stopped (exit ${code}).`)));
    createInterface({ input: server.stdout }).on('line', (line) => {
      try {
        const message = JSON.parse(line);
        if (message.ready) resolve(message.url);
      } catch {
        console.log(line);
      }
    });
  });
}

async function prepareServerDatabase() {
  for (const script of ['db:migrate', 'db:seed']) {
    const child = run('pnpm', ['--silent', script]);
    child.stdout.pipe(process.stdout);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`pnpm ${script} failed (exit ${code}).`);
  }
  return process.env.DATABASE_URL;
}

try {
  const databaseUrl = process.env.DATABASE_URL ? await prepareServerDatabase() : await startEmbeddedDatabase();
  console.log(`Database ready${process.env.DATABASE_URL ? '' : ` (embedded, ${databaseUrl})`}.`);
  console.log('Starting: marketing http://localhost:3000  dashboard http://localhost:3001  api http://localhost:4000');
  const apps = run('pnpm', ['exec', 'turbo', 'run', 'dev', '--filter=./apps/*'], {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  apps.stdout.pipe(process.stdout);
  apps.on('exit', (code) => stopAll(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
