import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { QueueTarget } from './queue';
import type { TenantDb } from './scope';

/** The channel the database announces conversation changes on (see migration 0007). */
export const CONVERSATION_EVENTS_CHANNEL = 'replyline_conversation_events';

const signalSchema = z.object({
  tenantId: z.uuid(),
  conversationId: z.uuid(),
  kind: z.enum(['message', 'status', 'typing']),
  id: z.uuid(),
  /** Who is typing (kind 'typing' only): never stored, announced straight from the app. */
  by: z.enum(['visitor', 'agent']).optional(),
});
/**
 * A new message, a status / takeover change, or someone typing in one conversation; ids only.
 * Typing signals are sent by the app (`announceTyping`), the others by triggers.
 */
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

/**
 * Announces that someone is typing in a conversation, from inside the tenant's scope: the
 * signal names the tenant the scope was opened for, so a listener filtering by tenant never
 * passes it to another workspace. Sent on commit like the triggers' signals.
 */
export async function notifyTyping(
  tx: TenantDb,
  signal: { tenantId: string; conversationId: string; by: 'visitor' | 'agent' },
): Promise<void> {
  const payload = JSON.stringify({
    tenantId: signal.tenantId,
    conversationId: signal.conversationId,
    kind: 'typing',
    id: signal.conversationId,
    by: signal.by,
  });
  await tx.execute(sql`select pg_notify(${CONVERSATION_EVENTS_CHANNEL}, ${payload})`);
}

function safeJson(payload: string | undefined): unknown {
  try {
    return payload ? JSON.parse(payload) : null;
  } catch {
    return null;
  }
}
