// Starting (or resuming) the conversation and rendering messages that arrive later.

import { showCards } from './action-cards';
import * as api from './api';
import type { Agent, Message, Session } from './api';
import { watchEvents } from './events';
import { followLine, hideAgentTyping, setHandoff, showAgentTyping } from './handoff';
import type { Ctx } from './state';
import { clearError, countUnread, describe, parseJson, showError } from './state';
import { storedMessage } from './view/message';

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
  if (message.role === 'agent') hideAgentTyping(ctx);
  const element = storedMessage(message, ctx.t, save);
  ctx.ui.log.add(element, message.id);
  // An order's status, a booked slot, a quote: a reloaded history shows the cards the answer
  // showed live (a button pressed twice is refused by the server: a proposal runs once).
  if (Array.isArray(message.cards) && message.cards.length) showCards(ctx, element, message.cards);
  if (message.role === 'system' && message.handoff) followLine(ctx, message, live);
  if (message.role === 'visitor') ctx.ui.chips.hidden = true;
  if (live && (message.role === 'assistant' || message.role === 'agent')) countUnread(ctx);
}

export function showDeferred(ctx: Ctx): void {
  const held = ctx.deferred;
  ctx.deferred = [];
  for (const message of held) show(ctx, message, true);
}

/**
 * A status signal: resolved, escalated, who answers. The lines that go with a change (waiting,
 * joined, back with the assistant, ended) arrive as messages, in the conversation's order.
 */
export function onStatus(ctx: Ctx, data: Record<string, unknown>): void {
  const status = data.status;
  ctx.botPaused = data.botPaused === true;
  const handoff = data.handoff;
  if (handoff === 'bot' || handoff === 'waiting' || handoff === 'person')
    setHandoff(ctx, handoff, (data.agent as Agent | null) ?? null);
  if (status !== 'open' && status !== 'escalated' && status !== 'resolved') return;
  ctx.status = status;
}

export async function catchUp(ctx: Ctx, session: Session): Promise<void> {
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
  setHandoff(ctx, session.handoff ?? 'bot', session.agent ?? null);
  // A signed-in customer may get their type's greeting; signing out brings the usual one back.
  ctx.ui.setGreeting(session.greeting || ctx.config.tenant.branding.greeting || ctx.t.greeting);
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
      if (data && event.event === 'typing' && data.by === 'agent') showAgentTyping(ctx);
    },
    reconnected: () => void catchUp(ctx, session),
    expired: () => void start(ctx),
  });
}
