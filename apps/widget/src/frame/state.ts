// The chat frame's shared state and the small helpers every flow uses.

import { ApiError } from './api';
import type { Agent, HandoffState, Identity, Message, Session, Status } from './api';
import type { FrameConfig } from './config';
import { h } from './dom';
import type { Dict } from './i18n';
import type { Shell } from './view/shell';

export interface Ctx {
  config: FrameConfig;
  t: Dict;
  ui: Shell;
  visitorId: string;
  /** The page's language, sent so answers come in the customer's language. */
  language?: string;
  identity?: Identity;
  session: Session | null;
  /** Bumped by every (re)start: answers to an older start are dropped. */
  generation: number;
  status: Status;
  botPaused: boolean;
  /** Who answers: the bot, nobody yet (a person was asked for), or `agent`. */
  handoff: HandoffState;
  agent: Agent | null;
  /** The agent's "typing…" while shown, and when it goes. */
  agentTyping: { element: HTMLElement; timer: ReturnType<typeof setTimeout> } | null;
  /** When the visitor's typing was last passed on (ms). */
  typingSentAt: number;
  /** The announcement waiting for the end of the 2 s, for keystrokes inside them. */
  typingLater: ReturnType<typeof setTimeout> | null;
  /** An answer is streaming: the events stream's copies of it wait in `deferred`. */
  sending: boolean;
  deferred: Message[];
  /** Whether the host page shows the panel (from `visibility`); unread counts while not. */
  open: boolean;
  unread: number;
  stopEvents: () => void;
  /** To the host page's loader, with targetOrigin = the host origin. */
  post: (type: string, data?: Record<string, unknown>) => void;
}

/** A sentence for the visitor: ours for rate limits, else the server's, else a generic one. */
export function describe(error: unknown, t: Dict, fallback = t.failed): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t.rateLimited;
    if (error.message) return error.message;
  }
  return fallback;
}

/** One polite notice under the conversation (role="alert"); replaces the previous one. */
export function showError(ctx: Ctx, text: string, state = 'error', retry?: () => void): void {
  const { notice } = ctx.ui;
  notice.textContent = '';
  notice.appendChild(
    h(
      'div',
      { class: 'error', role: 'alert', 'data-state': state },
      text,
      retry ? ' ' : null,
      retry ? h('button', { type: 'button', class: 'link', onclick: retry }, ctx.t.retry) : null,
    ),
  );
}

export function clearError(ctx: Ctx): void {
  ctx.ui.notice.textContent = '';
}

/** A reply arrived: when the panel is closed, the launcher shows the count as a badge. */
export function countUnread(ctx: Ctx): void {
  if (ctx.open) return;
  ctx.unread++;
  ctx.post('unread', { count: ctx.unread });
}

export function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
