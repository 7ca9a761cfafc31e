import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatDelta, TokenUsage } from '../types';
import { batchedText } from './batched-text';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A model sending `words` `gapMs` apart (a longer gap before the word at `stallAt`), then usage. */
async function* model(
  words: string[],
  gapMs: number,
  stall?: { at: number; ms: number },
): AsyncGenerator<ChatDelta> {
  for (const [i, word] of words.entries()) {
    await sleep(stall?.at === i ? stall.ms : gapMs);
    yield { type: 'text', text: word };
  }
  yield { type: 'usage', usage: { inputTokens: 1, outputTokens: words.length, model: 'stub' } };
}

/** Runs the batcher under fake time; returns each batch with the fake time it came out. */
async function collect(
  source: AsyncIterable<ChatDelta>,
  eagerUntil: number,
  intervalMs = 100,
): Promise<{ batches: { text: string; at: number }[]; usage: TokenUsage | null }> {
  const batches: { text: string; at: number }[] = [];
  let usage: TokenUsage | null = null;
  const started = performance.now();
  const run = (async () => {
    for await (const text of batchedText(source, {
      intervalMs,
      eager: () => batches.length < eagerUntil,
      onUsage: (reported) => (usage = reported),
    }))
      batches.push({ text, at: performance.now() - started });
  })();
  await vi.runAllTimersAsync();
  await run;
  return { batches, usage };
}

describe('batched model text', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes each delta on at once while eager, then joins what arrives within the interval', async () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i} `);
    const { batches, usage } = await collect(model(words, 25), 2);
    expect(batches.slice(0, 2).map((b) => b.text)).toEqual(['w0 ', 'w1 ']);
    expect(batches.map((b) => b.text).join('')).toBe(words.join(''));
    // Ten tokens 25 ms apart after the eager ones: a few batches, none waiting past 100 ms.
    expect(batches.length).toBeLessThanOrEqual(2 + 4);
    expect(usage).toMatchObject({ outputTokens: 12 });
  });

  it('lets a batch out when the model stalls, instead of holding it until the next token', async () => {
    const { batches } = await collect(
      model(['Hello ', 'there ', 'again '], 10, { at: 2, ms: 5_000 }),
      1,
    );
    const there = batches.find((b) => b.text.includes('there'))!;
    expect(there.text).toBe('there ');
    expect(there.at).toBeLessThan(200); // out after the interval, not after the 5 s stall
  });

  it('stops the model when its reader stops early', async () => {
    let finished = false;
    async function* endless(): AsyncGenerator<ChatDelta> {
      try {
        for (;;) {
          await sleep(10);
          yield { type: 'text', text: 'more ' };
        }
      } finally {
        finished = true;
      }
    }
    const run = (async () => {
      for await (const text of batchedText(endless(), {
        intervalMs: 100,
        eager: () => true,
        onUsage: () => undefined,
      }))
        if (text) break;
    })();
    await vi.advanceTimersByTimeAsync(50);
    await run;
    await vi.advanceTimersByTimeAsync(50);
    expect(finished).toBe(true);
  });
});
