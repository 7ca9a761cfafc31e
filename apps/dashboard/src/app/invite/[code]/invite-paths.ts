import type { Route } from 'next';

/** Where an invitation link lives: /invite/<tenantId>.<token>. */
export function invitationPath(code: string): string {
  return `/invite/${encodeURIComponent(code)}`;
}

/** Sign-in that comes back to the invitation afterwards (the magic link keeps the callback). */
export function signInForInvitation(code: string): Route {
  return `/sign-in?${new URLSearchParams({ callbackUrl: invitationPath(code) })}` as Route;
}
