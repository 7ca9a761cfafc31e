import { schema, type Database } from '@replyline/db';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { EmailSendError, messageOf } from './errors';
import { silentLogger, type EmailLogger } from './logger';
import type { EmailTransport } from './transports/transport';

export interface DeliveryDeps {
  db: Database;
  transport: EmailTransport;
  logger?: EmailLogger;
  /**
   * Called once when an email is given up on (last attempt failed, or a final refusal): the
   * app raises the workspace's 'delivery.failed' alert from it. Its own failure is only logged.
   */
  onGaveUp?: (failed: GaveUpEmail) => Promise<void>;
}

/** An email given up on: what it was and why, without its recipient or words. */
export interface GaveUpEmail {
  emailId: string;
  template: string;
  metadata: Record<string, unknown>;
  reason: string;
}

export type DeliveryOutcome =
  'sent' | 'outbox' | 'already-done' | 'missing' | 'retrying' | 'failed';

const { outboundEmails } = schema;

/**
 * One attempt at delivering a stored email. Every attempt is counted on the row with its
 * error; a failure that may pass is rethrown so the queue tries again, and the last attempt (or
 * a refusal that no retry can fix) leaves the row 'failed' with the reason.
 */
export async function deliverEmail(
  deps: DeliveryDeps,
  emailId: string,
  { lastAttempt }: { lastAttempt: boolean },
): Promise<DeliveryOutcome> {
  const logger = deps.logger ?? silentLogger;
  if (!z.uuid().safeParse(emailId).success) {
    logger.error({ emailId }, 'send-email job without a valid email id');
    return 'missing';
  }
  const [email] = await deps.db
    .select({
      id: outboundEmails.id,
      to: outboundEmails.to,
      subject: outboundEmails.subject,
      html: outboundEmails.html,
      text: outboundEmails.text,
      template: outboundEmails.template,
      attachments: outboundEmails.attachments,
      metadata: outboundEmails.metadata,
      status: outboundEmails.status,
    })
    .from(outboundEmails)
    .where(eq(outboundEmails.id, emailId));
  if (!email) {
    logger.warn({ emailId }, 'email to send no longer exists');
    return 'missing';
  }
  if (email.status !== 'queued') return 'already-done';

  try {
    const { metadata, template: _template, ...rest } = email;
    const replyTo = typeof metadata.replyTo === 'string' ? metadata.replyTo : undefined;
    const result = await deps.transport.send({ ...rest, replyTo });
    await deps.db
      .update(outboundEmails)
      .set({
        status: result.status,
        providerMessageId: result.providerMessageId,
        sentAt: new Date(),
        attempts: sql`${outboundEmails.attempts} + 1`,
        lastError: null,
      })
      .where(eq(outboundEmails.id, emailId));
    return result.status;
  } catch (error) {
    const permanent = error instanceof EmailSendError && error.permanent;
    const giveUp = permanent || lastAttempt;
    await deps.db
      .update(outboundEmails)
      .set({
        status: giveUp ? 'failed' : 'queued',
        attempts: sql`${outboundEmails.attempts} + 1`,
        lastError: messageOf(error),
      })
      .where(eq(outboundEmails.id, emailId));
    const fields = { emailId, to: email.to, transport: deps.transport.name, err: error };
    if (!giveUp) {
      logger.warn(fields, 'email not sent, will retry');
      throw error;
    }
    logger.error(fields, 'email not sent, gave up');
    await deps
      .onGaveUp?.({
        emailId,
        template: email.template,
        metadata: email.metadata,
        reason: messageOf(error),
      })
      .catch((err: unknown) => logger.error({ emailId, err }, 'gave-up hook failed'));
    // A refusal is final: completing the job stops pointless retries. Otherwise let the queue
    // record the failed job too.
    if (permanent) return 'failed';
    throw error;
  }
}
