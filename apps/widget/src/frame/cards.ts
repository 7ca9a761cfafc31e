// The two cards shown under the conversation: "Talk to a human" (→ ticket) and the CSAT
// rating. One at a time; the "Back to chat" button or Escape closes them.

import * as api from './api';
import { catchUp } from './conversation';
import type { Ctx } from './state';
import { describe, showError } from './state';
import { humanForm } from './view/human-form';
import type { HumanRequest } from './view/human-form';
import { note } from './view/message';
import { ratingCard } from './view/rating';

function showCard(ctx: Ctx, card: HTMLElement, focus: boolean): void {
  const slot = ctx.ui.card;
  slot.textContent = '';
  slot.appendChild(card);
  if (card.scrollIntoView) card.scrollIntoView({ block: 'nearest' });
  // Only when asked for: an offer that pops up on its own must not steal the composer's focus.
  const first = card.querySelector<HTMLElement>('input, button');
  if (focus && first) first.focus();
}

export function hasCard(ctx: Ctx): boolean {
  return !!ctx.ui.card.firstChild;
}

export function closeCard(ctx: Ctx): void {
  ctx.ui.card.textContent = '';
  ctx.ui.composer.focus();
}

/**
 * Sends the request for a person. The visitor's words and the "waiting" line are read back
 * before the ticket's number is added, so the three show in the order they happened whatever
 * the events stream delivers first. No rating here: that comes when the conversation ends.
 */
async function submitHuman(ctx: Ctx, request: HumanRequest): Promise<string | null> {
  const session = ctx.session;
  if (!session) return ctx.t.unavailable;
  let ticket: number;
  try {
    ticket = await api.escalate(session, request);
  } catch (error) {
    return describe(error, ctx.t);
  }
  ctx.status = 'escalated';
  ctx.ui.card.textContent = '';
  await catchUp(ctx, session);
  const text = ctx.handoff === 'bot' ? ctx.t.ticket(ticket) : ctx.t.requested(ticket);
  ctx.ui.log.add(note(text, { 'data-ticket-number': ticket, role: 'status' }));
  ctx.ui.composer.focus();
  return null;
}

/** Shows the human form; `intro` explains why when we offer it unasked. */
export function offerHuman(ctx: Ctx, focus: boolean, intro?: string, message?: string): void {
  if (!ctx.session) return;
  // An offer made unasked never replaces a form the visitor may be filling in.
  if (!focus && ctx.ui.card.querySelector('form')) return;
  const form = humanForm(
    ctx.t,
    { intro: intro || ctx.t.humanIntro, message },
    (request) => submitHuman(ctx, request),
    () => closeCard(ctx),
  );
  showCard(ctx, form, focus);
}

export function hasRating(ctx: Ctx): boolean {
  return !!ctx.ui.card.querySelector('[data-card="rating"]');
}

/** The visitor ends the chat; then the rating (the "ended" line arrives by the events stream). */
export async function endChat(ctx: Ctx): Promise<void> {
  const session = ctx.session;
  if (!session) return;
  try {
    await api.endConversation(session);
  } catch (error) {
    return showError(ctx, describe(error, ctx.t));
  }
  if (!hasRating(ctx)) offerRating(ctx, true);
}

export function offerRating(ctx: Ctx, focus: boolean): void {
  const session = ctx.session;
  if (!session) return;
  const submit = async (stars: number): Promise<string | null> => {
    try {
      await api.sendRating(session, stars);
      return null;
    } catch (error) {
      return describe(error, ctx.t);
    }
  };
  const card = ratingCard(ctx.t, submit, () => closeCard(ctx));
  card.setAttribute('data-card', 'rating');
  showCard(ctx, card, focus);
}
