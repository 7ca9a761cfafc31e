import { randomUUID } from 'node:crypto';
import { createTenant, openQueue, type PgBoss, type TenantId } from '@replyline/db';
import type { TestDatabase } from '@replyline/db/testing';
import type { KnowledgeDeps } from '../ingest/deps';

export async function newTenant(t: TestDatabase, language = 'english'): Promise<TenantId> {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  return (await createTenant(t.db, { name: slug, slug, language })).tenantId;
}

/** Knowledge deps on the test database with a real queue (jobs are stored; tests run them as needed). */
export async function knowledgeDeps(
  t: TestDatabase,
  extra: Partial<KnowledgeDeps> = {},
): Promise<KnowledgeDeps & { boss: PgBoss }> {
  const boss = await openQueue(t.queueTarget, { supervise: false, schedule: false });
  boss.on('error', () => undefined);
  return { db: t.db, queue: boss, boss, ...extra };
}
