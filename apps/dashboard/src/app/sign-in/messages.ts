/** What went wrong, in words, for the error codes Auth.js puts in `?error=`. */
export function signInErrorMessage(code: string): string {
  switch (code) {
    case 'Verification':
      return 'That sign-in link has expired or was already used. Ask for a new one below.';
    case 'MissingCSRF':
      return 'The sign-in form had expired. Please try again.';
    case 'AccessDenied':
      return 'This address cannot sign in.';
    default:
      return 'We could not send a sign-in link just now. Please try again in a minute.';
  }
}

/** Only paths on this site: a sign-in link must never lead somewhere else afterwards. */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
    ? path
    : '/';
}
