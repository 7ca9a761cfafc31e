import { silentLogger, type EmailLogger } from '../logger';
import type { EmailTransport } from './transport';

/**
 * The dev outbox: with no provider configured the email stays in `outbound_emails` (status
 * 'outbox', readable in the dashboard) and its first link is logged, so a developer can sign in
 * with a magic link straight from the terminal.
 */
export function outboxTransport({
  logger = silentLogger,
}: { logger?: EmailLogger } = {}): EmailTransport {
  return {
    name: 'outbox',
    async send(email) {
      logger.info(
        { emailId: email.id, to: email.to, subject: email.subject, link: firstLink(email.text) },
        'email kept in the dev outbox (set RESEND_API_KEY to deliver it)',
      );
      return { status: 'outbox', providerMessageId: null };
    },
  };
}

export function firstLink(text: string): string | null {
  return /https?:\/\/[^\s<>"')\]]+/.exec(text)?.[0] ?? null;
}
