import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEventStream, streamingStepMs, TOKEN_FLUSH_INTERVAL_MS } from './sse';

/** A response that records each socket write and can play a full socket. */
function fakeResponse() {
  const res = Object.assign(new EventEmitter(), {
    writes: [] as string[],
    full: false,
    ended: false,
    writeHead: () => res,
    flushHeaders: () => undefined,
    write(chunk: string) {
      res.writes.push(chunk);
      return !res.full;
    },
    end() {
      res.ended = true;
    },
  });
  return res;
}

const tokens = (chunk: string) => [...chunk.matchAll(/event: token/g)].length;

describe('event stream', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first token at once and batches the following ones into one write per interval', async () => {
    const res = fakeResponse();
    const stream = openEventStream(res as unknown as ServerResponse);
    await stream.send('token', { text: 'Delivery' });
    await vi.advanceTimersByTimeAsync(0);
    expect(res.writes.map(tokens)).toEqual([1]);

    for (const word of [' takes', ' three', ' to', ' five']) {
      await vi.advanceTimersByTimeAsync(20);
      await stream.send('token', { text: word });
    }
    expect(res.writes).toHaveLength(1); // the next write waits for the interval
    await vi.advanceTimersByTimeAsync(TOKEN_FLUSH_INTERVAL_MS);
    expect(res.writes.map(tokens)).toEqual([1, 4]);
  });

  it('never holds other events: the visitor message, sources and done go out at once', async () => {
    const res = fakeResponse();
    const stream = openEventStream(res as unknown as ServerResponse);
    await stream.send('token', { text: 'Yes' });
    await vi.advanceTimersByTimeAsync(0);
    await stream.send('token', { text: ' we do' });
    await stream.send('done', { messageId: 'm1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(res.writes).toHaveLength(2);
    expect(res.writes[1]).toContain('event: token');
    expect(res.writes[1]).toContain('event: done');
  });

  it('writes what is queued when the stream ends', async () => {
    const res = fakeResponse();
    const stream = openEventStream(res as unknown as ServerResponse);
    await stream.send('token', { text: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    await stream.send('token', { text: 'B' });
    stream.end();
    expect(res.writes.join('')).toContain('"text":"B"');
    expect(res.ended).toBe(true);
  });

  it('makes the producer wait while the socket is full, until it drains', async () => {
    const res = fakeResponse();
    res.full = true;
    const stream = openEventStream(res as unknown as ServerResponse);
    await stream.send('sources', { sources: [] });
    await vi.advanceTimersByTimeAsync(0);
    let resumed = false;
    const waiting = stream.send('done', {}).then(() => (resumed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(resumed).toBe(false);
    res.full = false;
    res.emit('drain');
    await waiting;
    expect(resumed).toBe(true);
  });

  it('takes longer steps while very many answers stream at once, and shorter ones again after', () => {
    const base = streamingStepMs();
    const responses = Array.from({ length: 1000 }, () => fakeResponse());
    const streams = responses.map((res) => openEventStream(res as unknown as ServerResponse));
    // Open but idle (widgets waiting for an agent): no answer streams yet.
    expect(streamingStepMs()).toBe(TOKEN_FLUSH_INTERVAL_MS);
    for (const stream of streams) void stream.send('token', { text: 'Hi' });
    expect(base).toBe(TOKEN_FLUSH_INTERVAL_MS);
    expect(streamingStepMs()).toBeGreaterThan(TOKEN_FLUSH_INTERVAL_MS);
    expect(streamingStepMs()).toBeLessThanOrEqual(300);
    for (const res of responses) res.emit('close');
    expect(streamingStepMs()).toBe(TOKEN_FLUSH_INTERVAL_MS);
  });
});
