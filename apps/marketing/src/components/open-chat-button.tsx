'use client';

import type { ReactNode } from 'react';

type ReplylineStub = ((...args: unknown[]) => void) & { q?: unknown[][] };

/**
 * Opens the live widget. Before the script has loaded this queues the call, like the stub in
 * the embedding guide; the loader replays the queue when it starts.
 */
export function OpenChatButton({ children }: { children: ReactNode }) {
  const open = () => {
    const w = window as unknown as { Replyline?: ReplylineStub };
    if (!w.Replyline) {
      const stub: ReplylineStub = (...args) => {
        (stub.q ??= []).push(args);
      };
      w.Replyline = stub;
    }
    w.Replyline('open');
  };
  return (
    <button type="button" className="button" onClick={open}>
      {children}
    </button>
  );
}
