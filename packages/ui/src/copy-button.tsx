'use client';

import { useEffect, useState } from 'react';
import { copyMessage, copyText, type CopyState } from './copy-text';

/** Copies `text`; says so in a live region, then returns to idle after a few seconds. */
export function CopyButton({ text, what, label }: { text: string; what: string; label?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 3_000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <div className="actions">
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
      >
        {state === 'copied' ? 'Copied' : (label ?? `Copy ${what.toLowerCase()}`)}
      </button>
      <span role="status" className="hint">
        {copyMessage(state, what)}
      </span>
    </div>
  );
}
