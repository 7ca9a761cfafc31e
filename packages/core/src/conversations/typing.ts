import { notifyTyping, schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { and, eq } from 'drizzle-orm';

const { conversations } = schema;

/**
 * At most one typing signal per conversation and side this often; keystrokes in between are
 * dropped. Below the clients' own 2 s, so a client's announcement at the end of its window is
 * never dropped because it arrived a little early.
 */
export const TYPING_INTERVAL_MS = 1_500;

/**
 * Remembers when each side of a conversation last announced typing, in this process. Clients
 * throttle too; this keeps a client that does not from flooding every open inbox.
 */
export function createTypingThrottle(now: () => number = Date.now) {
  const last = new Map<string, number>();
  return (key: string): boolean => {
    const at = now();
    const previous = last.get(key);
    if (previous !== undefined && at - previous < TYPING_INTERVAL_MS) return false;
    last.set(key, at);
    // Old entries go, so the map holds only conversations typed in lately.
    if (last.size > 10_000)
      for (const [k, t] of last) if (at - t >= TYPING_INTERVAL_MS) last.delete(k);
    return true;
  };
}

const processThrottle = createTypingThrottle();

/**
 * Tells the other side that someone is typing: a signal on the conversation events channel,
 * never stored. Scoped like every tenant read: a conversation of another tenant is not found
 * (RLS), and the signal carries this tenant's id, so only this workspace's inboxes and this
 * conversation's widgets hear it. Returns whether a signal went out (false when throttled or
 * when there is no such conversation).
 */
export async function announceTyping(
  db: Database,
  tenantId: TenantId,
  conversationId: string,
  by: 'visitor' | 'agent',
  throttle: (key: string) => boolean = processThrottle,
): Promise<boolean> {
  if (!throttle(`${tenantId}:${conversationId}:${by}`)) return false;
  return withTenant(db, tenantId, async (tx) => {
    const [found] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)));
    if (!found) return false;
    await notifyTyping(tx, { tenantId, conversationId, by });
    return true;
  });
}
