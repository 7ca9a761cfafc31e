import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../domain-error';

const { ticketAttachments } = schema;

/** A ticket's files as the ticket view lists them (never the bytes). */
export async function listTicketAttachments(tx: TenantDb, tenantId: TenantId, ticketId: string) {
  return tx
    .select({
      id: ticketAttachments.id,
      eventId: ticketAttachments.eventId,
      filename: ticketAttachments.filename,
      contentType: ticketAttachments.contentType,
      sizeBytes: ticketAttachments.sizeBytes,
      createdAt: ticketAttachments.createdAt,
    })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.tenantId, tenantId), eq(ticketAttachments.ticketId, ticketId)))
    .orderBy(asc(ticketAttachments.createdAt), asc(ticketAttachments.filename));
}

/**
 * One file of one ticket in this workspace, with its bytes, for the download route. Another
 * workspace's id, or another ticket's, is "not found" (the scope and row-level security both
 * hide it).
 */
export async function readTicketAttachment(
  db: Database,
  tenantId: TenantId,
  ticketId: string,
  attachmentId: string,
) {
  const [file] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        filename: ticketAttachments.filename,
        contentType: ticketAttachments.contentType,
        bytes: ticketAttachments.bytes,
      })
      .from(ticketAttachments)
      .where(
        and(
          eq(ticketAttachments.tenantId, tenantId),
          eq(ticketAttachments.ticketId, ticketId),
          eq(ticketAttachments.id, attachmentId),
        ),
      ),
  );
  if (!file) throw new DomainError('not_found', 'This attachment does not exist.');
  return file;
}
