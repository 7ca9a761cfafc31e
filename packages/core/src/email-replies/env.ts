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
});

/**
 * Where customers' email replies are received (the MX of this domain points at Resend or the
 * inbound provider), the secret Resend signs its inbound webhooks with, and the basic-auth
 * password given to an inbound-parse provider (Postmark, SendGrid) in its webhook address.
 */
export function readInboundEmailEnv(env: NodeJS.ProcessEnv = process.env) {
  return ZInboundEmailEnv.parse({
    INBOUND_EMAIL_DOMAIN: env.INBOUND_EMAIL_DOMAIN || undefined,
    RESEND_INBOUND_SECRET: env.RESEND_INBOUND_SECRET || undefined,
    INBOUND_PARSE_SECRET: env.INBOUND_PARSE_SECRET || undefined,
  });
}
