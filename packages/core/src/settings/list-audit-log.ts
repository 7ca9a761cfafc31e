import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';

const { auditLog, users } = schema;

export const ZListAuditLog = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.int().min(1).max(100).default(50),
});

/** The audit log, newest first: who (name, email), what, when, from which address. */
export async function listAuditLog(
  db: Database,
  tenantId: TenantId,
  input: z.input<typeof ZListAuditLog>,
) {
  const { cursor, limit } = ZListAuditLog.parse(input);
  const after = cursor ? parseCursor(cursor) : null;
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        id: auditLog.id,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        ipAddress: auditLog.ipAddress,
        userAgent: auditLog.userAgent,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        actorEmail: users.email,
        createdAt: auditLog.createdAt,
        cursorAt: sql<string>`to_char(${auditLog.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(
        and(
          eq(auditLog.tenantId, tenantId),
          after
            ? or(
                lt(auditLog.createdAt, sql`${after.at}::timestamptz`),
                and(
                  eq(auditLog.createdAt, sql`${after.at}::timestamptz`),
                  lt(auditLog.id, after.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit + 1),
  );
  const page = rows.slice(0, limit).map(({ cursorAt: _c, ...row }) => row);
  const last = rows[limit - 1];
  return {
    entries: page,
    nextCursor: rows.length > limit && last ? `${last.cursorAt}_${last.id}` : null,
  };
}

function parseCursor(cursor: string): { at: string; id: string } {
  const [at, id] = cursor.split('_');
  const ok = z.object({ at: z.iso.datetime(), id: z.uuid() }).safeParse({ at, id });
  if (!ok.success) throw new DomainError('bad_input', 'This page link is no longer valid.');
  return ok.data;
}
