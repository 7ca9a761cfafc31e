// The public widget API (v1), called same-origin with relative URLs: the frame is served by
// the API and its CSP allows connect-src 'self' only.

import { readSse } from './sse';
import type { SseEvent } from './sse';

// The API's own contract, as types only: nothing of its schemas reaches this bundle.
export type {
  Agent,
  HandoffLine,
  HandoffState,
  Message,
  Role,
  Session,
  Source,
  Status,
  StartConversationRequest as StartRequest,
} from '@replyline/api-server/contract';
import type {
  Message,
  MessageList,
  Session,
  StartConversationRequest as StartRequest,
  TranscriptSent,
} from '@replyline/api-server/contract';

export type { Identity } from '../protocol';

/** A refused or failed request. status 0 = no answer at all (offline, aborted). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown };
  } | null;
  const error = body && body.error;
  const code = error && typeof error.code === 'string' ? error.code : `http_${response.status}`;
  const message = error && typeof error.message === 'string' ? error.message : '';
  return new ApiError(response.status, code, message);
}

async function call(path: string, init: RequestInit, token?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.body) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { ...headers, ...(init.headers as object) } });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

const post = (path: string, body: unknown, token?: string): Promise<Response> =>
  call(path, { method: 'POST', body: JSON.stringify(body) }, token);

const base = (session: Session): string =>
  `/v1/conversations/${encodeURIComponent(session.conversationId)}`;

export async function startConversation(request: StartRequest): Promise<Session> {
  const session = (await (await post('/v1/conversations', request)).json()) as Session;
  return { ...session, messages: Array.isArray(session.messages) ? session.messages : [] };
}

export async function listMessages(session: Session): Promise<Message[]> {
  const response = await call(`${base(session)}/messages`, { method: 'GET' }, session.token);
  const body = (await response.json()) as Partial<MessageList>;
  return Array.isArray(body.messages) ? body.messages : [];
}

/** Streams the answer: resolves when the stream ends, throws ApiError when refused. */
export async function sendMessage(
  session: Session,
  text: string,
  onEvent: (event: SseEvent) => void,
  /** Asks again about this stored message (its answer broke off) instead of sending a new one. */
  retryOf?: string,
): Promise<void> {
  const body = JSON.stringify(retryOf ? { text, retryOf } : { text });
  const response = await call(
    `${base(session)}/messages`,
    { method: 'POST', body, headers: { accept: 'text/event-stream' } },
    session.token,
  );
  if (!response.body) throw new ApiError(0, 'no_stream', '');
  await readSse(response.body, onEvent);
}

/** The long-lived events stream; resolves when it ends, throws ApiError when refused. */
export async function readEvents(
  session: Session,
  onEvent: (event: SseEvent) => void,
  onOpen: () => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await call(
    `${base(session)}/events`,
    { method: 'GET', signal, headers: { accept: 'text/event-stream' } },
    session.token,
  );
  if (!response.body) throw new ApiError(0, 'no_stream', '');
  onOpen();
  await readSse(response.body, onEvent);
}

export async function sendFeedback(session: Session, messageId: string, value: 1 | -1 | 0) {
  await post(
    `${base(session)}/messages/${encodeURIComponent(messageId)}/feedback`,
    { value },
    session.token,
  );
}

/** A press on an action card: confirm a proposal, or a form's or slot's values. */
export async function runCardAction(
  session: Session,
  request: { proposalId: string } | { action: string; params: Record<string, unknown> },
): Promise<{ messageId: string; text: string; card: { type: string } & Record<string, unknown> }> {
  return (await post(`${base(session)}/actions`, request, session.token)).json();
}

export async function sendRating(session: Session, rating: number) {
  await post(`${base(session)}/rating`, { rating }, session.token);
}

export async function escalate(
  session: Session,
  form: { email: string; name?: string; message: string },
): Promise<number> {
  const response = await post(`${base(session)}/escalate`, form, session.token);
  const body = (await response.json()) as { ticketNumber?: unknown };
  return Number(body.ticketNumber);
}

/** The visitor is typing (the agent sees it); the caller throttles, the server drops extras. */
export async function sendTyping(session: Session): Promise<void> {
  await post(`${base(session)}/typing`, {}, session.token);
}

/** Emails the visitor a copy of the conversation; resolves to the masked address. */
export async function emailTranscript(session: Session, email: string): Promise<string> {
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // Without one the email shows UTC.
  }
  const response = await post(`${base(session)}/transcript`, { email, timeZone }, session.token);
  return ((await response.json()) as TranscriptSent).sentTo;
}

/** The visitor ends the conversation. */
export async function endConversation(session: Session): Promise<void> {
  await post(`${base(session)}/end`, {}, session.token);
}
