// `pnpm test`: every package's tests through turbo. On embedded PGlite each test file has a
// database of its own, so two packages run side by side (vitest gives each package one worker
// on a 2-core machine, leaving a core idle otherwise). Against a server (DATABASE_URL set) the
// packages share one database and its job queue, so they run one at a time.
import { spawn } from 'node:child_process';

const concurrency = process.env.DATABASE_URL ? 1 : 2;
const child = spawn(
  'turbo',
  ['run', 'test', `--concurrency=${concurrency}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
