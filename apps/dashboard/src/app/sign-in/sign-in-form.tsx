'use client';

import { useState, type FormEvent } from 'react';
import { CheckEmail, DevOutboxNote } from './check-email';
import { waitMessage } from './messages';
import { requestSignInLink } from './request-link';

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; email: string }
  | { kind: 'sso' }
  | { kind: 'wait'; minutes: number }
  | { kind: 'error'; message: string };

/**
 * One field for everyone: an address in a workspace's single-sign-on domain is taken to that
 * workspace's identity provider (the server decides), anyone else gets a link by email.
 */
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
      const outcome = await requestSignInLink(email, callbackPath);
      if (outcome.kind === 'sso') {
        setState({ kind: 'sso' });
        window.location.assign(outcome.url);
      } else if (outcome.kind === 'wait') setState({ kind: 'wait', minutes: outcome.minutes });
      else setState({ kind: 'sent', email });
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
        here? The same link creates your account. If your company uses single sign-on, we’ll take
        you to its sign-in page instead.
      </p>
      {state.kind === 'error' && (
        <p role="alert" className="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'wait' && (
        <p role="status" className="notice">
          {waitMessage(state.minutes)}
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
        <button
          type="submit"
          className="button"
          disabled={state.kind === 'sending' || state.kind === 'sso'}
        >
          {buttonLabel(state)}
        </button>
      </form>
      {devOutbox && <DevOutboxNote />}
    </>
  );
}

function buttonLabel(state: State): string {
  if (state.kind === 'sending') return 'Sending…';
  if (state.kind === 'sso') return 'Taking you to your company’s sign-in…';
  return 'Email me a sign-in link';
}
