import { QUEUES, schema, type Database, type PgBoss } from '@replyline/db';
import type { EmailAttachment } from '@replyline/db/schema';
import { eq } from 'drizzle-orm';
import { EmailPropsError, messageOf } from './errors';
import { renderEmail } from './render-email';
import type { TemplateName, TemplateProps } from './templates';
import { ZEmailAddress } from './templates/fields';

/** What the job queue carries: only the row id, everything else is in the row. */
export interface SendEmailJob {
  emailId: string;
}

/**
 * How often a send is tried: 1 + 5 retries, waiting about 10 s, 20 s, 40 s, 80 s and 160 s
 * (pg-boss adds jitter), so a provider outage of a few minutes loses nothing.
 */
export const EMAIL_RETRY = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  /** One send takes seconds; a worker that died mid-send gives the job back after this. */
  expireInSeconds: 120,
};
export type EmailRetry = typeof EMAIL_RETRY;

export interface EmailDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  /** Tests shorten the waits between attempts. */
  retry?: Partial<EmailRetry>;
}

export interface SendEmailInput<N extends TemplateName> {
  to: string;
  template: N;
  props: TemplateProps<N>;
  /** Who and what the email is about (tenantId, ticketId, …), for the outbox and support. */
  metadata?: Record<string, unknown>;
  /** Files sent with it (a calendar invitation); kept on the row, so the outbox shows them too. */
  attachments?: EmailAttachment[];
  /**
   * Where the recipient's answer goes: a ticket's signed reply address, so an emailed reply is
   * threaded into the ticket. Kept in the row's metadata (`replyTo`); unset: the sender.
   */
  replyTo?: string;
}

/**
 * Renders an email, records it in `outbound_emails` (status 'queued') and queues its delivery.
 * The job id is the row id, so queueing the same email twice is a no-op, and the worker skips a
 * row that is already delivered: a retry never sends twice.
 */
export async function sendEmail<N extends TemplateName>(
  deps: EmailDeps,
  input: SendEmailInput<N>,
): Promise<{ emailId: string }> {
  const to = ZEmailAddress.safeParse(input.to.trim());
  if (!to.success) throw new EmailPropsError(input.template, ['to must be an email address']);
  const replyTo = input.replyTo === undefined ? null : ZEmailAddress.safeParse(input.replyTo);
  if (replyTo && !replyTo.success)
    throw new EmailPropsError(input.template, ['replyTo must be an email address']);
  const rendered = await renderEmail(input.template, input.props);

  const [row] = await deps.db
    .insert(schema.outboundEmails)
    .values({
      to: to.data,
      template: input.template,
      ...rendered,
      metadata: replyTo ? { ...input.metadata, replyTo: replyTo.data } : (input.metadata ?? {}),
      attachments: input.attachments ?? [],
    })
    .returning({ id: schema.outboundEmails.id });
  const emailId = row!.id;

  try {
    await deps.queue.send(QUEUES.sendEmail, { emailId } satisfies SendEmailJob, {
      ...EMAIL_RETRY,
      ...deps.retry,
      id: emailId,
    });
  } catch (error) {
    // The row stays, marked failed with the reason, so the email is visible rather than lost.
    await deps.db
      .update(schema.outboundEmails)
      .set({ status: 'failed', lastError: `Could not be queued: ${messageOf(error)}` })
      .where(eq(schema.outboundEmails.id, emailId));
    throw error;
  }
  return { emailId };
}
