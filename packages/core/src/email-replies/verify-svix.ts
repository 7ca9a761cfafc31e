import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../domain-error';

/** How old a signed delivery may be; older ones are refused as possible replays. */
const TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks a webhook signed the way Resend (through Svix) signs them: `svix-signature` holds one
 * or more `v1,<base64 HMAC-SHA256 of "<svix-id>.<svix-timestamp>.<body>">`, keyed with the
 * base64 part of the `whsec_` secret. Returns the delivery id (for replay protection); throws
 * `unauthenticated` with the reason otherwise.
 */
export function verifySvixSignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = new Date(),
): string {
  const id = header(headers, 'svix-id');
  const timestamp = header(headers, 'svix-timestamp');
  const signatures = header(headers, 'svix-signature');
  if (!id || !timestamp || !signatures)
    throw new DomainError('unauthenticated', 'The webhook is not signed.');
  const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (!Number.isFinite(age) || age > TOLERANCE_SECONDS)
    throw new DomainError(
      'unauthenticated',
      'The webhook’s signature is too old or from the future.',
    );
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const matches = signatures
    .split(' ')
    .map((part) => part.split(','))
    .some(
      ([version, signature]) =>
        version === 'v1' &&
        signature !== undefined &&
        safeEqual(Buffer.from(signature, 'base64'), expected),
    );
  if (!matches) throw new DomainError('unauthenticated', 'The webhook’s signature does not match.');
  return id;
}

function header(headers: Record<string, string | string[] | undefined>, name: string) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
