import { createECDH } from 'node:crypto';
import { purposeKey } from '@replyline/db';
import { z } from 'zod';

/** A P-256 public key as browsers take it: the uncompressed point (65 bytes), base64url. */
const ZPublicKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'VAPID_PUBLIC_KEY must be base64url (no padding).')
  .refine((v) => Buffer.from(v, 'base64url').length === 65, 'VAPID_PUBLIC_KEY must be 65 bytes.');
const ZPrivateKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'VAPID_PRIVATE_KEY must be base64url (no padding).')
  .refine((v) => Buffer.from(v, 'base64url').length === 32, 'VAPID_PRIVATE_KEY must be 32 bytes.');

const ZPushEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
    VAPID_PUBLIC_KEY: ZPublicKey.optional(),
    VAPID_PRIVATE_KEY: ZPrivateKey.optional(),
    /** Who push services contact about our pushes (RFC 8292 `sub`): mailto: or https:. */
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, 'VAPID_SUBJECT must be a mailto: or https:// address.')
      .default('mailto:support@replyline.example'),
  })
  .refine((env) => Boolean(env.VAPID_PUBLIC_KEY) === Boolean(env.VAPID_PRIVATE_KEY), {
    message: 'Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.',
  });

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * The server's VAPID key pair. Configured keys win; without them the pair is derived from
 * ENCRYPTION_KEY, so every process (API workers, dashboard) agrees on it with nothing else to
 * set up and the embedded default works. Changing either key makes browsers subscribe again.
 */
export function vapidKeys(env: NodeJS.ProcessEnv = process.env): VapidKeys {
  const parsed = ZPushEnv.parse({
    NODE_ENV: env.NODE_ENV || undefined,
    VAPID_PUBLIC_KEY: env.VAPID_PUBLIC_KEY || undefined,
    VAPID_PRIVATE_KEY: env.VAPID_PRIVATE_KEY || undefined,
    VAPID_SUBJECT: env.VAPID_SUBJECT || undefined,
  });
  if (parsed.VAPID_PUBLIC_KEY && parsed.VAPID_PRIVATE_KEY)
    return {
      publicKey: parsed.VAPID_PUBLIC_KEY,
      privateKey: parsed.VAPID_PRIVATE_KEY,
      subject: parsed.VAPID_SUBJECT,
    };
  return { ...deriveVapidKeys(), subject: parsed.VAPID_SUBJECT };
}

/** A P-256 key pair from ENCRYPTION_KEY (or the development key): same secret, same pair. */
export function deriveVapidKeys(secret?: string): Omit<VapidKeys, 'subject'> {
  const ecdh = createECDH('prime256v1');
  // An HMAC output is below the curve order except with probability ~2^-32; setPrivateKey
  // refuses that case loudly rather than using a weak key.
  const privateKey = purposeKey('web-push-vapid', secret);
  ecdh.setPrivateKey(privateKey);
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: privateKey.toString('base64url'),
  };
}

/** Push endpoints on localhost / private networks are reachable outside production only. */
export function pushMayReachLocal(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.NODE_ENV || 'development') !== 'production';
}
