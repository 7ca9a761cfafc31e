// Test support for the routers' integration tests: callers with services, a recording queue.
import { asUserId, schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { desc, eq } from 'drizzle-orm';
import { createContextInner, type ContextServices } from '../context';
import { createCaller } from '../root';

export interface RecordedJob {
  queue: string;
  data: Record<string, unknown>;
  options?: object;
}

/** An `enqueue` that keeps the jobs instead of running them. */
export function recordingEnqueue() {
  const jobs: RecordedJob[] = [];
  const enqueue = async (queue: string, data: object, options?: object) => {
    jobs.push({ queue, data: data as Record<string, unknown>, options });
    return `job-${jobs.length}`;
  };
  return { enqueue, jobs };
}

/** The dashboard API as this user sees it, with the given services. */
export function callerWith(
  db: Database,
  userId: string | null,
  tenantId: TenantId | null,
  services: ContextServices = {},
) {
  return createCaller(
    createContextInner({
      db,
      userId: userId ? asUserId(userId) : null,
      selectedTenantId: tenantId,
      requestIp: '203.0.113.7',
      services,
    }),
  );
}

/** The workspace's audit entries, newest first. */
export function auditEntries(db: Database, tenantId: TenantId) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.tenantId, tenantId))
      .orderBy(desc(schema.auditLog.createdAt)),
  );
}
