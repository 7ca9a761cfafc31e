import type { Metadata } from 'next';
import { LogoMark } from '@replyline/ui/logo';

export const metadata: Metadata = {
  title: 'Sign in',
};

// Placeholder: the form is not wired to anything yet. Magic-link sign-in will post
// the address to the API, which emails a one-time link.
export default function SignInPage() {
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="brand">
          <LogoMark />
          <span>Replyline</span>
        </div>

        <h1>Sign in to your workspace</h1>
        <p className="muted">
          Enter your work email and we’ll send you a one-time sign-in link. No password needed.
        </p>

        <form className="form" method="post">
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
              aria-describedby="email-hint"
            />
            <p id="email-hint" className="hint">
              Use the address your team invited.
            </p>
          </div>
          <button type="submit" className="button">
            Email me a link
          </button>
        </form>
      </div>
      <p className="auth__footer muted">
        New to Replyline? Ask your workspace admin for an invite.
      </p>
    </main>
  );
}
