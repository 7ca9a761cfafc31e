// The frame's side of the postMessage protocol (see ../protocol.ts).

import { accept, SOURCE } from '../protocol';
import type { Identity } from './api';

export type Post = (type: string, data?: Record<string, unknown>) => void;

/** Posts to the host page with its exact origin as targetOrigin; a no-op when not framed. */
export function poster(parent: Window | null, hostOrigin: string): Post {
  return (type, data) => {
    if (!parent) return;
    try {
      parent.postMessage({ source: SOURCE, type, ...data }, hostOrigin);
    } catch {
      // An invalid host origin in the config: nobody to talk to.
    }
  };
}

/** Calls onMessage for messages from exactly the host origin AND our parent window. */
export function listen(
  win: Window,
  parent: Window | null,
  hostOrigin: string,
  onMessage: (data: Record<string, unknown>) => void,
): () => void {
  const handler = (event: MessageEvent): void => {
    const data = accept(event, hostOrigin, parent);
    if (data) onMessage(data);
  };
  win.addEventListener('message', handler);
  return () => win.removeEventListener('message', handler);
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/**
 * The identity the host page passed to Replyline('identify'), or undefined when unusable:
 * an identity token, else the older signature with the user id / email it signs and nothing
 * else (a name or context beside it would be unsigned).
 */
export function toIdentity(value: unknown): Identity | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  const token = text(raw.token);
  if (token) return { token };
  const signature = text(raw.signature);
  return signature ? { userId: text(raw.userId), email: text(raw.email), signature } : undefined;
}
