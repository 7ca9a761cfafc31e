// Starting (or resuming) the conversation and rendering messages that arrive later.

import * as api from './api';
import type { Message, Session } from './api';
import { offerRating } from './cards';
import { watchEvents } from './events';
import type { Ctx } from './state';
import { clearError, countUnread, describe, parseJson, showError } from './state';
import { note, storedMessage } from './view/message';

function setReady(ctx: Ctx, ready: boolean): void {
  ctx.ui.composer.setDisabled(!ready);
  for (const button of ctx.ui.footer) button.disabled = !ready;
}

export async function saveFeedback(
  ctx: Ctx,
  messageId: string,
  value: 1 | -1 | 0,
): Promise<boolean> {
  if (!ctx.session) return false;
  try {
    await api.sendFeedback(ctx.session, messageId, value);
    return true;
  } catch (error) {
    showError(ctx, describe(error, ctx.t));
    return false;
  }
}

/**
 * Renders a stored message unless it is already shown. `live` messages (not history) count
 * as unread; while an answer streams, the events stream's copies of the visitor's message
 * and of the answer wait until the answer stream has told us their ids.
 */
export function show(ctx: Ctx, message: Message, live: boolean): void {
  if (!message || typeof message.id !== 'string' || ctx.ui.log.has(message.id)) return;
  if (live && ctx.sending && (message.role === 'visitor' || message.role === 'assistant')) {
    ctx.deferred.push(message);
    return;
  }
  const save = (id: string, value: 1 | -1 | 0) => saveFeedback(ctx, id, value);
  ctx.ui.log.add(storedMessage(message, ctx.t, save), message.id);
  if (message.role === 'visitor') ctx.ui.chips.hidden = true;
  if (live && (message.role === 'assistant' || message.role === 'agent')) countUnread(ctx);
}

export function showDeferred(ctx: Ctx): void {
  const held = ctx.deferred;
  ctx.deferred = [];
  for (const message of held) show(ctx, message, true);
}

export function onStatus(ctx: Ctx, data: Record<string, unknown>): void {
  const { t, ui } = ctx;
  const status = data.status;
  if (data.botPaused === true && !ctx.botPaused) ui.log.add(note(t.agentJoined));
  ctx.botPaused = data.botPaused === true;
  if (status !== 'open' && status !== 'escalated' && status !== 'resolved') return;
  if (status !== ctx.status && status === 'escalated') ui.log.add(note(t.escalated));
  if (status !== ctx.status && status === 'resolved') {
    ui.log.add(note(t.resolved));
    offerRating(ctx, false);
  }
  ctx.status = status;
}

async function catchUp(ctx: Ctx, session: Session): Promise<void> {
  // Whatever was said while the events stream was down.
  const messages = await api.listMessages(session).catch(() => []);
  if (ctx.session === session) for (const message of messages) show(ctx, message, true);
}

/** Starts or resumes the conversation (history included) and follows it live. */
export async function start(ctx: Ctx): Promise<void> {
  const generation = ++ctx.generation;
  ctx.stopEvents();
  setReady(ctx, false);
  clearError(ctx);
  let session: Session;
  try {
    session = await api.startConversation({
      key: ctx.config.key,
      visitorId: ctx.visitorId,
      hostOrigin: ctx.config.hostOrigin,
      language: ctx.language,
      identity: ctx.identity,
    });
  } catch (error) {
    if (generation !== ctx.generation) return;
    const text = describe(error, ctx.t, ctx.t.unavailable);
    return showError(ctx, text, 'unavailable', () => void start(ctx));
  }
  if (generation !== ctx.generation) return;
  const previous = ctx.session;
  if (previous && previous.conversationId !== session.conversationId) ctx.ui.log.clear();
  ctx.session = session;
  ctx.status = session.status;
  ctx.botPaused = session.botPaused;
  for (const message of session.messages) show(ctx, message, false);
  setReady(ctx, true);
  // Into the composer when the chat opens; a later restart (new identity, expired token)
  // must not pull focus away from whatever the visitor is doing.
  if (!previous && ctx.open) ctx.ui.composer.focus();
  ctx.stopEvents = watchEvents(session, {
    event: (event) => {
      const data = parseJson(event.data);
      if (data && event.event === 'message') show(ctx, data as unknown as Message, true);
      if (data && event.event === 'status') onStatus(ctx, data);
    },
    reconnected: () => void catchUp(ctx, session),
    expired: () => void start(ctx),
  });
}
