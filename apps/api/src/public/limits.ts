import { createHash } from 'node:crypto';
import {
  createSharedRateLimiter,
  RateLimiterRes,
  type Database,
  type SharedRateLimiter,
} from '@replyline/db';
import { createEventStreamLeases, type EventStreamLease } from './limits/event-stream-leases';
import { tooMany } from './limits/refusal';
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
  /** Before a transcript is emailed: copies one visitor and one address may ask for per hour. */
  admitTranscript(who: Caller): Promise<void>;
  /** Takes a streaming slot; call the returned function when the stream ends or is closed. */
  acquireStream(who: { tenantId: string; visitorId: string }): () => void;
  openEventStream(who: { tenantId: string; visitorId: string }): Promise<EventStreamLease>;
}

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
/**
 * Transcripts emailed per hour by one visitor (or signed user), and from one address. Each
 * conversation has its own, smaller cap in the domain (`emailTranscript`); these stop one
 * visitor from mailing many conversations, or many addresses, from one network.
 */
const TRANSCRIPTS_PER_VISITOR_HOUR = 5;
const TRANSCRIPTS_PER_IP_HOUR = 20;
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
  const visitorTranscripts = limiter('transcript-visitor-h', TRANSCRIPTS_PER_VISITOR_HOUR, HOUR);
  const ipTranscripts = limiter('transcript-ip-h', TRANSCRIPTS_PER_IP_HOUR, HOUR);
  const eventStreams = createEventStreamLeases(db, {
    namespace,
    perVisitor: settings.eventStreamsPerVisitor,
    leaseSeconds: options.eventLeaseSeconds ?? 90,
  });

  async function admitAnonymousReply(who: Caller, monthlyReplies: number) {
    const network = 'Too many questions from your network. Please wait a little and try again.';
    const steps: Budget[] = [
      { store: repliesMinute, key: who.ip, refusal: network },
      { store: repliesHour, key: who.ip, refusal: network },
    ];
    if (Number.isFinite(monthlyReplies) && monthlyReplies > 0) {
      const share = Math.max(
        1,
        Math.ceil((monthlyReplies * settings.anonymousDailySharePercent) / 100),
      );
      steps.push({
        store: anonymousShare,
        key: who.tenantId,
        refusal:
          'The assistant has answered many questions today. Leave your email and a person will answer you.',
        // The widget offers the human form for this one, as for a used-up plan (402).
        code: 'replies_exhausted',
        cap: share,
      });
    }
    // Narrowest first: one address is stopped by its own budgets before it touches the share
    // every anonymous visitor of the tenant depends on.
    await admitInOrder(steps);
  }

  const slots = createStreamSlots({
    perVisitor: settings.streamsPerVisitor,
    perTenant: settings.streamsPerTenant,
  });

  return {
    admitMessage: (who) =>
      // In order: a message refused by a narrower budget does not count against the wider
      // ones other visitors share.
      admitInOrder([
        {
          store: visitor,
          key: visitorKey(who),
          refusal: 'You are sending messages too quickly. Please wait a moment and try again.',
        },
        {
          store: ipMessages,
          key: who.ip,
          refusal: 'Too many messages from your network. Please wait a moment and try again.',
        },
        {
          store: tenant,
          key: who.tenantId,
          refusal: 'This chat is very busy right now. Please try again in a minute.',
        },
      ]),
    admitReply: (who, monthlyReplies) =>
      who.identityKey
        ? admitInOrder([
            {
              store: userReplies,
              key: visitorKey(who),
              refusal: 'You have asked the assistant a lot this hour. Please try again later.',
            },
          ])
        : admitAnonymousReply(who, monthlyReplies),
    admitStart: (ip) => {
      const refusal = 'Too many chats were started from your network. Please wait a moment.';
      return admitInOrder([
        { store: startsMinute, key: ip, refusal },
        { store: startsHour, key: ip, refusal },
      ]);
    },
    admitTranscript: (who) =>
      admitInOrder([
        {
          store: visitorTranscripts,
          key: visitorKey(who),
          refusal:
            'You have asked for several copies by email this hour. Please try again in an hour.',
        },
        {
          store: ipTranscripts,
          key: who.ip,
          refusal:
            'Many copies have been emailed from your network this hour. Please try again later.',
        },
      ]),
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

/** One budget a request is counted against, and what the visitor is told when it is used up. */
interface Budget {
  store: SharedRateLimiter;
  key: string;
  refusal: string;
  code?: string;
  /** Refuse past this count instead of the store's own limit (a cap that depends on the plan). */
  cap?: number;
}

/**
 * Counts a request against its budgets in one statement (a round trip per request, not per
 * budget: under load each round trip waits for a busy event loop), then decides in order: the
 * first budget used up refuses it, and what it counted on the budgets after that one is given
 * back, as if they had never been asked.
 */
async function admitInOrder(budgets: Budget[]): Promise<void> {
  const counted = await Promise.all(budgets.map((budget) => countAgainst(budget)));
  const refusedAt = counted.findIndex(
    (res, i) => res.refused || res.points > (budgets[i]!.cap ?? Infinity),
  );
  if (refusedAt < 0) return;
  await Promise.all(budgets.slice(refusedAt + 1).map((budget) => budget.store.refund(budget.key)));
  const refused = budgets[refusedAt]!;
  throw tooMany(refused.refusal, counted[refusedAt]!.msBeforeNext / 1000, refused.code);
}

async function countAgainst(budget: Budget) {
  const outcome = (res: RateLimiterRes, refused: boolean) => ({
    refused,
    points: res.consumedPoints,
    msBeforeNext: res.msBeforeNext,
  });
  return budget.store.consume(budget.key).then(
    (res) => outcome(res, false),
    (error: unknown) => {
      if (error instanceof RateLimiterRes) return outcome(error, true);
      throw error;
    },
  );
}
