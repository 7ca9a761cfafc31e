import {
  isDatabaseUnavailable,
  type ConversationSignal,
  type Database,
  type TenantId,
} from '@replyline/db';
import {
  getConversationState,
  listMessages,
  type ConversationMessage,
  type ConversationState,
} from '@replyline/core';
import type { Logger } from '../logger';

export type ConversationUpdate =
  | { type: 'message'; message: ConversationMessage }
  | ({ type: 'status' } & Pick<ConversationState, 'status' | 'botPaused' | 'handoff' | 'agent'>)
  /** A person in the inbox is typing (never stored; the widget shows it for a few seconds). */
  | { type: 'typing'; by: 'agent' };

type Subscriber = (update: ConversationUpdate) => void;

export interface RealtimeHub {
  /** Feeds a database signal (from LISTEN) to this process's subscribers. */
  dispatch(signal: ConversationSignal): void;
  subscribe(tenantId: TenantId, conversationId: string, subscriber: Subscriber): () => void;
  subscriberCount(): number;
}

/**
 * Fans database signals out to the open event streams of this process. The row named by a
 * signal is read once per signal, in the tenant's scope, however many streams watch it; a
 * signal for a conversation nobody here watches costs nothing.
 */
export function createRealtimeHub(
  db: Database,
  log: Logger,
  retryDelaysMs: readonly number[] = READ_BACK_RETRY_DELAYS_MS,
): RealtimeHub {
  const watchers = new Map<string, Set<Subscriber>>();
  const inOrder = new Map<string, Promise<void>>();

  async function deliver(signal: ConversationSignal, subscribers: Set<Subscriber>) {
    const tenantId = signal.tenantId as TenantId;
    const update = await readBackWithRetry(() => readUpdate(db, tenantId, signal), retryDelaysMs);
    if (update) for (const subscriber of subscribers) subscriber(update);
  }

  return {
    dispatch(signal) {
      const k = key(signal.tenantId, signal.conversationId);
      const subscribers = watchers.get(k);
      if (!subscribers?.size) return;
      // One conversation's updates go out in the order the database announced them, even when
      // reading one row back takes longer than the next.
      const delivered = (inOrder.get(k) ?? Promise.resolve())
        .then(() => deliver(signal, subscribers))
        .catch((err: unknown) => log.error({ err, signal }, 'could not deliver a realtime update'));
      inOrder.set(k, delivered);
      void delivered.then(() => {
        if (inOrder.get(k) === delivered) inOrder.delete(k);
      });
    },
    subscribe(tenantId, conversationId, subscriber) {
      const k = key(tenantId, conversationId);
      const set = watchers.get(k) ?? new Set();
      set.add(subscriber);
      watchers.set(k, set);
      return () => {
        set.delete(subscriber);
        if (set.size === 0) watchers.delete(k);
      };
    },
    subscriberCount: () => [...watchers.values()].reduce((n, s) => n + s.size, 0),
  };
}

/**
 * After a database restart a pooled connection can fail its first statement although the
 * server is back; the stored row is there to read, so a signal is not dropped for that. The
 * waits add up to about four seconds, longer than a pooled connection takes to be replaced.
 */
const READ_BACK_RETRY_DELAYS_MS = [100, 400, 1_000, 2_500];

export async function readBackWithRetry<T>(
  read: () => Promise<T>,
  delaysMs: readonly number[],
): Promise<T> {
  for (const delayMs of delaysMs) {
    try {
      return await read();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return read();
}

async function readUpdate(
  db: Database,
  tenantId: TenantId,
  signal: ConversationSignal,
): Promise<ConversationUpdate | null> {
  // Only the agent's typing goes to the widget: the visitor's own typing is for the inbox.
  if (signal.kind === 'typing')
    return signal.by === 'agent' ? { type: 'typing', by: 'agent' } : null;
  if (signal.kind === 'message') {
    const [message] = await listMessages(db, tenantId, signal.conversationId, [signal.id]);
    return message ? { type: 'message', message } : null;
  }
  const state = await getConversationState(db, tenantId, signal.conversationId);
  if (!state) return null;
  const { status, botPaused, handoff, agent } = state;
  return { type: 'status', status, botPaused, handoff, agent };
}

function key(tenantId: string, conversationId: string) {
  return `${tenantId}:${conversationId}`;
}
