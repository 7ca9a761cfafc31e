import type { EmailConfig } from '@auth/core/providers/email';
import type { Database, PgBoss } from '@replyline/db';
import { sendEmail } from '@replyline/email';

/** How long a sign-in link works: long enough for a slow inbox, short enough to be useless later. */
export const MAGIC_LINK_MINUTES = 30;

export interface MagicLinkDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
}

/**
 * Email sign-in through our own email package: the link is rendered with the `magic-link`
 * template, stored and queued; the email worker delivers it with Resend, or keeps it in the dev
 * outbox (and logs the link) when no provider is configured.
 */
export function magicLinkProvider(deps: MagicLinkDeps): EmailConfig {
  return {
    id: 'email',
    type: 'email',
    name: 'Email',
    maxAge: MAGIC_LINK_MINUTES * 60,
    async sendVerificationRequest({ identifier, url }) {
      await sendEmail(deps, {
        to: identifier,
        template: 'magic-link',
        props: { url, expiresInMinutes: MAGIC_LINK_MINUTES },
        metadata: { purpose: 'sign-in' },
      });
    },
  };
}
