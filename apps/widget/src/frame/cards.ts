// The two cards shown under the conversation: "Talk to a human" (→ ticket) and the end of
// the chat (CSAT rating, the transcript by email). One at a time; the "Back to chat" button or
// Escape closes them.

import * as api from './api';
import { ApiError } from './api';
import { catchUp } from './conversation';
import type { Ctx } from './state';
import { describe, showError } from './state';
import { humanForm } from './view/human-form';
import type { HumanRequest } from './view/human-form';
import { note } from './view/message';
import { ratingCard } from './view/rating';
import { transcriptForm } from './view/transcript-form';

/** The address the visitor gave for a ticket, offered again for the transcript. */
const givenEmail = new WeakMap<Ctx, string>();

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
  givenEmail.set(ctx, request.email);
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
  const mail = transcriptForm(ctx.t, knownEmail(ctx), async (email) => {
    try {
      return { sentTo: await api.emailTranscript(session, email) };
    } catch (error) {
      // The server says how long to wait; our generic "too many messages" would not.
      const own = error instanceof ApiError && error.status === 429 && error.message;
      return { problem: own || describe(error, ctx.t) };
    }
  });
  const card = ratingCard(ctx.t, submit, () => closeCard(ctx), mail);
  card.setAttribute('data-card', 'rating');
  showCard(ctx, card, focus);
}

/**
 * The visitor's address when we know it: the one their signed identity carries (the server
 * verified it when the chat started), else the one they gave for a ticket. Only a default.
 */
function knownEmail(ctx: Ctx): string {
  const identity = ctx.identity;
  if (ctx.session && ctx.session.identified && identity) {
    if ('email' in identity && identity.email) return identity.email;
    if ('token' in identity) {
      const email = claimedEmail(identity.token);
      if (email) return email;
    }
  }
  return givenEmail.get(ctx) || '';
}

/** The `email` claim of an identity token (a JWT), read, not verified: the API did that. */
function claimedEmail(token: string): string {
  try {
    const payload = token.split('.')[1] || '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      email?: unknown;
    };
    return typeof claims.email === 'string' ? claims.email : '';
  } catch {
    return '';
  }
}
