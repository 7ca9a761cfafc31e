import type { Stripe } from '@replyline/billing';
import type { Database, TenantId, UserId } from '@replyline/db';
import type { Embedder } from '@replyline/rag';

/** Services procedures may need besides the database (queue, email, Stripe), added as they come. */
export interface ContextServices {
  /** Puts a background job on the queue (ingestion, email); absent in tests that need none. */
  enqueue?: (queue: string, data: object, options?: object) => Promise<string | null>;
  /** The dashboard's public address (invitation links, Stripe return URLs). */
  dashboardUrl?: string;
  /** The public API's address (the embed snippet's script URL). */
  apiUrl?: string;
  /** Stripe, when billing is configured; absent: plans are enforced locally. */
  stripe?: Stripe | null;
  /** Embeddings for FAQ entries and the playground's search, when configured. */
  embedder?: Embedder | null;
}

export interface Context extends ContextServices {
  db: Database;
  /** The signed-in user, from the session; null when signed out. */
  userId: UserId | null;
  /** The workspace the user picked (a cookie); checked against memberships before use. */
  selectedTenantId: TenantId | null;
  /**
   * The workspace the calling page was loaded for (the dashboard client's
   * `x-replyline-workspace` header); a call naming another than the selected one is refused.
   * Null when the caller does not say (server components, actions, tests).
   */
  pageWorkspaceId: string | null;
  /** Where the request came from, for the audit log. */
  requestIp: string | null;
}

/**
 * The context without a request: the dashboard's route handler fills it from the session
 * and cookies, tests fill it directly and call procedures through `createCaller`.
 */
export function createContextInner(input: {
  db: Database;
  userId?: UserId | null;
  selectedTenantId?: TenantId | null;
  pageWorkspaceId?: string | null;
  requestIp?: string | null;
  services?: ContextServices;
}): Context {
  return {
    db: input.db,
    userId: input.userId ?? null,
    selectedTenantId: input.selectedTenantId ?? null,
    pageWorkspaceId: input.pageWorkspaceId ?? null,
    requestIp: input.requestIp ?? null,
    ...input.services,
  };
}
