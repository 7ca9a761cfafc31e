export interface SseEvent {
  event?: string;
  data?: unknown;
  comment?: string;
}

/** Reads a Server-Sent Events response one event (or comment) at a time. */
export function readEvents(response: Response, timeoutMs = 15_000) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const pending: SseEvent[] = [];
  let buffer = '';

  async function fill(deadline: number) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('timed out waiting for an event')),
        deadline - Date.now(),
      );
    });
    try {
      const { value, done } = await Promise.race([reader.read(), timeout]);
      if (done) throw new Error('the stream ended before the expected event');
      buffer += decoder.decode(value, { stream: true });
    } finally {
      clearTimeout(timer);
    }
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    pending.push(...blocks.map(parseBlock));
  }

  return {
    /** The first event (or comment) not yet taken that matches. */
    async next(predicate: (event: SseEvent) => boolean): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // Events that do not match stay for a later call: a test may wait for them next.
        const index = pending.findIndex(predicate);
        if (index >= 0) return pending.splice(index, 1)[0]!;
        await fill(deadline);
      }
    },
    close: () => reader.cancel(),
  };
}

/** Parses a complete Server-Sent Events body into its events (comments left out). */
export function parseSse(body: string): { event: string; data: unknown }[] {
  return body
    .split('\n\n')
    .map(parseBlock)
    .filter((e) => e.event !== undefined)
    .map((e) => ({ event: e.event!, data: e.data }));
}

function parseBlock(block: string): SseEvent {
  const lines = block.split('\n');
  const comment = lines.find((l) => l.startsWith(': '))?.slice(2);
  const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
  const data = lines
    .filter((l) => l.startsWith('data: '))
    .map((l) => l.slice(6))
    .join('\n');
  return { event, comment, data: data ? (JSON.parse(data) as unknown) : undefined };
}
