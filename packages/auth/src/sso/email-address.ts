/**
 * An address as Auth.js stores it: trimmed, lower-cased, and cut at a comma in the domain (Auth.js
 * does the same, so `a@x.com,b@y.com` cannot ask for one address and be sent to another). Null
 * when it is not one address.
 */
export function normalizeEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  const parts = value.split('@');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const domain = parts[1].split(',')[0]!;
  return domain ? `${parts[0]}@${domain}` : null;
}

/** 'example.com' from 'kari@example.com'; null when there is no single @. */
export function emailDomainOf(email: string): string | null {
  return normalizeEmail(email)?.split('@')[1] ?? null;
}
