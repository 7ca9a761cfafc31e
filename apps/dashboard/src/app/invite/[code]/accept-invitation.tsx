'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { AcceptState } from './actions';

/**
 * Accepts at once when the page opens (the person came here to join), through the same form a
 * keyboard or a browser without JavaScript uses; a refusal is shown with its reason.
 */
export function AcceptInvitation({
  action,
}: {
  action: (state: AcceptState, form: FormData) => Promise<AcceptState>;
}) {
  const [state, submit, pending] = useActionState(action, { error: null });
  const form = useRef<HTMLFormElement>(null);
  const started = useRef(false);
  useEffect(() => {
    // Once only: React runs effects twice in development, and an invitation works once.
    if (started.current) return;
    started.current = true;
    form.current?.requestSubmit();
  }, []);

  return (
    <form ref={form} action={submit} className="form">
      {state.error ? (
        <p role="alert" className="alert" data-invitation-error="">
          {state.error}
        </p>
      ) : (
        <p role="status" className="muted">
          {pending ? 'Joining the workspace…' : 'Accept the invitation to join the workspace.'}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Joining…' : state.error ? 'Try again' : 'Accept invitation'}
      </button>
    </form>
  );
}
