import type { Stripe } from '@replyline/billing';
import type { Database, TenantId, UserId } from '@replyline/db';
import type { Embedder } from '@replyline/rag';

// What a domain call knows about its caller and the services it may use. Transports fill it
// (the dashboard's tRPC route from the session and cookies, tests directly); nothing in it is
// tied to a transport.

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
