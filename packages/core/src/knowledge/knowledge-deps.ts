import { withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import type { Embedder, KnowledgeDeps } from '@replyline/rag';
import { DomainError } from '../domain-error';
import { recordAudit, type AuditEntry } from '../audit';
import { queueFrom, required, type Enqueue } from '../services';

/** What a knowledge change needs from the request: services, and who acts from where. */
export interface KnowledgeActor {
  db: Database;
  enqueue?: Enqueue;
  embedder?: Embedder | null;
  tenantId: TenantId;
  userId: UserId;
  requestIp: string | null;
}

const NO_QUEUE = 'Background processing is not set up on this server.';

const noQueue: Enqueue = async () => {
  throw new DomainError('precondition_failed', NO_QUEUE);
};

/** The knowledge functions' dependencies, from the request's services. */
export function knowledgeDeps(
  ctx: Pick<KnowledgeActor, 'db' | 'enqueue' | 'embedder'>,
): KnowledgeDeps {
  return { db: ctx.db, embedder: ctx.embedder ?? null, queue: queueFrom(ctx.enqueue ?? noQueue) };
}

/**
 * For changes that queue ingestion: refuses before anything is stored when there is no queue,
 * since a document nobody will process would sit "queued" forever.
 */
export function ingestionDeps(ctx: KnowledgeActor): KnowledgeDeps {
  return knowledgeDeps({ ...ctx, enqueue: required(ctx.enqueue, NO_QUEUE) });
}

/**
 * The knowledge functions commit in their own transactions, so the audit entry follows in its
 * own, right after the change succeeded.
 */
export function auditKnowledge(ctx: KnowledgeActor, entry: AuditEntry): Promise<void> {
  return withTenant(ctx.db, ctx.tenantId, (tx) => recordAudit(tx, ctx, entry));
}

export const documentNotFound = () =>
  new DomainError('not_found', 'This document does not exist (any more).');

export const faqEntryNotFound = () =>
  new DomainError('not_found', 'This FAQ entry does not exist (any more).');
