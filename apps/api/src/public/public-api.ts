import type { Database, PgBoss, TenantDb, TenantId } from '@replyline/db';
import type { ChatModel, EscalationReason } from '@replyline/ai';
import type { IntegrationServices } from '@replyline/core/integrations';
import type { Embedder } from '@replyline/rag';
import type { Logger } from '../logger';
import { createLimits, type LimitSettings, type Limits } from './limits';
import { createRealtimeHub, type RealtimeHub } from './realtime-hub';
import { createTenantDirectory, type TenantDirectory } from './tenant-directory';
import { createWidgetSightings, type WidgetSightings } from './widget-sightings';

export interface QuotaCheck {
  allowed: boolean;
  used: number;
  included: number;
}

/** What the public widget API needs beyond the database: built once per process. */
export interface PublicApi {
  tenants: TenantDirectory;
  /** Where the widget was loaded, allowed or not (onboarding check, allow-list warning). */
  sightings: WidgetSightings;
  limits: Limits;
  hub: RealtimeHub;
  chat: { model: ChatModel; embedder: Embedder | null; dailyTokenLimit?: number };
  /**
   * The plan's reply quota, checked before the model is called. Read in the caller's tenant
   * transaction, together with the conversation it is about.
   */
  checkQuota(tenantId: TenantId, tx: TenantDb): Promise<QuotaCheck>;
  /** How often an idle event stream gets a keep-alive comment. */
  keepAliveMs: number;
  /** Proxies in front of this API that append to X-Forwarded-For (see `clientAddress`). */
  trustedProxyHops: number;
  /** The job queue for actions whose effects outlive the call (booking reminders); none: no bookings. */
  actionQueue?: IntegrationServices['queue'];
  /** The email queue (transcripts a visitor asks for); none: emailing them answers 503. */
  emailQueue?: Pick<PgBoss, 'send'>;
  /** Tells the team about a ticket opened from the widget (email, webhook). */
  onTicketCreated(tenantId: TenantId, ticketId: string): Promise<void>;
  /** A request for a person started a hand-off: the customer gets the acknowledgement email. */
  onHandoffRequested(tenantId: TenantId, ticketId: string): Promise<void>;
  /** After each stored AI reply: usage alerts at 80% / 100% of the plan. */
  onReplyStored(tenantId: TenantId): Promise<void>;
  /** After each answered visitor message: alerts for a request for a person or an upset customer. */
  onVisitorSignals(
    tenantId: TenantId,
    conversationId: string,
    signals: VisitorSignals,
  ): Promise<void>;
  /**
   * Per answer, the server's own time from receiving the message to handing the first token to
   * the socket (milliseconds): what the first-token budget under load is about.
   */
  onFirstToken(serverMs: number): void;
}

/** What one answered message said about the visitor: sentiment tags and an escalation reason. */
export interface VisitorSignals {
  tags: string[];
  reason: EscalationReason | null;
  /** This message started the conversation: a new chat for the team's devices (Web Push). */
  started?: boolean;
}

export function createPublicApi(options: {
  db: Database;
  logger: Logger;
  limits: LimitSettings;
  /** Separates the limit counters of deployments (or test runs) sharing one database. */
  limitNamespace?: string;
  trustedProxyHops?: number;
  chat: PublicApi['chat'];
  checkQuota: PublicApi['checkQuota'];
  keepAliveMs?: number;
  actionQueue?: PublicApi['actionQueue'];
  emailQueue?: PublicApi['emailQueue'];
  onTicketCreated?: PublicApi['onTicketCreated'];
  onHandoffRequested?: PublicApi['onHandoffRequested'];
  onReplyStored?: PublicApi['onReplyStored'];
  onVisitorSignals?: PublicApi['onVisitorSignals'];
  onFirstToken?: PublicApi['onFirstToken'];
}): PublicApi {
  const keepAliveMs = options.keepAliveMs ?? 20_000;
  return {
    tenants: createTenantDirectory(options.db),
    sightings: createWidgetSightings(options.db, options.logger),
    limits: createLimits(options.db, options.limits, {
      namespace: options.limitNamespace,
      // A stream's slot outlives a few missed keep-alives, then frees itself.
      eventLeaseSeconds: Math.max(60, Math.ceil((3 * keepAliveMs) / 1000)),
    }),
    hub: createRealtimeHub(options.db, options.logger),
    chat: options.chat,
    checkQuota: options.checkQuota,
    keepAliveMs,
    trustedProxyHops: options.trustedProxyHops ?? 0,
    actionQueue: options.actionQueue,
    emailQueue: options.emailQueue,
    onTicketCreated: options.onTicketCreated ?? (async () => undefined),
    onHandoffRequested: options.onHandoffRequested ?? (async () => undefined),
    onReplyStored: options.onReplyStored ?? (async () => undefined),
    onVisitorSignals: options.onVisitorSignals ?? (async () => undefined),
    onFirstToken: options.onFirstToken ?? (() => undefined),
  };
}
