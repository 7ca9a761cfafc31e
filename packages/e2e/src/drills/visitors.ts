import { readEvents, parseSse } from '@replyline/api-server/testing';
import { findTenantByPublishableKey, schema, withTenant, type Database } from '@replyline/db';
import { and, eq, inArray } from 'drizzle-orm';

export const DEMO_KEY = 'pk_demo_northwind';
export const DEMO_SITE = 'http://localhost:3000';

/** A visitor with the widget open: a conversation and its live event stream. */
export interface Visitor {
  conversationId: string;
  token: string;
  live: ReturnType<typeof readEvents>;
}

/** What became of one message a visitor sent. */
export interface SendOutcome {
  text: string;
  status: number;
  /** The API said it stored the message (`visitor_message` with its id). */
  acknowledged: boolean;
  /** The answer finished (`done`). */
  answered: boolean;
  error: { code: string; message: string } | null;
  retryAfter: string | null;
  ms: number;
}

const jsonHeaders = { 'content-type': 'application/json', origin: DEMO_SITE };

/** Opens the widget: starts (or resumes) a conversation and holds its event stream open. */
export async function openVisitor(apiOrigin: string, visitorId: string): Promise<Visitor> {
  const started = await fetch(`${apiOrigin}/v1/conversations`, {
    method: 'POST',
    headers: jsonHeaders,
    body: JSON.stringify({ key: DEMO_KEY, visitorId }),
    signal: AbortSignal.timeout(10_000),
  });
  if (started.status !== 200)
    throw new Error(`starting a conversation answered ${started.status}: ${await started.text()}`);
  const { conversationId, token } = (await started.json()) as {
    conversationId: string;
    token: string;
  };
  const stream = await fetch(`${apiOrigin}/v1/conversations/${conversationId}/events`, {
    headers: { authorization: `Bearer ${token}`, origin: DEMO_SITE },
  });
  if (stream.status !== 200) throw new Error(`the event stream answered ${stream.status}`);
  const live = readEvents(stream, 20_000);
  await live.next((e) => e.comment === 'connected');
  return { conversationId, token, live };
}

/** Sends a message the way the widget does and reads the whole answer stream (bounded in time). */
export async function sendMessage(
  apiOrigin: string,
  visitor: Pick<Visitor, 'conversationId' | 'token'>,
  text: string,
  timeoutMs = 20_000,
): Promise<SendOutcome> {
  const started = performance.now();
  const outcome = (fields: Partial<SendOutcome> & { status: number }): SendOutcome => ({
    text,
    acknowledged: false,
    answered: false,
    error: null,
    retryAfter: null,
    ms: Math.round(performance.now() - started),
    ...fields,
  });
  let res: Response;
  let body: string;
  try {
    res = await fetch(`${apiOrigin}/v1/conversations/${visitor.conversationId}/messages`, {
      method: 'POST',
      headers: { ...jsonHeaders, authorization: `Bearer ${visitor.token}` },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return outcome({
      status: 0,
      error: { code: timedOut ? 'timeout' : 'connection', message: String(error) },
    });
  }
  const retryAfter = res.headers.get('retry-after');
  if (res.status !== 200) {
    const refusal = JSON.parse(body) as { error: { code: string; message: string } };
    return outcome({ status: res.status, error: refusal.error, retryAfter });
  }
  const events = parseSse(body);
  const failed = events.find((e) => e.event === 'error')?.data as SendOutcome['error'] | undefined;
  return outcome({
    status: 200,
    acknowledged: events.some((e) => e.event === 'visitor_message'),
    answered: events.some((e) => e.event === 'done'),
    error: failed ?? null,
    retryAfter,
  });
}

/** The visitors' messages of these conversations as stored (through the tenant's scope). */
export async function storedVisitorMessages(
  db: Database,
  conversationIds: string[],
): Promise<{ conversationId: string; content: string }[]> {
  const tenant = await findTenantByPublishableKey(db, DEMO_KEY);
  const { messages } = schema;
  return withTenant(db, tenant!.id, (tx) =>
    tx
      .select({ conversationId: messages.conversationId, content: messages.content })
      .from(messages)
      .where(and(inArray(messages.conversationId, conversationIds), eq(messages.role, 'visitor'))),
  );
}

/**
 * Polls until `check` answers true, or fails naming what was awaited and the last thing seen
 * (`check` may answer a description of what it saw instead of false).
 */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean | string>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<number> {
  const started = performance.now();
  let seen: unknown = 'nothing';
  while (performance.now() - started < timeoutMs) {
    const result = await check().catch((error: unknown) => String(error));
    if (result === true) return Math.round(performance.now() - started);
    seen = result;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s; last seen: ${String(seen)}`);
}
