import { createHash, randomBytes } from 'node:crypto';
import { asTenantId, type TenantId } from '@replyline/db';

/** An invitation can be accepted for this long after it was sent. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A fresh invitation token and the SHA-256 that is stored in its place. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * What the invitation link carries: `<tenantId>.<token>`. The workspace id only says where to
 * look the token's hash up (invitations are tenant-scoped rows); the token is the proof.
 */
export function invitationCode(tenantId: TenantId, token: string): string {
  return `${tenantId}.${token}`;
}

export function parseInvitationCode(code: string): { tenantId: TenantId; token: string } | null {
  const [tenant, token, ...rest] = code.trim().split('.');
  if (!tenant || !token || rest.length > 0 || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  try {
    return { tenantId: asTenantId(tenant), token };
  } catch {
    return null;
  }
}
