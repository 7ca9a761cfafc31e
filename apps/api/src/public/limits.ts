import { createHash } from 'node:crypto';
import { createSharedRateLimiter, type Database } from '@replyline/db';
import { createEventStreamLeases, type EventStreamLease } from './limits/event-stream-leases';
import { refusedBy, tooMany } from './limits/refusal';
import { createStreamSlots } from './limits/stream-slots';

export type { EventStreamLease };

export interface LimitSettings {
  /** Messages one visitor (or one signed user) may send per minute. */
  visitorMessagesPerMinute: number;
  /** Messages from one IP address per minute (many visitors behind one NAT share it). */
  ipMessagesPerMinute: number;
  /** Messages to one tenant per minute, all visitors together. */
  tenantMessagesPerMinute: number;
  /** Conversations started (or resumed) from one IP address per minute and per hour. */
  ipStartsPerMinute: number;
  ipStartsPerHour: number;
  /** AI replies to anonymous visitors of one IP address, whatever visitor ids they invent. */
  ipRepliesPerMinute: number;
  ipRepliesPerHour: number;
  /** AI replies to one signed user per hour (identified visitors are not counted by IP). */
  userRepliesPerHour: number;
  /** Share (%) of the plan's monthly replies that anonymous visitors together get per day. */
  anonymousDailySharePercent: number;
  /** Event streams (`GET …/events`) open at once per visitor. */
  eventStreamsPerVisitor: number;
  /** Answers streaming at once to one visitor / to one tenant. */
  streamsPerVisitor: number;
  streamsPerTenant: number;
}

/** Who is asking, as the server knows it: never a tenant id from the request body. */
export interface Caller {
  tenantId: string;
  visitorId: string;
  /** The signed user ('user:…' / 'email:…'); null for anonymous visitors. */
  identityKey: string | null;
  /** The client address as counted (see `clientIp`). */
  ip: string;
}

export interface Limits {
  admitMessage(who: Caller): Promise<void>;
  /** Before the model is called: the reply budgets of the IP, the anonymous share, the user. */
  admitReply(who: Caller, monthlyReplies: number): Promise<void>;
  admitStart(ip: string): Promise<void>;
  /** Takes a streaming slot; call the returned function when the stream ends or is closed. */
  acquireStream(who: { tenantId: string; visitorId: string }): () => void;
  openEventStream(who: { tenantId: string; visitorId: string }): Promise<EventStreamLease>;
}

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
/** The anonymous share's cap depends on the plan, so the store only counts and we compare. */
const UNCAPPED = 1_000_000_000;

/**
 * The public API's limits, counted in the shared Postgres store so that every API process
 * sees one count: an attacker cannot multiply them by the number of processes, nor sidestep
 * them by inventing visitor ids (the AI-reply budgets key on the address and the tenant).
 * `namespace` separates deployments (and test runs) that share one database.
 */
export function createLimits(
  db: Database,
  settings: LimitSettings,
  options: { namespace?: string; eventLeaseSeconds?: number } = {},
): Limits {
  const namespace = options.namespace ?? 'widget';
  const limiter = (name: string, points: number, durationSeconds: number) =>
    createSharedRateLimiter(db, { keyPrefix: `${namespace}:${name}`, points, durationSeconds });
  const visitor = limiter('msg-visitor', settings.visitorMessagesPerMinute, MINUTE);
  const ipMessages = limiter('msg-ip', settings.ipMessagesPerMinute, MINUTE);
  const tenant = limiter('msg-tenant', settings.tenantMessagesPerMinute, MINUTE);
  const startsMinute = limiter('start-ip-m', settings.ipStartsPerMinute, MINUTE);
  const startsHour = limiter('start-ip-h', settings.ipStartsPerHour, HOUR);
  const repliesMinute = limiter('reply-ip-m', settings.ipRepliesPerMinute, MINUTE);
  const repliesHour = limiter('reply-ip-h', settings.ipRepliesPerHour, HOUR);
  const userReplies = limiter('reply-user-h', settings.userRepliesPerHour, HOUR);
  const anonymousShare = limiter('reply-anon-d', UNCAPPED, DAY);
  const eventStreams = createEventStreamLeases(db, {
    namespace,
    perVisitor: settings.eventStreamsPerVisitor,
    leaseSeconds: options.eventLeaseSeconds ?? 90,
  });

  const consume = (store: typeof visitor, key: string, refusal: string) =>
    store.consume(key).then(
      () => undefined,
      (error: unknown) => refusedBy(error, refusal),
    );

  async function admitAnonymousReply(who: Caller, monthlyReplies: number) {
    // Narrowest first: one address is stopped by its own budgets (counted together) before it
    // touches the share every anonymous visitor of the tenant depends on.
    const network = 'Too many questions from your network. Please wait a little and try again.';
    await Promise.all([
      consume(repliesMinute, who.ip, network),
      consume(repliesHour, who.ip, network),
    ]);
    if (!Number.isFinite(monthlyReplies) || monthlyReplies <= 0) return;
    const share = Math.max(
      1,
      Math.ceil((monthlyReplies * settings.anonymousDailySharePercent) / 100),
    );
    const used = await anonymousShare.consume(who.tenantId);
    if (used.consumedPoints > share)
      throw tooMany(
        'The assistant has answered many questions today. Leave your email and a person will answer you.',
        used.msBeforeNext / 1000,
        // The widget offers the human form for this one, as for a used-up plan (402).
        'replies_exhausted',
      );
  }

  const slots = createStreamSlots({
    perVisitor: settings.streamsPerVisitor,
    perTenant: settings.streamsPerTenant,
  });

  return {
    async admitMessage(who) {
      // One after the other: a message refused by a narrower budget does not count against
      // the wider ones other visitors share.
      await consume(
        visitor,
        visitorKey(who),
        'You are sending messages too quickly. Please wait a moment and try again.',
      );
      await consume(
        ipMessages,
        who.ip,
        'Too many messages from your network. Please wait a moment and try again.',
      );
      await consume(
        tenant,
        who.tenantId,
        'This chat is very busy right now. Please try again in a minute.',
      );
    },
    admitReply: (who, monthlyReplies) =>
      who.identityKey
        ? consume(
            userReplies,
            visitorKey(who),
            'You have asked the assistant a lot this hour. Please try again later.',
          )
        : admitAnonymousReply(who, monthlyReplies),
    async admitStart(ip) {
      const refusal = 'Too many chats were started from your network. Please wait a moment.';
      await Promise.all([consume(startsMinute, ip, refusal), consume(startsHour, ip, refusal)]);
    },
    acquireStream: slots,
    openEventStream: (who) => eventStreams(visitorKey({ ...who, identityKey: null })),
  };
}

/**
 * The store's key for one visitor or signed user: short enough for the table's key column
 * (emails can be 254 characters), and no raw email in the limits table.
 */
function visitorKey(who: Pick<Caller, 'tenantId' | 'visitorId' | 'identityKey'>): string {
  const id = who.identityKey
    ? `u.${createHash('sha256').update(who.identityKey).digest('base64url')}`
    : `v.${who.visitorId}`;
  return `${who.tenantId}:${id}`;
}
