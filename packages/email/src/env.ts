import { parseEnv } from '@replyline/db';
import { z } from 'zod';

const ZFromAddress = z
  .string()
  .trim()
  .regex(
    /^([^<>]+<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
    'must be an address, optionally with a name: "Replyline <support@example.com>"',
  );

const emailEnvSchema = z.object({
  /** Unset: emails are stored in the dev outbox (shown in the dashboard, printed to the log). */
  RESEND_API_KEY: z
    .string()
    .min(8)
    .refine((v) => v.startsWith('re_'), { message: 'must start with "re_"' })
    .optional(),
  /** Another Resend-compatible endpoint (a local stub in tests); unset means Resend itself. */
  RESEND_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The sender of every email; its domain must be verified in Resend. */
  EMAIL_FROM: ZFromAddress.default('Replyline <support@replyline.localhost>'),
});

export type EmailEnv = z.infer<typeof emailEnvSchema>;

export function readEmailEnv(source: NodeJS.ProcessEnv = process.env): EmailEnv {
  return parseEnv(emailEnvSchema, source, 'Email sending');
}
