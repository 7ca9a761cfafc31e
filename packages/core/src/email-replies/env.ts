import { z } from 'zod';

const ZInboundEmailEnv = z.object({
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .trim()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'INBOUND_EMAIL_DOMAIN must be a domain name')
    .default('reply.replyline.localhost'),
  RESEND_INBOUND_SECRET: z.string().startsWith('whsec_').optional(),
  INBOUND_PARSE_SECRET: z
    .string()
    .min(16, 'INBOUND_PARSE_SECRET needs at least 16 characters')
    .optional(),
  INBOUND_ATTACHMENT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'INBOUND_ATTACHMENT_MAX_FILE_BYTES must be at least 1024')
    .max(50 * 1024 * 1024, 'INBOUND_ATTACHMENT_MAX_FILE_BYTES can be at most 50 MB')
    .default(10 * 1024 * 1024),
  INBOUND_ATTACHMENT_MAX_EMAIL_BYTES: z.coerce
    .number()
    .int()
    .min(1024, 'INBOUND_ATTACHMENT_MAX_EMAIL_BYTES must be at least 1024')
    .max(50 * 1024 * 1024, 'INBOUND_ATTACHMENT_MAX_EMAIL_BYTES can be at most 50 MB')
    .default(25 * 1024 * 1024),
});

/**
 * Where customers' email replies are received (the MX of this domain points at Resend or the
 * inbound provider), the secret Resend signs its inbound webhooks with, the basic-auth
 * password given to an inbound-parse provider (Postmark, SendGrid) in its webhook address, and
 * how large a kept attachment may be, alone and all of one email's together.
 */
export function readInboundEmailEnv(env: NodeJS.ProcessEnv = process.env) {
  return ZInboundEmailEnv.parse({
    INBOUND_EMAIL_DOMAIN: env.INBOUND_EMAIL_DOMAIN || undefined,
    RESEND_INBOUND_SECRET: env.RESEND_INBOUND_SECRET || undefined,
    INBOUND_PARSE_SECRET: env.INBOUND_PARSE_SECRET || undefined,
    INBOUND_ATTACHMENT_MAX_FILE_BYTES: env.INBOUND_ATTACHMENT_MAX_FILE_BYTES || undefined,
    INBOUND_ATTACHMENT_MAX_EMAIL_BYTES: env.INBOUND_ATTACHMENT_MAX_EMAIL_BYTES || undefined,
  });
}
