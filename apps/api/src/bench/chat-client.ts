// One widget chat as the benches send it: start a conversation, send one message, read the
// answer's event stream to its end (localhost only).

const ORIGIN = 'https://shop.example';
/** Enough of a stream's end to hold its last event (`done`) whole. */
const TAIL_CHARS = 1024;

// Node's fetch opens as many connections per origin as there are requests in flight, so
// each chat holds its stream on its own connection, as a browser would.

export interface ChatResult {
  ok: boolean;
  firstTokenMs: number;
  totalMs: number;
  error?: string;
}

export async function chat(
  server: { base: string; key: string },
  n: number,
  signal?: AbortSignal,
): Promise<ChatResult> {
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
