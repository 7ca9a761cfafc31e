// `pnpm bench` (API part): concurrent streaming chats. The API runs in its own process
// (bench-server.ts) with a stub model streaming 40 words 25 ms apart; this process is the load
// generator, on localhost only and bounded in count and time. Each chat starts a conversation,
// sends one message and reads the stream to its end. Printed: errors, and time to first token
// seen here (request sent -> first `token` event) and measured by the server itself (message
// received -> first token handed to the socket, without this process's own delays), for a
// baseline of chats one at a time, for 1000 chats sent in the same instant, for 1000 chats
// arriving over 10 s with 10-second answers (about 1000 streams open together), and for the same
// against two API processes behind a local round-robin proxy (Postgres only: embedded PGlite
// lives inside one process). Figures are printed, not asserted.
import { startProcess } from './bench-process';
import { chat, type ChatResult } from './chat-client';

const CONCURRENT = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1000);
/** Server time to first token, p95, for 1000 chats arriving over 10 s (PRODUCT.md). */
const SERVER_FIRST_TOKEN_BUDGET_MS = 500;
/**
 * Postgres connections per API process (DATABASE_POOL_SIZE in production). A transaction holds
 * its connection while the API turns each answer around, so 1000 chats need more than the
 * default 20; two processes share the server's default max_connections (100) between them.
 */
const POOL_ONE_PROCESS = 80;
const POOL_EACH_OF_TWO = 40;
const BASELINE = 20;
const DEADLINE_MS = 180_000;
const RAMP_MS = 10_000;

/** The same run's server time to first token, p95, with one chat at a time: what load adds to. */
let baselineP95 = NaN;
let baselineErrors = 0;
const burst = await startServer(1, POOL_ONE_PROCESS);
try {
  console.log(
    `API: concurrent streaming chats (${burst.database}, stub model: 40 words, 25 ms apart; ${POOL_ONE_PROCESS} Postgres connections for one process, ${POOL_EACH_OF_TWO} each for two)`,
  );
  const baseline: ChatResult[] = [];
  for (let i = 0; i < BASELINE; i++) baseline.push(await chat(burst, i));
  report(`one process, baseline, one chat at a time (${BASELINE})`, baseline);
  const alone = await burst.firstTokens();
  reportServer(alone);
  baselineP95 = percentile(alone.firstTokenMs, 95);
  baselineErrors = baseline.filter((result) => !result.ok).length;
  await runLoad(burst, 'one process, all sent at once', 0);
} finally {
  await burst.stop();
}

// Steady load: 10-second answers, chats arriving evenly over 10 s, so about CONCURRENT
// streams are open together at the peak, as on a busy day rather than in one instant.
const steadyLabel = `arriving over ${RAMP_MS / 1000} s, 10 s answers`;
const steady = await startServer(10, POOL_ONE_PROCESS);
try {
  await runLoad(steady, `one process, ${steadyLabel}`, RAMP_MS, true);
} finally {
  await steady.stop();
}

if (steady.database === 'postgres') {
  const pair = [await startServer(10, POOL_EACH_OF_TWO), await startServer(10, POOL_EACH_OF_TWO)];
  const proxy = await startProxy(pair.map((server) => server.port));
  const behindProxy: BenchServer = {
    ...pair[0]!,
    base: proxy.base,
    firstTokens: async () => {
      const reports = await Promise.all(pair.map((server) => server.firstTokens()));
      return {
        firstTokenMs: reports.flatMap((report) => report.firstTokenMs),
        loopDelayMs: reports.flatMap((report) => report.loopDelayMs),
      };
    },
  };
  try {
    await runLoad(behindProxy, `two processes behind a proxy, ${steadyLabel}`, RAMP_MS, true);
  } finally {
    await proxy.stop();
    await Promise.all(pair.map((server) => server.stop()));
  }
} else {
  console.log(
    '  two processes behind a proxy: skipped on embedded PGlite (one process owns it); set DATABASE_URL to run it',
  );
}

interface ServerReport {
  firstTokenMs: number[];
  loopDelayMs: { p50: number; p99: number; max: number }[];
}

interface BenchServer {
  base: string;
  port: number;
  key: string;
  database: string;
  /** The server's own times to first token, and its event-loop delay, since the last call (ms). */
  firstTokens(): Promise<ServerReport>;
  stop(): Promise<void>;
}

