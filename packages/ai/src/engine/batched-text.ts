import type { ChatDelta, TokenUsage } from '../types';

const DUE = Symbol('due');

/**
 * A model's text deltas joined into batches: while `eager()` holds (nothing shown yet) each
 * delta comes through at once; after that, what arrived within `intervalMs` comes as one
 * batch, and a batch never waits longer than that for more. The guard and everything after it
 * then work per batch instead of per token, which is what lets one process stream many
 * answers at once; a reader cannot tell 100 ms steps from single tokens. Usage deltas go to
 * `onUsage`.
 */
export async function* batchedText(
  deltas: AsyncIterable<ChatDelta>,
  options: { intervalMs: number; eager: () => boolean; onUsage: (usage: TokenUsage) => void },
): AsyncGenerator<string> {
  const iterator = deltas[Symbol.asyncIterator]();
  let pending = '';
  let batchStartedAt = 0;
  let next = iterator.next();
  try {
    while (true) {
      const result = pending
        ? await dueBy(next, batchStartedAt + options.intervalMs - performance.now())
        : await next;
      if (result === DUE) {
        yield pending;
        pending = '';
        continue;
      }
      if (result.done) break;
      next = iterator.next();
      if (result.value.type === 'usage') {
        options.onUsage(result.value.usage);
        continue;
      }
      if (!pending) batchStartedAt = performance.now();
      pending += result.value.text;
      if (options.eager()) {
        yield pending;
        pending = '';
      }
    }
    if (pending) yield pending;
  } finally {
    // Stopped early (the guard cut the answer, the customer left): let the model stream end,
    // and let the delta asked for in advance fail quietly if ending it makes it fail.
    next.catch(() => undefined);
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/** The next delta, or DUE if it has not come within `ms`. */
function dueBy<T>(next: Promise<T>, ms: number): Promise<T | typeof DUE> {
  if (ms <= 0) return Promise.resolve(DUE);
  let timer: NodeJS.Timeout | undefined;
  const due = new Promise<typeof DUE>((resolve) => {
    timer = setTimeout(() => resolve(DUE), ms);
  });
  return Promise.race([next, due]).finally(() => clearTimeout(timer));
}
