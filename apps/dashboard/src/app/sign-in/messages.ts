/** What went wrong, in words, for the error codes Auth.js puts in `?error=`. */
export function signInErrorMessage(code: string): string {
  switch (code) {
    case 'Verification':
      return 'That sign-in link has expired or was already used. Ask for a new one below.';
    case 'MissingCSRF':
      return 'The sign-in form had expired. Please try again.';
    case 'AccessDenied':
      return 'This address cannot sign in.';
    case 'SsoRequired':
      return 'Your workspace signs in with single sign-on. Enter your work email below to continue with your company’s sign-in.';
    case 'SsoEmailUnverified':
      return 'Your identity provider has not verified your email address, so we cannot sign you in with it. Ask your IT team to verify it, then try again.';
    case 'SsoWrongDomain':
      return 'Your identity provider signed you in with an address outside your workspace’s verified domain. Sign in there with your work address and try again.';
    case 'SsoNotMember':
      return 'You are not a member of this workspace yet. Ask one of its admins to invite you, then sign in again.';
    case 'SsoUnavailable':
      return 'Single sign-on is switched off for this workspace right now. Enter your email again to get a sign-in link.';
    case 'SsoFailed':
      return 'Single sign-on could not be completed: your identity provider did not answer, or its answer did not match this sign-in. Please start again below; if it keeps happening, tell your workspace admin.';
    default:
      return 'We could not send a sign-in link just now. Please try again in a minute.';
  }
}

/** The throttle's answer: polite, and the same whether or not the address has an account. */
export function waitMessage(minutes: number): string {
  return `We’ve just sent you a link; check your inbox or try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** Only paths on this site: a sign-in link must never lead somewhere else afterwards. */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
    ? path
    : '/';
}
