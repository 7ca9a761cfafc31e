// `pnpm bench` (API part): concurrent streaming chats on one API process. The API runs in its
// own process (bench-server.ts) with a stub model streaming 40 words 25 ms apart; this process
// is the load generator, on localhost only and bounded in count and time. Each chat starts a
// conversation, sends one message and reads the stream to its end. Printed: errors, and time
// to first token (request sent -> first `token` event) for a baseline of chats one at a time,
// for 1000 chats sent in the same instant, and for 1000 chats arriving over 10 s with
// 10-second answers (about 1000 streams open together). Figures are printed, not asserted.
// The first token waits for the engine's 128-character guard window (about 0.5 s at this
// model speed): the baseline shows that floor.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CONCURRENT = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1000);
const BASELINE = 20;
const DEADLINE_MS = 180_000;
const RAMP_MS = 10_000;
const ORIGIN = 'https://shop.example';
/** Enough of a stream's end to hold its last event (`done`) whole. */
const TAIL_CHARS = 1024;

// Node's fetch opens as many connections per origin as there are requests in flight, so
// each chat holds its stream on its own connection, as a browser would.

interface ChatResult {
  ok: boolean;
  firstTokenMs: number;
  totalMs: number;
  error?: string;
}

const burst = await startServer(1);
try {
  console.log(
    `API: concurrent streaming chats on one process (${burst.database}, stub model: 40 words, 25 ms apart)`,
  );
  const baseline: ChatResult[] = [];
  for (let i = 0; i < BASELINE; i++) baseline.push(await chat(burst, i));
  report(`baseline, one chat at a time (${BASELINE})`, baseline);
  await runLoad(burst, 'all sent at once', 0);
} finally {
  await burst.stop();
}

// Steady load: 10-second answers, chats arriving evenly over 10 s, so about CONCURRENT
// streams are open together at the peak, as on a busy day rather than in one instant.
const steady = await startServer(10);
try {
  await runLoad(steady, `arriving over ${RAMP_MS / 1000} s, 10 s answers`, RAMP_MS);
} finally {
  await steady.stop();
}

interface BenchServer {
  base: string;
  key: string;
  database: string;
  stop(): Promise<void>;
}

async function startServer(repeats: number): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
  // `--cpu-prof-dir=<dir>` writes a CPU profile of the API process (open it in Chrome DevTools).
  const profileDir = process.argv.find((arg) => arg.startsWith('--cpu-prof-dir='));
  const profile = profileDir ? ['--cpu-prof', profileDir] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, String(repeats)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const info = JSON.parse(line) as { base: string; key: string; database: string };
  return {
    ...info,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function runLoad(server: BenchServer, label: string, rampMs: number) {
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
  report(`${CONCURRENT} chats ${label} (peak ${peak} open)`, results, performance.now() - started);
  const errors = results.filter((r) => !r.ok);
  if (errors.length)
    console.log(
      `  first errors: ${[...new Set(errors.map((e) => e.error))].slice(0, 3).join(' | ')}`,
    );
  console.log(
    `  budget: ${CONCURRENT} concurrent chats with zero errors -> ${errors.length === 0 ? 'met' : 'NOT met'}`,
  );
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function chat(server: BenchServer, n: number, signal?: AbortSignal): Promise<ChatResult> {
  const { base, key } = server;
  const t0 = performance.now();
  try {
    const start = await fetch(`${base}/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ key, visitorId: `v_bench_${n}_${Date.now()}` }),
      signal,
    });
    if (start.status !== 200) throw new Error(`start ${start.status}`);
    const { conversationId, token } = (await start.json()) as {
      conversationId: string;
      token: string;
    };
    const sent = performance.now();
    const res = await fetch(`${base}/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ text: 'How long does delivery take?' }),
      signal,
    });
    if (res.status !== 200) throw new Error(`message ${res.status}: ${await res.text()}`);
    // Only the stream's recent end is kept: rescanning a whole growing answer per chunk would
    // make the load generator, on the same cores, the busiest process of the benchmark.
    let firstTokenMs = -1;
    let tail = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) {
      tail = (tail + decoder.decode(chunk as Uint8Array, { stream: true })).slice(-TAIL_CHARS);
      if (firstTokenMs < 0 && tail.includes('event: token'))
        firstTokenMs = performance.now() - sent;
    }
    if (!tail.includes('event: done')) throw new Error(`no done event: ${tail.slice(-200)}`);
    return { ok: true, firstTokenMs, totalMs: performance.now() - t0 };
  } catch (error) {
    return {
      ok: false,
      firstTokenMs: -1,
      totalMs: performance.now() - t0,
      error: (error as Error).message,
    };
  }
}

function report(label: string, results: ChatResult[], wallMs?: number) {
  const ok = results.filter((r) => r.ok);
  const ttft = ok.map((r) => r.firstTokenMs).sort((a, b) => a - b);
  const pct = (p: number) =>
    ttft.length
      ? ttft[Math.min(ttft.length - 1, Math.floor((p / 100) * ttft.length))]!.toFixed(0)
      : '-';
  console.log(
    `  ${label}: ${ok.length} ok, ${results.length - ok.length} errors; first token p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms` +
      (wallMs ? `; all done in ${(wallMs / 1000).toFixed(1)} s` : ''),
  );
}
