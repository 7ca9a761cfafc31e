// Action cards under an answer, and what their buttons do: each press is one request to the
// API, whose answer (a new card with its words) is added as the assistant's next message.

import * as api from './api';
import type { Ctx } from './state';
import { describe, showError } from './state';
import { actionCard, type CardRequest } from './view/action-card';
import { fillAnswer, messageShell } from './view/message';

export type CardData = { type: string } & Record<string, unknown>;

/**
 * Adds an answer's cards under its words and sources, above its thumbs (a stored answer has
 * them already; a streamed one gets them when it is done), so an answer read back from the
 * history looks as it did live.
 */
export function showCards(ctx: Ctx, answer: HTMLElement, cards: CardData[]): void {
  const thumbs = answer.querySelector(':scope > .actions');
  for (const card of cards)
    answer.insertBefore(
      actionCard(card, (request) => void act(ctx, request)),
      thumbs,
    );
  ctx.ui.log.follow();
}

async function act(ctx: Ctx, request: CardRequest): Promise<void> {
  if (!ctx.session) return;
  try {
    const result = await api.runCardAction(ctx.session, request);
    const element = messageShell('assistant', result.messageId);
    fillAnswer(element, result.text, [], ctx.t);
    // The events stream may have shown this message (its words, no card) before this answer
    // came back: the answer with its card takes that place, so it is shown once.
    const streamed = /^[\w-]+$/.test(result.messageId)
      ? ctx.ui.log.element.querySelector(`[data-message-id="${result.messageId}"]`)
      : null;
    if (streamed) streamed.replaceWith(element);
    else ctx.ui.log.add(element, result.messageId);
    showCards(ctx, element, [result.card]);
  } catch (error) {
    showError(ctx, describe(error, ctx.t));
  }
}
