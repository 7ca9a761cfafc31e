import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VisitorContext } from '@replyline/ai';
import { decryptSecret } from '@replyline/db';
import { HttpError } from '../http';
import { verifyIdentityToken } from './identity-token';

/** A visitor the host site vouched for; only what it signed is kept. */
export interface VerifiedIdentity {
  /** 'user:<id>' or 'email:<lower-cased email>': the owner of the visitor's conversations. */
  key: string;
  context: VisitorContext;
  /** The context came signed (identity token): it may replace what a conversation holds. */
  contextSigned: boolean;
  email?: string;
  name?: string;
}

/** The identity token (JWT), or the older hex HMAC of the user id / email. */
export type IdentityClaim = { token: string } | LegacyIdentityClaim;

export interface LegacyIdentityClaim {
  userId?: string;
  email?: string;
  signature: string;
}

export function identityKeyOf(claim: { userId?: string; email?: string }): string | null {
  if (claim.userId) return `user:${claim.userId}`;
  return claim.email ? `email:${claim.email.trim().toLowerCase()}` : null;
}

/**
 * Checks an identified visitor. A bad, expired or forged identity is refused (401), never
 * quietly treated as an anonymous visitor: the host page asked for a private chat.
 */
export async function verifyIdentity(
  identitySecretEncrypted: string,
  claim: IdentityClaim,
  now = Date.now(),
): Promise<VerifiedIdentity> {
  const secret = decryptSecret(identitySecretEncrypted);
  if ('token' in claim) return verifyIdentityToken(secret, claim.token, now);
  return verifyLegacySignature(secret, claim);
}

/**
 * The message a host site signs in the older scheme: the user id when it has one, otherwise
 * the lower-cased email.
 */
export function identityMessage(claim: { userId?: string; email?: string }): string | null {
  if (claim.userId) return claim.userId;
  return claim.email ? claim.email.trim().toLowerCase() : null;
}

export function signIdentity(secret: string, claim: { userId?: string; email?: string }): string {
  return createHmac('sha256', secret)
    .update(identityMessage(claim) ?? '')
    .digest('hex');
}

/**
 * The hex HMAC kept for sites that embedded it before identity tokens. It signs the user id or
 * the email only, so that is all it identifies: a name or context sent beside it is unsigned
 * and is not stored (use an identity token to pass those).
 */
function verifyLegacySignature(secret: string, claim: LegacyIdentityClaim): VerifiedIdentity {
  const key = identityKeyOf(claim);
  if (!key)
    throw new HttpError(
      400,
      'An identity needs a userId or an email to go with its signature.',
      'invalid_identity',
    );
  const expected = Buffer.from(signIdentity(secret, claim), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(claim.signature)
    ? Buffer.from(claim.signature, 'hex')
    : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(
      401,
      'The identity signature does not match. Sign the user id (or the lower-cased email) with HMAC-SHA256 and the identity secret from Widget settings, or send an identity token.',
      'invalid_identity',
    );
  const email = claim.userId ? undefined : claim.email?.trim().toLowerCase();
  return {
    key,
    context: claim.userId ? { userId: claim.userId } : {},
    contextSigned: false,
    email,
  };
}
