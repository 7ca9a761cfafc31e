import type { PgBoss } from '@replyline/db';
import { DomainError } from './domain-error';
import type { recordAudit } from './audit';
import type { ContextServices } from './context';

/** Who acts, in which workspace, from where: what the audit log records. */
export type Actor = Parameters<typeof recordAudit>[1];

export type Enqueue = NonNullable<ContextServices['enqueue']>;

/**
 * pg-boss's `send`, the queue shape the domain packages take (ingestion, email), over the
 * context's `enqueue`. Options (singleton key, retries, job id) are handed on unchanged.
 */
export function queueFrom(enqueue: Enqueue): Pick<PgBoss, 'send'> {
  return {
    send: (nameOrRequest: string | PgBoss.Request, data?: object, options?: PgBoss.SendOptions) =>
      typeof nameOrRequest === 'string'
        ? enqueue(nameOrRequest, data ?? {}, options)
        : enqueue(nameOrRequest.name, nameOrRequest.data ?? {}, nameOrRequest.options),
  };
}

/** A service the procedure cannot work without; its absence is a setup problem, said in words. */
export function required<T>(value: T | null | undefined, message: string): T {
  if (value === null || value === undefined) throw new DomainError('precondition_failed', message);
  return value;
}

/** `https://app.example` from a configured base URL, without the trailing slash. */
export function baseUrl(value: string): string {
  return value.replace(/\/+$/, '');
}
