import { schema, type TenantDb, type TenantId, type UserId } from '@replyline/db';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/**
 * Records an admin action (who, what, when, from where) in the caller's tenant transaction,
 * so the entry exists exactly when the change does. The app role can only append.
 */
export async function recordAudit(
  tx: TenantDb,
  actor: { tenantId: TenantId; userId: UserId; requestIp: string | null },
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(schema.auditLog).values({
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ipAddress: actor.requestIp,
    details: entry.details ?? {},
  });
}
