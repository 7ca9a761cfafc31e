import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from '../http';

export interface LimitSettings {
  /** Messages one visitor may send per minute. */
  visitorMessagesPerMinute: number;
  /** Messages from one IP address per minute (many visitors behind one NAT share it). */
  ipMessagesPerMinute: number;
  /** Messages to one tenant per minute, all visitors together. */
  tenantMessagesPerMinute: number;
  /** Conversations started (or resumed) from one IP address per minute. */
  ipStartsPerMinute: number;
  /** Answers streaming at once to one visitor / to one tenant. */
  streamsPerVisitor: number;
  streamsPerTenant: number;
}

export interface Limits {
  admitMessage(who: { tenantId: string; visitorId: string; ip: string }): Promise<void>;
  admitStart(ip: string): Promise<void>;
  /** Takes a streaming slot; call the returned function when the stream ends or is closed. */
  acquireStream(who: { tenantId: string; visitorId: string }): () => void;
}

/**
 * Request limits of one API process, counted in memory (rate-limiter-flexible). Behind a
 * load balancer each process counts its own share; a shared store is the next step there.
 */
export function createLimits(settings: LimitSettings): Limits {
  const perMinute = (keyPrefix: string, points: number) =>
    new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  const visitor = perMinute('visitor', settings.visitorMessagesPerMinute);
  const ip = perMinute('ip', settings.ipMessagesPerMinute);
  const tenant = perMinute('tenant', settings.tenantMessagesPerMinute);
  const starts = perMinute('start', settings.ipStartsPerMinute);
  const streams = new Map<string, number>();

  const take = (key: string, max: number, refusal: string) => {
    const used = streams.get(key) ?? 0;
    if (used >= max) throw tooMany(refusal, 1);
    streams.set(key, used + 1);
  };
  const give = (key: string) => {
    const left = (streams.get(key) ?? 1) - 1;
    if (left <= 0) streams.delete(key);
    else streams.set(key, left);
  };

  return {
    async admitMessage(who) {
      await consume(
        visitor,
        `${who.tenantId}:${who.visitorId}`,
        'You are sending messages too quickly. Please wait a moment and try again.',
      );
      await consume(
        ip,
        who.ip,
        'Too many messages from your network. Please wait a moment and try again.',
      );
      await consume(
        tenant,
        who.tenantId,
        'This chat is very busy right now. Please try again in a minute.',
      );
    },
    admitStart: (address) =>
      consume(
        starts,
        address,
        'Too many chats were started from your network. Please wait a moment.',
      ),
    acquireStream(who) {
      const visitorKey = `v:${who.tenantId}:${who.visitorId}`;
      const tenantKey = `t:${who.tenantId}`;
      take(visitorKey, settings.streamsPerVisitor, 'Please wait for the current answer to finish.');
      try {
        take(
          tenantKey,
          settings.streamsPerTenant,
          'This chat is very busy right now. Please try again in a moment.',
        );
      } catch (error) {
        give(visitorKey);
        throw error;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        give(visitorKey);
        give(tenantKey);
      };
    },
  };
}

async function consume(limiter: RateLimiterMemory, key: string, refusal: string) {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes)
      throw tooMany(refusal, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

function tooMany(message: string, retryAfterSeconds: number) {
  return new HttpError(429, message, 'rate_limited', {
    'retry-after': String(Math.max(1, retryAfterSeconds)),
  });
}
