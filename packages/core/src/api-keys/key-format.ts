import { createHash, randomBytes } from 'node:crypto';
import { asTenantId, type TenantId } from '@replyline/db';

/**
 * A secret key is `sk_` + the workspace id (32 hex digits) + 32 random base64url characters
 * (192 bits). The workspace part lets the server find the key inside that workspace's scope
 * (row-level security needs the tenant before any row can be read); the random part is the
 * secret. Only the SHA-256 of the whole key is stored, so a leaked table holds no usable key.
 */
const KEY_PATTERN = /^sk_([0-9a-f]{32})([A-Za-z0-9_-]{32})$/;

export interface NewSecretKey {
  key: string;
  secretHash: string;
  lastFour: string;
}

export function generateSecretKey(tenantId: TenantId): NewSecretKey {
  const key = `sk_${tenantId.replace(/-/g, '')}${randomBytes(24).toString('base64url')}`;
  return { key, secretHash: hashSecretKey(key), lastFour: key.slice(-4) };
}

export function hashSecretKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The workspace a well-formed key names and the hash to look for there; null: not a key. */
export function parseSecretKey(key: string): { tenantId: TenantId; secretHash: string } | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const hex = match[1]!;
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId: asTenantId(uuid), secretHash: hashSecretKey(key) };
}
