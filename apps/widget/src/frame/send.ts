// Sending a message and streaming the answer into one bubble.

import * as api from './api';
import type { Source } from './api';
import { offerHuman } from './cards';
import { saveFeedback, showDeferred, start } from './conversation';
import type { SseEvent } from './sse';
import type { Ctx } from './state';
import { clearError, countUnread, describe, parseJson, showError } from './state';
import { showCards, type CardData } from './action-cards';
import {
  addFeedback,
  fillAnswer,
  messageShell,
  note,
  typingIndicator,
  visitorMessage,
} from './view/message';

interface Answer {
  element: HTMLElement | null;
  text: string;
  sources: Source[];
}

/** Applies one event of the answer stream; returns true once the stream is finished. */
function onAnswerEvent(
  ctx: Ctx,
  event: SseEvent,
  mine: HTMLElement,
  answer: Answer,
  typing: HTMLElement,
): boolean {
  const { log } = ctx.ui;
  const data = parseJson(event.data) || {};
  if (event.event === 'visitor_message' && typeof data.id === 'string') log.identify(mine, data.id);
  if (event.event === 'token' || event.event === 'sources') {
    if (typeof data.text === 'string') answer.text += data.text;
    if (Array.isArray(data.sources)) answer.sources = data.sources as Source[];
    if (!answer.element) {
      typing.remove();
      answer.element = messageShell('assistant');
      // Screen readers read the answer once it is complete, not after every token.
      answer.element.setAttribute('aria-busy', 'true');
      log.add(answer.element);
    }
    fillAnswer(answer.element, answer.text, answer.sources, ctx.t);
    log.follow();
  }
  if (event.event === 'cards' && answer.element && Array.isArray(data.cards))
    showCards(ctx, answer.element, data.cards as CardData[]);
  if (event.event === 'done') finish(ctx, answer, data);
  if (event.event === 'error')
    showError(ctx, typeof data.message === 'string' && data.message ? data.message : ctx.t.failed);
  return event.event === 'done' || event.event === 'error';
}

function finish(ctx: Ctx, answer: Answer, done: Record<string, unknown>): void {
  const id = done.messageId;
  if (answer.element && typeof id === 'string') {
    ctx.ui.log.identify(answer.element, id);
    addFeedback(answer.element, id, null, ctx.t, (messageId, value) =>
      saveFeedback(ctx, messageId, value),
    );
    countUnread(ctx);
  }
  if (done.handledByHuman === true && !ctx.botPaused) {
    ctx.botPaused = true;
    ctx.ui.log.add(note(ctx.t.agentAnswers));
  }
  if (done.escalationSuggested === true) offerHuman(ctx, false, ctx.t.humanSuggested);
}

/**
 * A refused send: the text goes back to the visitor (no AI replies left, for the plan (402) or
 * for anonymous visitors today: into the human form instead).
 */
function refused(ctx: Ctx, error: unknown, text: string): void {
  const status = error instanceof api.ApiError ? error.status : 0;
  if (status === 402 || (error as api.ApiError).code === 'replies_exhausted')
    return offerHuman(ctx, false, (error as api.ApiError).message || ctx.t.humanIntro, text);
  ctx.ui.composer.setText(text);
  // An expired token: resume the conversation for a fresh one; the visitor can send again.
  if (status === 401) return void start(ctx);
  showError(ctx, describe(error, ctx.t));
}

export async function send(ctx: Ctx, input: string): Promise<void> {
  const text = input.trim();
  const session = ctx.session;
  if (!text || ctx.sending || !session) return;
  ctx.ui.composer.setText('');
  ctx.ui.chips.hidden = true;
  const mine = visitorMessage(text);
  ctx.ui.log.add(mine);
  await streamAnswer(ctx, session, text, mine);
}

/** Sends the visitor's message (or, with `retryOf`, asks again about it) and streams the answer under it. */
async function streamAnswer(
  ctx: Ctx,
  session: NonNullable<Ctx['session']>,
  text: string,
  mine: HTMLElement,
  retryOf?: string,
): Promise<void> {
  const { ui } = ctx;
  ctx.sending = true;
  ui.composer.setBusy(true);
  clearError(ctx);
  const typing = typingIndicator(ctx.t);
  ui.log.add(typing);
  const answer: Answer = { element: null, text: '', sources: [] };
  let finished = false;
  try {
    await api.sendMessage(
      session,
      text,
      (event) => {
        if (onAnswerEvent(ctx, event, mine, answer, typing)) finished = true;
      },
      retryOf,
    );
    if (!finished) brokeOff(ctx, session, text, mine, answer); // the stream broke off mid-answer
  } catch (error) {
    if (mine.hasAttribute('data-message-id')) brokeOff(ctx, session, text, mine, answer, error);
    else if (retryOf) showError(ctx, describe(error, ctx.t));
    else {
      // Refused before the stream started: the message was not stored, so it goes.
      mine.remove();
      refused(ctx, error, text);
    }
  } finally {
    typing.remove();
    if (answer.element) answer.element.removeAttribute('aria-busy');
    ctx.sending = false;
    ui.composer.setBusy(false);
    showDeferred(ctx);
  }
}

/**
 * The answer broke off after the message was stored (the connection dropped, the server
 * restarted): "Try again" asks about the same stored message, so it is answered, or the answer
 * finished meanwhile is shown, and the message is never sent twice.
 */
function brokeOff(
  ctx: Ctx,
  session: NonNullable<Ctx['session']>,
  text: string,
  mine: HTMLElement,
  partial: Answer,
  error?: unknown,
): void {
  const message = error === undefined ? ctx.t.failed : describe(error, ctx.t);
  const id = mine.getAttribute('data-message-id');
  if (!id) return showError(ctx, message);
  showError(ctx, message, 'error', () => {
    if (ctx.sending) return;
    partial.element?.remove();
    void streamAnswer(ctx, ctx.session ?? session, text, mine, id);
  });
}
