'use client';

import { useState, type FormEvent } from 'react';
import { CheckEmail, DevOutboxNote } from './check-email';
import { requestSignInLink } from './request-link';

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; email: string }
  | { kind: 'error'; message: string };

export function SignInForm({
  callbackPath,
  error,
  linkMinutes,
  devOutbox,
}: {
  callbackPath: string;
  error: string | null;
  linkMinutes: number;
  devOutbox: boolean;
}) {
  const [state, setState] = useState<State>(
    error ? { kind: 'error', message: error } : { kind: 'idle' },
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setState({ kind: 'sending' });
    try {
      await requestSignInLink(email, callbackPath);
      setState({ kind: 'sent', email });
    } catch (failure) {
      setState({ kind: 'error', message: (failure as Error).message });
    }
  }

  if (state.kind === 'sent')
    return <CheckEmail email={state.email} linkMinutes={linkMinutes} devOutbox={devOutbox} />;

  return (
    <>
      <h1>Sign in to Replyline</h1>
      <p className="muted">
        Enter your work email and we’ll send you a one-time sign-in link. No password needed. New
        here? The same link creates your account.
      </p>
      {state.kind === 'error' && (
        <p role="alert" className="alert">
          {state.message}
        </p>
      )}
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="email">Work email</label>
          <input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            placeholder="you@company.com"
            required
            maxLength={254}
          />
        </div>
        <button type="submit" className="button" disabled={state.kind === 'sending'}>
          {state.kind === 'sending' ? 'Sending…' : 'Email me a sign-in link'}
        </button>
      </form>
      {devOutbox && <DevOutboxNote />}
    </>
  );
}
