// CI's Postgres run: the tests of every package that has a database, against the throwaway
// server, on two lanes side by side (the machine has 2 cores; one package's vitest uses one).
// Packages on one database share its job queue and notifications, so each lane has a database
// of its own on the same server (.ci/start-postgres.sh prepares both). A lane takes the next
// package from one queue, longest first, and prints the package's output when it is done, so
// the two never interleave. Exit code 1 if any package failed; every package runs regardless.
import { spawn } from 'node:child_process';
import process from 'node:process';

/**
 * The small packages at the bottom of the dependency graph first, as turbo orders them: a lane's
 * database keeps the jobs earlier packages queued and left, and the email package's worker
 * tests count every message their stub provider receives, so they run before the packages
 * that queue email (the transports' tests failed after the API's). Then the rest longest first
 * (seconds in CI), so neither lane is left with a long one at the end.
 */
const PACKAGES = [
  '@replyline/email',
  '@replyline/billing',
  '@replyline/db',
  '@replyline/auth',
  '@replyline/api-server',
  '@replyline/trpc',
  '@replyline/rag',
  '@replyline/core',
  '@replyline/dashboard',
  '@replyline/ai',
];

const lanes = [
  pick('DATABASE_URL', 'DATABASE_OWNER_URL', 'DATABASE_BACKUP_URL'),
  pick('LANE2_DATABASE_URL', 'LANE2_DATABASE_OWNER_URL', 'LANE2_DATABASE_BACKUP_URL'),
];

function pick(app, owner, backup) {
  const values = [process.env[app], process.env[owner], process.env[backup]];
  if (values.some((value) => !value)) throw new Error(`${app}, ${owner} and ${backup} must be set`);
  const [DATABASE_URL, DATABASE_OWNER_URL, DATABASE_BACKUP_URL] = values;
  return { DATABASE_URL, DATABASE_OWNER_URL, DATABASE_BACKUP_URL };
}

function runPackage(name, database) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npx', ['-y', 'pnpm@10', '--filter', name, 'test'], {
      env: { ...process.env, ...database },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) =>
      resolve({ code, output: Buffer.concat(output), seconds: (Date.now() - started) / 1000 }),
    );
  });
}

// Package names as arguments run only those (to try the script on a few).
const queue = process.argv.length > 2 ? process.argv.slice(2) : [...PACKAGES];
const failed = [];
await Promise.all(
  lanes.map(async (database, lane) => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const { code, output, seconds } = await runPackage(name, database);
      process.stdout.write(`\n### ${name} (lane ${lane + 1}, ${seconds.toFixed(0)} s, exit ${code})\n`);
      process.stdout.write(output);
      if (code !== 0) failed.push(name);
    }
  }),
);
if (failed.length) {
  console.error(`\nFailed on the Postgres server: ${failed.join(', ')}`);
  process.exit(1);
}
