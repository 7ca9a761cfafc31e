import type { ChatDelta, TokenUsage } from '../types';

/**
 * A model's text deltas joined into batches: while `eager()` holds (nothing shown yet) each
 * delta comes through at once; after that, what arrived within `intervalMs` comes as one
 * batch, and a batch never waits longer than that for more. The guard and everything after it
 * then work per batch instead of per token, which is what lets one process stream many
 * answers at once; a reader cannot tell 100 ms steps from single tokens. Usage deltas go to
 * `onUsage`.
 *
 * The model is read by its own loop that only appends to the batch: a delta costs a string
 * append, and a batch one timer, because a busy process streams tens of thousands of deltas
 * a second. What arrives while the reader is busy joins the next batch.
 */
export async function* batchedText(
  deltas: AsyncIterable<ChatDelta>,
  options: { intervalMs: number; eager: () => boolean; onUsage: (usage: TokenUsage) => void },
): AsyncGenerator<string> {
  const iterator = deltas[Symbol.asyncIterator]();
  const batch = {
    text: '',
    /** The batch may go out now (eager delta, interval passed). */
    due: false,
    ended: false,
    failure: null as { error: unknown } | null,
    timer: null as NodeJS.Timeout | null,
  };
  let stopped = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  const markDue = () => {
    batch.timer = null;
    batch.due = true;
    notify();
  };

  void (async () => {
    try {
      while (!stopped) {
        const result = await iterator.next();
        if (result.done || stopped) break;
        const delta = result.value;
        if (delta.type === 'usage') {
          options.onUsage(delta.usage);
          continue;
        }
        if (!delta.text) continue;
        const startsBatch = batch.text === '';
        batch.text += delta.text;
        if (options.eager()) markDue();
        else if (startsBatch && !batch.due) batch.timer = setTimeout(markDue, options.intervalMs);
      }
    } catch (error) {
      batch.failure = { error };
    } finally {
      batch.ended = true;
      notify();
    }
  })();

  try {
    while (true) {
      if (!batch.due && !batch.ended) await new Promise<void>((resolve) => (wake = resolve));
      if (batch.failure) throw batch.failure.error;
      batch.due = false;
      if (batch.text) {
        if (batch.timer) clearTimeout(batch.timer);
        batch.timer = null;
        const text = batch.text;
        batch.text = '';
        yield text;
      } else if (batch.ended) return;
    }
  } finally {
    // Stopped early (the guard cut the answer, the customer left): let the model stream end,
    // quietly if ending it makes the delta being read fail.
    stopped = true;
    if (batch.timer) clearTimeout(batch.timer);
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
