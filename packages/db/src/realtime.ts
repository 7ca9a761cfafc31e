import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openListenConnection, type ListenConnection } from './listen-connection';
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
  /** Whether every connection is subscribed now (the health route reports it). */
  status(): RealtimeStatus;
  close(): Promise<void>;
}

export interface RealtimeStatus {
  listening: boolean;
  /** Subscriptions re-established after a lost connection (a database restart), since start. */
  reconnects: number;
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
    // In this process: there is no connection to lose.
    const unlisten = await target.client.listen(CONVERSATION_EVENTS_CHANNEL, deliver);
    return { status: () => ({ listening: true, reconnects: 0 }), close: () => unlisten() };
  }
  const connections: ListenConnection[] = [];
  try {
    for (const url of await nodesAnnouncing(target.url))
      connections.push(await openListenConnection(url, CONVERSATION_EVENTS_CHANNEL, deliver));
  } catch (error) {
    await Promise.all(connections.map((connection) => connection.close()));
    throw error;
  }
  return {
    status: () => {
      const each = connections.map((connection) => connection.status());
      return {
        listening: each.every((s) => s.listening),
        reconnects: each.reduce((sum, s) => sum + s.reconnects, 0),
      };
    },
    close: async () => void (await Promise.all(connections.map((c) => c.close()))),
  };
}

/**
 * The servers whose commits announce conversation changes. One Postgres server announces its own.
 * On Citus the announcing triggers fire where the rows are stored, on the worker nodes: a
 * NOTIFY is delivered only to listeners on the node that ran it, so a process listens on every
 * node holding shards (same role and database; reachable at the address Citus knows it by).
 * Nodes are listed when the process starts: after adding a node, restart the API processes
 * (a rolling restart; see docs/scaling.md).
 */
async function nodesAnnouncing(url: string): Promise<string[]> {
  const probe = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [citus] = await probe`select 1 from pg_extension where extname = 'citus'`;
    if (!citus) return [url];
    const nodes = await probe<{ host: string; port: number }[]>`
      select nodename as host, nodeport as port from pg_dist_node
      where isactive and noderole = 'primary' and shouldhaveshards and groupid <> 0`;
    return [url, ...nodes.map((node) => withHost(url, node.host, node.port))];
  } finally {
    await probe.end({ timeout: 2 });
  }
}

function withHost(url: string, host: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = host;
  parsed.port = String(port);
  return parsed.toString();
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
