import type { VisitorContext } from '@replyline/ai';
import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import { HttpError } from '../http';
import type { VerifiedIdentity } from './identity';

/** Longest lifetime (exp - iat) we accept: a leaked token is useless after a day at most. */
export const MAX_IDENTITY_TOKEN_SECONDS = 24 * 60 * 60;
/** Clocks of the host site and ours may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 60;

const shortText = z.string().trim().min(1).max(200);

/** The claims of an identity token; everything but exp/iat/sub/email is optional. */
const ZIdentityClaims = z
  .object({
    sub: shortText.optional(),
    email: z.email().max(254).optional(),
    name: shortText.optional(),
    context: z
      .object({
        plan: shortText.optional(),
        orderIds: z.array(shortText).max(50).optional(),
        cart: z.unknown().optional(),
        page: z.string().max(2000).optional(),
      })
      .optional(),
    exp: z.number(),
    iat: z.number(),
  })
  .refine((claims) => claims.sub || claims.email, {
    message: 'needs a sub (the user id) or an email claim',
  });

/**
 * Verifies an identity token: a JWT signed by the host site's server with HS256 and the
 * workspace's identity secret, carrying `sub` and/or `email`, optional `name` and `context`,
 * and `iat` + `exp` at most 24 hours apart.
 */
export async function verifyIdentityToken(
  secret: string,
  token: string,
  now = Date.now(),
): Promise<VerifiedIdentity> {
  const payload = await verifySignature(secret, token, now);
  const parsed = ZIdentityClaims.safeParse(payload);
  if (!parsed.success)
    throw refused(
      `The identity token's claims are not usable: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'token'} ${i.message}`).join('; ')}.`,
    );
  const claims = parsed.data;
  if (claims.exp - claims.iat > MAX_IDENTITY_TOKEN_SECONDS)
    throw refused(
      'The identity token lives longer than 24 hours (exp - iat). Mint a shorter-lived token on your server.',
      'identity_lifetime_too_long',
    );
  const email = claims.email?.trim().toLowerCase();
  const context: VisitorContext = {
    userId: claims.sub,
    name: claims.name,
    plan: claims.context?.plan,
    orderIds: claims.context?.orderIds,
    cart: claims.context?.cart,
    page: claims.context?.page,
  };
  return {
    key: claims.sub ? `user:${claims.sub}` : `email:${email}`,
    context: withoutUndefined(context),
    contextSigned: true,
    email,
    name: claims.name,
  };
}

async function verifySignature(secret: string, token: string, now: number) {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // Also refuses an `iat` in the future, which would stretch the lifetime past a day.
      maxTokenAge: MAX_IDENTITY_TOKEN_SECONDS,
      currentDate: new Date(now),
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw refused(
        'The identity token has expired. Mint a new one on your server when the page loads.',
        'identity_expired',
      );
    if (error instanceof errors.JWTClaimValidationFailed)
      throw refused(`The identity token is not usable: ${error.message}.`);
    if (error instanceof errors.JOSEError)
      throw refused(
        'The identity token is not valid. Sign it with HS256 and the identity secret from Widget settings.',
      );
    throw error;
  }
}

function refused(message: string, code = 'invalid_identity') {
  return new HttpError(401, message, code);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
