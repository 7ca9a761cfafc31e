// `pnpm bench` (API part): concurrent streaming chats on one API process. The API runs in its
// own process (bench-server.ts) with a stub model streaming 40 words 25 ms apart; this process
// is the load generator, on localhost only and bounded in count and time. Each chat starts a
// conversation, sends one message and reads the stream to its end. Printed: errors, and time
// to first token (request sent -> first `token` event) for a baseline of chats one at a time
// and for the concurrent run. Figures are printed, not asserted.
import { spawn } from 'node:child_process';
import { once, setMaxListeners } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CONCURRENT = Number(process.argv[2] ?? 1000);
const BASELINE = 20;
const DEADLINE_MS = 180_000;
const ORIGIN = 'https://shop.example';

// Node's fetch opens as many connections per origin as there are requests in flight, so
// each chat holds its stream on its own connection, as a browser would.

interface ChatResult {
  ok: boolean;
  firstTokenMs: number;
  totalMs: number;
  error?: string;
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('./bench-server.ts', import.meta.url))],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
const { base, key, database } = JSON.parse(line) as { base: string; key: string; database: string };

try {
  console.log(
    `API: concurrent streaming chats on one process (${database}, stub model: 40 words, 25 ms apart)`,
  );
  const baseline: ChatResult[] = [];
  for (let i = 0; i < BASELINE; i++) baseline.push(await chat(i));
  report(`baseline, one chat at a time (${BASELINE})`, baseline);

  const started = performance.now();
  const deadline = AbortSignal.timeout(DEADLINE_MS);
  setMaxListeners(CONCURRENT * 4, deadline);
  const results = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) => chat(BASELINE + i, deadline)),
  );
  report(`${CONCURRENT} at once`, results, performance.now() - started);
  const errors = results.filter((r) => !r.ok);
  if (errors.length)
    console.log(
      `  first errors: ${[...new Set(errors.map((e) => e.error))].slice(0, 3).join(' | ')}`,
    );
  console.log(
    `  budget: ${CONCURRENT} concurrent chats with zero errors -> ${errors.length === 0 ? 'met' : 'NOT met'}`,
  );
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
}

async function chat(n: number, signal?: AbortSignal): Promise<ChatResult> {
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
    let firstTokenMs = -1;
    let body = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) {
      body += decoder.decode(chunk as Uint8Array, { stream: true });
      if (firstTokenMs < 0 && body.includes('event: token'))
        firstTokenMs = performance.now() - sent;
    }
    if (!body.includes('event: done')) throw new Error(`no done event: ${body.slice(-200)}`);
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
