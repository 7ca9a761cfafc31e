import { listenConversationSignals, type ConversationSignal } from '@replyline/db';
import type { DashboardServer } from './db';

/**
 * What an open inbox hears: which conversation changed and how (it reads the rest itself), or
 * who is typing in it (`kind: 'typing'`, with `by`).
 */
export interface InboxEvent {
  conversationId: string;
  kind: ConversationSignal['kind'];
  by?: ConversationSignal['by'];
}

type Subscriber = (event: InboxEvent) => void;

interface InboxEventHub {
  subscribe(tenantId: string, subscriber: Subscriber): () => void;
}

// One LISTEN connection per dashboard process, kept on globalThis like the server itself.
const holder = globalThis as { replylineInboxEvents?: Promise<InboxEventHub> };

/**
 * The inbox's live feed: every conversation change the database announces (migration 0007's
 * NOTIFY, by any process), passed to this process's open inboxes of that workspace.
 */
export function inboxEventHub(server: DashboardServer): Promise<InboxEventHub> {
  holder.replylineInboxEvents ??= openHub(server).catch((error: unknown) => {
    holder.replylineInboxEvents = undefined;
    throw error;
  });
  return holder.replylineInboxEvents;
}

async function openHub(server: DashboardServer): Promise<InboxEventHub> {
  const byTenant = new Map<string, Set<Subscriber>>();
  await listenConversationSignals(server.queueTarget, (signal) => {
    const event: InboxEvent = { conversationId: signal.conversationId, kind: signal.kind };
    if (signal.by) event.by = signal.by;
    for (const subscriber of byTenant.get(signal.tenantId) ?? []) subscriber(event);
  });
  return {
    subscribe(tenantId, subscriber) {
      const set = byTenant.get(tenantId) ?? new Set();
      set.add(subscriber);
      byTenant.set(tenantId, set);
      return () => {
        set.delete(subscriber);
        if (set.size === 0) byTenant.delete(tenantId);
      };
    },
  };
}
