import postgres from 'postgres';
import { z } from 'zod';
import type { QueueTarget } from './queue';

/** The channel the database announces conversation changes on (see migration 0007). */
export const CONVERSATION_EVENTS_CHANNEL = 'replyline_conversation_events';

const signalSchema = z.object({
  tenantId: z.uuid(),
  conversationId: z.uuid(),
  kind: z.enum(['message', 'status']),
  id: z.uuid(),
});
/** A new message or a status / takeover change in one conversation; ids only. */
export type ConversationSignal = z.infer<typeof signalSchema>;

export interface RealtimeListener {
  close(): Promise<void>;
}

/**
 * Listens to every conversation change committed to the database, by any process. One
 * dedicated connection per process; callers fan signals out to their own subscribers.
 * Malformed payloads are dropped: the channel is ours, but NOTIFY is open to any role.
 */
export async function listenConversationSignals(
  target: QueueTarget,
  onSignal: (signal: ConversationSignal) => void,
): Promise<RealtimeListener> {
  const deliver = (payload: string | undefined) => {
    const parsed = signalSchema.safeParse(safeJson(payload));
    if (parsed.success) onSignal(parsed.data);
  };
  if (target.kind === 'pglite') {
    const unlisten = await target.client.listen(CONVERSATION_EVENTS_CHANNEL, deliver);
    return { close: () => unlisten() };
  }
  const client = postgres(target.url, { max: 1, onnotice: () => {} });
  await client.listen(CONVERSATION_EVENTS_CHANNEL, deliver);
  return { close: () => client.end({ timeout: 2 }) };
}

function safeJson(payload: string | undefined): unknown {
  try {
    return payload ? JSON.parse(payload) : null;
  } catch {
    return null;
  }
}
