import { describe, expect, it } from 'vitest';
import { createSseParser, readSse } from './sse';
import type { SseEvent } from './sse';

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const push = createSseParser((event) => events.push(event));
  chunks.forEach((chunk, i) => push(chunk, i === chunks.length - 1));
  return events;
}

const STREAM =
  'event: visitor_message\ndata: {"id":"m1"}\n\n' +
  ': keep-alive\n\n' +
  'event: token\ndata: {"text":"Hel"}\n\n' +
  'event: token\ndata: {"text":"lo"}\n\n' +
  'event: done\ndata: {"messageId":"a1"}\n\n';

const EXPECTED: SseEvent[] = [
  { event: 'visitor_message', data: '{"id":"m1"}' },
  { event: 'token', data: '{"text":"Hel"}' },
  { event: 'token', data: '{"text":"lo"}' },
  { event: 'done', data: '{"messageId":"a1"}' },
];

describe('createSseParser', () => {
  it('parses whole events and skips comments', () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same events however the stream is split into chunks', () => {
    for (let size = 1; size <= 12; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < STREAM.length; i += size) chunks.push(STREAM.slice(i, i + size));
      expect(parse(chunks), `chunks of ${size}`).toEqual(EXPECTED);
    }
  });

  it('handles \\r\\n line endings split between chunks, and bare \\r', () => {
    expect(parse(['event: token\r', '\ndata: a\r', '\n\r', '\n', 'data: b\r\r'])).toEqual([
      { event: 'token', data: 'a' },
      { event: 'message', data: 'b' },
    ]);
  });

  it('joins multi-line data with \\n and defaults the type to "message"', () => {
    expect(parse(['data: line one\ndata:line two\ndata\n\n'])).toEqual([
      { event: 'message', data: 'line one\nline two\n' },
    ]);
  });

  it('drops an event that never got its blank line', () => {
    expect(parse(['event: token\ndata: {"text":"cut"}'])).toEqual([]);
  });
});

describe('readSse', () => {
  it('decodes UTF-8 split inside a character across reads', async () => {
    const bytes = new TextEncoder().encode('data: {"text":"Hej då 👋"}\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSse(stream, (event) => events.push(event));
    expect(events).toEqual([{ event: 'message', data: '{"text":"Hej då 👋"}' }]);
  });
});
