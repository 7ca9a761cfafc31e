import { createHmac, timingSafeEqual } from 'node:crypto';
import { decryptSecret } from '@replyline/db';
import { HttpError } from '../http';

export interface IdentityClaim {
  userId?: string;
  email?: string;
  signature: string;
}

/**
 * The message a host site signs for an identified visitor: the user id when it has one,
 * otherwise the lower-cased email. Documented in the embedding guide and the OpenAPI file.
 */
export function identityMessage(claim: Pick<IdentityClaim, 'userId' | 'email'>): string | null {
  if (claim.userId) return claim.userId;
  return claim.email ? claim.email.trim().toLowerCase() : null;
}

export function signIdentity(
  secret: string,
  claim: Pick<IdentityClaim, 'userId' | 'email'>,
): string {
  return createHmac('sha256', secret)
    .update(identityMessage(claim) ?? '')
    .digest('hex');
}

/**
 * Checks an identified visitor's HMAC in constant time. A bad signature is refused (401),
 * never quietly treated as an anonymous visitor: the host page asked for a private chat.
 */
export function verifyIdentity(identitySecretEncrypted: string, claim: IdentityClaim): void {
  if (!identityMessage(claim))
    throw new HttpError(
      400,
      'An identity needs a userId or an email to go with its signature.',
      'invalid_identity',
    );
  const expected = Buffer.from(signIdentity(decryptSecret(identitySecretEncrypted), claim), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(claim.signature)
    ? Buffer.from(claim.signature, 'hex')
    : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(
      401,
      'The identity signature does not match. Sign the user id (or the lower-cased email) with HMAC-SHA256 and the identity secret from Widget settings.',
      'invalid_identity',
    );
}
