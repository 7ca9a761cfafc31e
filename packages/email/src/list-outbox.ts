import { schema, type Database } from '@replyline/db';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';

const { outboundEmails } = schema;

const summary = {
  id: outboundEmails.id,
  to: outboundEmails.to,
  subject: outboundEmails.subject,
  template: outboundEmails.template,
  status: outboundEmails.status,
  attempts: outboundEmails.attempts,
  lastError: outboundEmails.lastError,
  providerMessageId: outboundEmails.providerMessageId,
  metadata: outboundEmails.metadata,
  sentAt: outboundEmails.sentAt,
  createdAt: outboundEmails.createdAt,
};

export type OutboxEntry = Awaited<ReturnType<typeof listOutbox>>[number];

/**
 * The newest emails first, every status (queued, outbox, sent, failed), without their bodies.
 * Platform-wide and may hold sign-in links: for the dev outbox page and platform staff only.
 */
export async function listOutbox(db: Database, { limit = 50 }: { limit?: number } = {}) {
  const capped = Math.min(Math.max(Math.trunc(limit), 1), 200);
  return db
    .select(summary)
    .from(outboundEmails)
    .orderBy(desc(outboundEmails.createdAt))
    .limit(capped);
}

/** One email with its HTML and text, to show it as the recipient would see it. */
export async function getOutboundEmail(db: Database, emailId: string) {
  if (!z.uuid().safeParse(emailId).success) return null;
  const [email] = await db
    .select({ ...summary, html: outboundEmails.html, text: outboundEmails.text })
    .from(outboundEmails)
    .where(eq(outboundEmails.id, emailId));
  return email ?? null;
}
