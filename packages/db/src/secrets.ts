import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { readDbEnv } from './env';

// Only for development and tests; production refuses to start without ENCRYPTION_KEY.
const DEV_ONLY_KEY = 'replyline-development-key-never-use-in-production';

function keyBytes(secret = readDbEnv().ENCRYPTION_KEY ?? DEV_ONLY_KEY): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** AES-256-GCM; the stored form is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptSecret(plaintext: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(stored: string, secret?: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !body)
    throw new Error('Unrecognised encrypted secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/** A random token with a readable prefix, e.g. `pk_live_…` or an identity secret. */
export function randomToken(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/**
 * A key for one purpose (e.g. signing visitor tokens), derived from ENCRYPTION_KEY so one
 * secret serves every use without two uses ever sharing a key.
 */
export function purposeKey(purpose: string, secret?: string): Buffer {
  // Checked on every request that carries a token: derive once per process and secret.
  const cacheKey = `${purpose}\u0000${secret ?? ''}`;
  let key = purposeKeys.get(cacheKey);
  if (!key) {
    key = createHmac('sha256', keyBytes(secret)).update(`replyline:${purpose}`).digest();
    purposeKeys.set(cacheKey, key);
  }
  return key;
}
const purposeKeys = new Map<string, Buffer>();
