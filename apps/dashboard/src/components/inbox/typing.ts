'use client';

import { useEffect, useRef, useState } from 'react';

/** How long "typing…" stays after the last signal; the widget sends one every ~2 s while typing. */
export const TYPING_SHOWN_MS = 4_000;
/** The agent's own typing is announced at most this often (the server drops more anyway). */
export const TYPING_SEND_MS = 2_000;

type Listener = (conversationId: string) => void;
const listeners = new Set<Listener>();

/** The inbox's event stream says a customer is typing in this conversation. */
export function customerTyping(conversationId: string): void {
  for (const listener of listeners) listener(conversationId);
}

/** Whether the customer of this conversation typed in the last few seconds. */
export function useCustomerTyping(conversationId: string): boolean {
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener: Listener = (id) => {
      if (id !== conversationId) return;
      setTyping(true);
      clearTimeout(timer);
      timer = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      clearTimeout(timer);
      setTyping(false);
    };
  }, [conversationId]);
  return typing;
}

/**
 * Calls `announce` at most once per TYPING_SEND_MS however often the returned function is called.
 * A call inside the window is not lost: `announce` runs once when the window ends (it decides
 * then whether there is still something to announce), so a reply started right after the last
 * one still shows the customer that someone is writing.
 */
export function useThrottled(announce: () => void, intervalMs = TYPING_SEND_MS): () => void {
  const last = useRef(0);
  const trailing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(announce);
  latest.current = announce;
  useEffect(() => () => clearTimeout(trailing.current), []);
  return useRef(() => {
    const fire = () => {
      trailing.current = undefined;
      last.current = Date.now();
      latest.current();
    };
    const wait = last.current + intervalMs - Date.now();
    if (wait <= 0) fire();
    else trailing.current ??= setTimeout(fire, wait);
  }).current;
}
