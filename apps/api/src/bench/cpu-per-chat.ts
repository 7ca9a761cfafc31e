// `pnpm bench` (API part, first): CPU time and heap bytes the API process spends per answered
// chat. Wall-clock figures of a shared machine say how busy the machine was; CPU time spent by
// the process itself does not depend on that. The API runs in its own process (cpu-server.ts)
// with a stub model streaming as fast as it can; this process sends the chats (start, one
// message, the whole answer read) and asks the server for its own CPU time and allocations over
// the measured chats, after a warm-up. The baseline, in the same run: a bare HTTP server writing
// the same events through the same SSE writer, so what is left is the stack in between (limits,
// database, engine, guard). On a Postgres server (DATABASE_URL) the API connects through a
// relay in this process that counts what the API sends to the server: the writes per chat are
// the database round trips it waited for. Figures are printed, not asserted.
//   tsx src/bench/cpu-per-chat.ts [--chats=400] [--concurrency=50] [--cpu-prof-dir=<dir>]
import { readDbEnv } from '@replyline/db';
import { startCountingRelay, type CountingRelay } from '@replyline/db/testing';
import { startProcess } from './bench-process';
import { chat } from './chat-client';

const option = (name: string, fallback: number) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
};
const CHATS = option('chats', 400);
const CONCURRENCY = option('concurrency', 50);
const WARM_UP = 100;

interface CpuReport {
  cpuMs: number;
  allocatedBytes: number;
  collections: number;
  gcMs: number;
}

/** CPU and allocation per chat of one server kind, measured after a warm-up. */
async function measure(mode: 'api' | 'echo', relay: CountingRelay | null) {
  const profileDir = process.argv.find((arg) => arg.startsWith('--cpu-prof-dir='));
  const profile = profileDir && mode === 'api' ? [profileDir] : [];
  const database = relay && mode === 'api' ? [`--database-url=${relay.url}`] : [];
  const child = startProcess(
    './cpu-server.ts',
    ['--import', 'tsx'],
    [mode, ...profile, ...database],
  );
  try {
    const server = JSON.parse(await child.nextLine()) as {
      base: string;
      key: string;
      database: string;
    };
    await runChats(server, WARM_UP, 0);
    child.send('report');
    await child.nextLine();
    relay?.take();
    const started = performance.now();
    const failed = await runChats(server, CHATS, WARM_UP);
    const wallMs = performance.now() - started;
    const databaseWrites = relay?.take() ?? null;
    child.send('report');
    const report = JSON.parse(await child.nextLine()) as CpuReport;
    return { ...report, database: server.database, failed, wallMs, databaseWrites };
  } finally {
    await child.stop();
  }
}

/** `count` chats, `CONCURRENCY` at a time; returns how many failed. */
async function runChats(server: { base: string; key: string }, count: number, offset: number) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      const n = offset + next++;
      const result = await chat(server, n);
      if (!result.ok) {
        failed++;
        if (failed === 1) console.log(`  first error: ${result.error}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failed;
}

const perChat = (value: number) => value / CHATS;

const serverUrl = readDbEnv().DATABASE_URL;
const relay = serverUrl ? await startCountingRelay(serverUrl) : null;
const baseline = await measure('echo', null);
const api = await measure('api', relay);
await relay?.close();
console.log(
  `API: CPU per answered chat (${api.database}; ${CHATS} chats, ${CONCURRENCY} at a time, after ${WARM_UP} to warm up; stub model streaming 40 words as fast as it can)`,
);
for (const [label, run] of [
  ['baseline, bare SSE echo', baseline],
  ['real stack', api],
] as const) {
  console.log(
    `  ${label}: ${perChat(run.cpuMs).toFixed(2)} ms CPU, ${(perChat(run.allocatedBytes) / 1024).toFixed(0)} KB allocated, GC ${perChat(run.gcMs).toFixed(2)} ms per chat (${run.collections} collections, ${run.failed} failed, ${(run.wallMs / 1000).toFixed(1)} s wall)`,
  );
}
if (api.databaseWrites !== null)
  console.log(
    `  writes to Postgres: ${perChat(api.databaseWrites).toFixed(1)} per chat (each one a round trip the API waited for)`,
  );
console.log(
  `[budget] cpu per answered chat: ${perChat(api.cpuMs).toFixed(2)} ms; baseline ${perChat(baseline.cpuMs).toFixed(2)} ms`,
);
if (api.database === 'pglite')
  console.log(
    '  (embedded PGlite runs inside the API process, so its CPU counts here; set DATABASE_URL to measure the API alone)',
  );
