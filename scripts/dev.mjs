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

// The apps a newcomer opens, with the address that answers once each is up. Next.js dev servers
// compile a page on its first request, so asking here also warms them up.
const APPS = [
  { name: 'marketing', url: 'http://localhost:3000', probe: 'http://localhost:3000/' },
  { name: 'dashboard', url: 'http://localhost:3001', probe: 'http://localhost:3001/api/health' },
  { name: 'api', url: `http://localhost:${process.env.PORT ?? 4000}`, probe: `http://localhost:${process.env.PORT ?? 4000}/health` },
];
const READY_TIMEOUT_MS = 300_000;

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

/** Resolves once every app answers its probe, or rejects after READY_TIMEOUT_MS. */
async function waitForApps() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const pending = new Set(APPS);
  while (pending.size > 0) {
    if (Date.now() > deadline) {
      throw new Error(`Not answering after ${READY_TIMEOUT_MS / 1000} s: ${[...pending].map((app) => app.name).join(', ')}.`);
    }
    for (const app of [...pending]) if (await answers(app.probe)) pending.delete(app);
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function printReadyBlock(databaseUrl, embedded) {
  const api = APPS[2].url;
  const lines = [
    'Replyline is ready.',
    '',
    ...APPS.map((app) => `  ${app.name.padEnd(10)} ${app.url}`),
    `  database   ${embedded ? `${databaseUrl} (embedded PGlite, data in .data/)` : 'DATABASE_URL'}`,
    '',
    `  Demo workspace "Northwind Movers", publishable key pk_demo_northwind:`,
    `    <script src="${api}/widget.js" data-key="pk_demo_northwind" async></script>`,
    `  Sign in to the dashboard with any email; the sign-in link appears in this log`,
    `  and at ${APPS[1].url}/dev/outbox.`,
    `  Health and configured integrations: ${api}/health`,
    '',
    'Press Ctrl+C to stop.',
  ];
  const rule = '='.repeat(72);
  console.log(`\n${rule}\n${lines.join('\n')}\n${rule}\n`);
}

try {
  const embedded = !process.env.DATABASE_URL;
  const databaseUrl = embedded ? await startEmbeddedDatabase() : await prepareServerDatabase();
  console.log(`Database ready${embedded ? ` (embedded, ${databaseUrl})` : ''}. Starting the apps…`);
  const apps = run('pnpm', ['exec', 'turbo', 'run', 'dev', '--filter=./apps/*'], {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  apps.stdout.pipe(process.stdout);
  apps.on('exit', (code) => stopAll(code ?? 0));
  await waitForApps();
  printReadyBlock(databaseUrl, embedded);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
