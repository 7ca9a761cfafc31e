// Who answers the visitor, as they see it: the header (the assistant only while the bot
// answers), the lines when that changes, the agent's typing, and the visitor's own typing
// passed on to the agent.

import * as api from './api';
import type { Agent, HandoffState, Message } from './api';
import { hasRating, offerRating } from './cards';
import { h } from './dom';
import type { Ctx } from './state';
import { typingIndicator } from './view/message';

/** How long the agent's "typing…" stays after their last signal (they come every ~2 s). */
export const AGENT_TYPING_MS = 4_000;
/** The visitor's typing is passed on at most this often. */
export const VISITOR_TYPING_MS = 2_000;

export function setHandoff(ctx: Ctx, state: HandoffState, agent: Agent | null): void {
  ctx.handoff = state;
  ctx.agent = state === 'person' ? agent || ctx.agent : null;
  const { tenant } = ctx.config;
  if (state === 'person' && ctx.agent)
    ctx.ui.header.show({
      name: ctx.agent.name,
      subtitle: tenant.name,
      avatarUrl: ctx.agent.avatarUrl,
    });
  else if (state === 'waiting')
    ctx.ui.header.show({ name: tenant.name, subtitle: ctx.t.waiting, avatarUrl: null });
  else ctx.ui.header.show(null);
}

/**
 * A hand-off line was shown: it says who answers from now on. A live "ended" line asks for a
 * rating (once: not over a rating card already open).
 */
export function followLine(ctx: Ctx, message: Message, live: boolean): void {
  switch (message.handoff) {
    case 'waiting':
      return setHandoff(ctx, 'waiting', null);
    case 'joined':
      hideAgentTyping(ctx);
      return setHandoff(ctx, 'person', {
        name: message.authorName || ctx.agent?.name || '',
        avatarUrl: message.authorAvatarUrl,
      });
    case 'bot_back':
      return setHandoff(ctx, 'bot', null);
    case 'ended':
      setHandoff(ctx, 'bot', null);
      if (live && !hasRating(ctx)) offerRating(ctx, false);
      return;
  }
}

/**
 * The agent is typing: dots under the conversation until a reply or a few quiet seconds, with
 * the agent's name written beside them once it is known ("Anna is writing…"; before the agent
 * joins, the widget does not know who it is).
 */
export function showAgentTyping(ctx: Ctx): void {
  const hide = setTimeout(() => hideAgentTyping(ctx), AGENT_TYPING_MS);
  if (ctx.agentTyping) {
    clearTimeout(ctx.agentTyping.timer);
    ctx.agentTyping.timer = hide;
    return;
  }
  const name = ctx.agent?.name;
  const label = name ? ctx.t.agentTyping(name) : ctx.t.typing;
  const element = typingIndicator(ctx.t, label);
  if (name) element.append(h('span', { class: 'who' }, label));
  element.setAttribute('data-typing', 'agent');
  ctx.ui.log.add(element);
  ctx.ui.log.follow();
  ctx.agentTyping = { element, timer: hide };
}

export function hideAgentTyping(ctx: Ctx): void {
  if (!ctx.agentTyping) return;
  clearTimeout(ctx.agentTyping.timer);
  ctx.agentTyping.element.remove();
  ctx.agentTyping = null;
}

/**
 * The visitor typed: the agent hears it, at most every 2 s, only while a person answers or is
 * awaited (nobody watches the bot's chats keystroke by keystroke). A keystroke inside the 2 s
 * is not lost: it is announced once when they end, if something is still being written then
 * (typing right after sending showed the agent nothing for up to 2 s). Failures are not shown.
 */
export function visitorTyping(ctx: Ctx, now = Date.now()): void {
  if (!ctx.session || ctx.handoff === 'bot') return;
  const wait = ctx.typingSentAt + VISITOR_TYPING_MS - now;
  if (wait <= 0) return announceTyping(ctx, now);
  ctx.typingLater ??= setTimeout(() => {
    ctx.typingLater = null;
    if (ctx.ui.composer.textarea.value.trim()) announceTyping(ctx, Date.now());
  }, wait);
}

function announceTyping(ctx: Ctx, now: number): void {
  const session = ctx.session;
  if (!session || ctx.handoff === 'bot') return;
  ctx.typingSentAt = now;
  api.sendTyping(session).catch(() => {});
}
