import type { Enqueue } from '@replyline/core';
import { createSharedRateLimiter, type Database } from '@replyline/db';
import type { Embedder, IngestLimits } from '@replyline/rag';

/** What the management API needs beyond the database: built once per process. */
export interface ManagementApi {
  /** Queues ingestion jobs; without it, uploads answer 412 (nothing would process them). */
  enqueue?: Enqueue;
  embedder?: Embedder | null;
  ingestLimits?: Partial<IngestLimits>;
  /** Requests per minute of one secret key, counted in the shared rate-limit store. */
  keyLimiter: ReturnType<typeof createSharedRateLimiter>;
}

export const DEFAULT_KEY_REQUESTS_PER_MINUTE = 300;

export function createManagementApi(options: {
  db: Database;
  enqueue?: Enqueue;
  embedder?: Embedder | null;
  ingestLimits?: Partial<IngestLimits>;
  requestsPerMinute?: number;
  /** Separates the counters of deployments (or test runs) sharing one database. */
  limitNamespace?: string;
}): ManagementApi {
  return {
    enqueue: options.enqueue,
    embedder: options.embedder,
    ingestLimits: options.ingestLimits,
    keyLimiter: createSharedRateLimiter(options.db, {
      keyPrefix: `${options.limitNamespace ?? 'manage'}:key`,
      points: options.requestsPerMinute ?? DEFAULT_KEY_REQUESTS_PER_MINUTE,
      durationSeconds: 60,
    }),
  };
}

/** A server started without management settings still counts each key, with no queue. */
const fallbacks = new WeakMap<Database, ManagementApi>();

export function managementApiOf(app: { db: Database; management?: ManagementApi }): ManagementApi {
  if (app.management) return app.management;
  let fallback = fallbacks.get(app.db);
  if (!fallback) fallbacks.set(app.db, (fallback = createManagementApi({ db: app.db })));
  return fallback;
}
