// Follows GET /v1/conversations/:id/events: reconnects with exponential backoff (with
// jitter, so a restarted API is not hit by every widget at once) when the stream drops.

import * as api from './api';
import type { Session } from './api';
import type { SseEvent } from './sse';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
/** A token that expires again this soon after a restart is not worth another restart. */
const RESTART_COOLDOWN_MS = 60_000;
let lastRestart = 0;

export interface EventHandlers {
  event(event: SseEvent): void;
  /** The stream is back after a drop: messages may have been missed. */
  reconnected(): void;
  /** The token was refused: the conversation needs a fresh start. */
  expired(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Returns stop(). */
export function watchEvents(session: Session, handlers: EventHandlers): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let opened = 0;
  let delay = FIRST_DELAY_MS;
  const opening = (): void => {
    delay = FIRST_DELAY_MS;
    if (opened++) handlers.reconnected();
  };
  const run = async (): Promise<void> => {
    while (!stopped) {
      controller = new AbortController();
      try {
        await api.readEvents(session, handlers.event, opening, controller.signal);
      } catch (error) {
        if (stopped) return;
        const status = error instanceof api.ApiError ? error.status : 0;
        if (status === 401 && Date.now() - lastRestart > RESTART_COOLDOWN_MS) {
          lastRestart = Date.now();
          return handlers.expired();
        }
        // Other refusals will not change by retrying (429 and 5xx will).
        if (status >= 400 && status < 500 && status !== 429) return;
      }
      if (stopped) return;
      await sleep(delay * (0.75 + Math.random() / 2));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  };
  void run();
  return () => {
    stopped = true;
    if (controller) controller.abort();
  };
}