async function startServer(repeats: number, poolSize: number): Promise<BenchServer> {
  // `--cpu-prof-dir=<dir>` writes a CPU profile of each API process (open it in Chrome DevTools).
  const profileDir = process.argv.find((arg) => arg.startsWith('--cpu-prof-dir='));
  const profile = profileDir ? ['--cpu-prof', profileDir] : [];
  const child = startProcess(
    './bench-server.ts',
    [...profile, '--import', 'tsx'],
    [String(repeats), String(poolSize)],
  );
  const info = JSON.parse(await child.nextLine()) as {
    base: string;
    key: string;
    database: string;
  };
  return {
    ...info,
    port: Number(new URL(info.base).port),
    firstTokens: async () => {
      child.send('report');
      const report = JSON.parse(await child.nextLine()) as {
        firstTokenMs: number[];
        loopDelayMs: ServerReport['loopDelayMs'][number];
      };
      return { firstTokenMs: report.firstTokenMs, loopDelayMs: [report.loopDelayMs] };
    },
    stop: child.stop,
  };
}

async function startProxy(ports: number[]) {
  const child = startProcess('./round-robin-proxy.ts', ['--import', 'tsx'], ports.map(String));
  const { base } = JSON.parse(await child.nextLine()) as { base: string };
  return { base, stop: child.stop };
}

async function runLoad(server: BenchServer, label: string, rampMs: number, budgeted = false) {
  const started = performance.now();
  let open = 0;
  let peak = 0;
  const results = await Promise.all(
    Array.from({ length: CONCURRENT }, async (_, i) => {
      await sleep((rampMs * i) / CONCURRENT);
      open++;
      peak = Math.max(peak, open);
      // One signal per chat (the time left until the shared deadline): one signal shared by
      // every request would collect thousands of abort listeners.
      const timeLeft = Math.max(1, Math.floor(DEADLINE_MS - (performance.now() - started)));
      const result = await chat(server, BASELINE + i, AbortSignal.timeout(timeLeft));
      open--;
      return result;
    }),
  );
  report(`${label}, ${CONCURRENT} chats (peak ${peak} open)`, results, performance.now() - started);
  const errors = results.filter((r) => !r.ok);
  if (errors.length)
    console.log(
      `  first errors: ${[...new Set(errors.map((e) => e.error))].slice(0, 3).join(' | ')}`,
    );
  const serverReport = await server.firstTokens();
  reportServer(serverReport);
  if (!budgeted) return;
  // The lines `pnpm bench` repeats in its summary (scripts/bench.mjs).
  console.log(
    `[budget] errors, ${label}: ${errors.length} (budget 0) ${errors.length === 0 ? 'ok' : 'NOT MET'}; baseline ${baselineErrors} of ${BASELINE} one at a time`,
  );
  const p95 = percentile(serverReport.firstTokenMs, 95);
  console.log(
    `[budget] server first token, ${label}: p95 ${ms(p95)} (budget ${SERVER_FIRST_TOKEN_BUDGET_MS} ms) ${p95 <= SERVER_FIRST_TOKEN_BUDGET_MS ? 'ok' : 'NOT MET'}; baseline one chat at a time p95 ${ms(baselineP95)}`,
  );
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function report(label: string, results: ChatResult[], wallMs?: number) {
  const ok = results.filter((r) => r.ok);
  const ttft = ok.map((r) => r.firstTokenMs);
  console.log(
    `  ${label}: ${ok.length} ok, ${results.length - ok.length} errors; first token seen here p50 ${ms(percentile(ttft, 50))}, p95 ${ms(percentile(ttft, 95))}, max ${ms(percentile(ttft, 100))}` +
      (wallMs ? `; all done in ${(wallMs / 1000).toFixed(1)} s` : ''),
  );
}

function reportServer({ firstTokenMs: times, loopDelayMs }: ServerReport) {
  const delays = loopDelayMs
    .map((delay) => `p50 ${delay.p50} ms, p99 ${delay.p99} ms, max ${delay.max} ms`)
    .join(' / ');
  console.log(
    `    the server's own time to first token (${times.length} answers): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(percentile(times, 100))}; event-loop delay ${delays}`,
  );
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function ms(value: number): string {
  return Number.isNaN(value) ? '-' : `${value.toFixed(0)} ms`;
}
