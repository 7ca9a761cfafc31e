import { createHmac, timingSafeEqual } from 'node:crypto';
import { asTenantId, purposeKey, type TenantId } from '@replyline/db';
import type { VisitorContext } from '@replyline/ai';
import { HttpError } from '../http';

/**
 * What a conversation that is not stored yet will be written with at its first message.
 * It travels inside the signed token, so nothing in it can be changed by the browser.
 */
export interface ConversationSeed {
  origin?: string;
  context?: VisitorContext;
  customerEmail?: string;
  customerName?: string;
}

/** What a visitor token lets its holder do: act as one visitor in one conversation. */
export interface VisitorGrant {
  tenantId: TenantId;
  conversationId: string;
  visitorId: string;
  /** The signed user this conversation belongs to; null for anonymous visitors. */
  identityKey: string | null;
  /** Present when the conversation was not stored at start (it is, with its first message). */
  seed?: ConversationSeed;
}

const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface TokenClaims {
  t: string;
  c: string;
  v: string;
  e: number;
  k?: string;
  s?: ConversationSeed;
}

/**
 * Stateless, signed with a key derived from ENCRYPTION_KEY: any API process can check it
 * without a lookup, and it expires after a day (the widget gets a new one on every load).
 */
export function issueVisitorToken(
  grant: Omit<VisitorGrant, 'identityKey'> & { identityKey?: string | null },
  now = Date.now(),
): string {
  const claims: TokenClaims = {
    t: grant.tenantId,
    c: grant.conversationId,
    v: grant.visitorId,
    e: now + TOKEN_LIFETIME_MS,
    ...(grant.identityKey ? { k: grant.identityKey } : {}),
    ...(grant.seed ? { s: grant.seed } : {}),
  };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `vt1.${body}.${sign(body)}`;
}

export function verifyVisitorToken(token: string | null, now = Date.now()): VisitorGrant {
  const [version, body, signature] = (token ?? '').split('.');
  if (version !== 'vt1' || !body || !signature || !sameSignature(signature, sign(body)))
    throw invalidToken();
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
  if (claims.e < now)
    throw new HttpError(
      401,
      'This chat session has expired; reload the page to continue.',
      'token_expired',
    );
  return {
    tenantId: asTenantId(claims.t),
    conversationId: claims.c,
    visitorId: claims.v,
    identityKey: claims.k ?? null,
    ...(claims.s ? { seed: claims.s } : {}),
  };
}

/** The bearer token of a request: the Authorization header, or `?token=` for EventSource. */
export function tokenOf(authorization: string | undefined, url: URL): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? url.searchParams.get('token');
}

function sign(body: string): string {
  return createHmac('sha256', purposeKey('visitor-token')).update(body).digest('base64url');
}

function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function invalidToken() {
  return new HttpError(
    401,
    'The chat session token is missing or invalid; reload the page.',
    'invalid_token',
  );
}
