'use client';

import { useState } from 'react';

export interface RowAction {
  label: string;
  /** Names the row's thing, for screen readers: `Delete "Price list"`. */
  ariaLabel: string;
  run: () => Promise<unknown>;
  disabled?: boolean;
  danger?: boolean;
  /** Asked with `window.confirm` first; the action runs only on OK. */
  confirm?: string;
}

/** A table row's buttons, with the server's refusal shown under them. */
export function RowActions({ actions, busy }: { actions: RowAction[]; busy: boolean }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="actions">
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          className={`button button--quiet button--small${action.danger ? ' button--danger' : ''}`}
          disabled={busy || action.disabled}
          aria-label={action.ariaLabel}
          onClick={() => {
            if (action.confirm && !window.confirm(action.confirm)) return;
            setError(null);
            action.run().catch((failure: { message: string }) => setError(failure.message));
          }}
        >
          {action.label}
        </button>
      ))}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
