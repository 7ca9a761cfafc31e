import type { PgBoss, TenantId, UserId } from '@replyline/db';
import { DomainError } from './domain-error';
import type { Context } from './context';
import { baseUrl, queueFrom, required, type Actor } from './services';

/** Who did something, from where: the audit log's actor. */
export type AuditActor = Actor;

/** What a tenant procedure knows once membership is checked. */
type TenantContext = Context & { tenantId: TenantId; userId: UserId };

export function actorOf(ctx: TenantContext): AuditActor {
  return { tenantId: ctx.tenantId, userId: ctx.userId, requestIp: ctx.requestIp };
}

/** The job queue as domain functions take it, over the context's `enqueue`. */
export function queueOf(ctx: Context): Pick<PgBoss, 'send'> {
  return queueFrom(
    required(ctx.enqueue, 'Background jobs are not available right now. Try again in a minute.'),
  );
}

/** Links in emails point here; the local dashboard when the app did not say. */
export function dashboardUrlOf(ctx: Context): string {
  return baseUrl(ctx.dashboardUrl ?? 'http://localhost:3001');
}

export function notFound(what: string): DomainError {
  return new DomainError('not_found', `This ${what} does not exist (any more).`);
}
