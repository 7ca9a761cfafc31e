import { z } from 'zod';

/** An email domain as people type it ('@Example.com ' too), stored lower-cased. */
export const ZEmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
        message: 'Enter the domain of your work email addresses, like example.com.',
      }),
  );

export const ZSaveSsoConnection = z.object({
  issuer: z.string().trim().min(1, 'Enter your identity provider’s issuer URL.').max(2000),
  clientId: z.string().trim().min(1, 'Enter the client ID from your identity provider.').max(500),
  /** Write-only: omitted keeps the stored secret. Required the first time. */
  clientSecret: z.string().trim().min(1).max(2000).optional(),
  emailDomain: ZEmailDomain,
  /** Role for people of the domain on their first sign-in; null: invitations only. Never owner. */
  autoJoinRole: z.enum(['agent', 'admin']).nullable(),
});
export type TSaveSsoConnection = z.infer<typeof ZSaveSsoConnection>;

/** The DNS TXT record a workspace publishes on its domain to prove it owns it. */
export function verificationRecord(domain: string, token: string) {
  return { type: 'TXT' as const, name: domain, value: `replyline-verification=${token}` };
}
