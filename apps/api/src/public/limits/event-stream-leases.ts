import { createSharedRateLimiter, RateLimiterRes, type Database } from '@replyline/db';
import { tooMany } from './refusal';

export interface EventStreamLease {
  /** Keeps the slot while the stream is open (called with every keep-alive). */
  renew(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Open event streams per visitor, shared by all API processes. Each stream holds one of a few
 * numbered slots in the shared store as a lease: taken when the stream opens, renewed with
 * every keep-alive and deleted when it closes. A process that dies without closing leaves its
 * leases to expire after `leaseSeconds` instead of blocking the visitor for good.
 */
export function createEventStreamLeases(
  db: Database,
  settings: { namespace: string; perVisitor: number; leaseSeconds: number },
) {
  const slots = createSharedRateLimiter(db, {
    keyPrefix: `${settings.namespace}:events`,
    points: 1,
    durationSeconds: settings.leaseSeconds,
  });

  async function takeFreeSlot(visitorKey: string): Promise<string | null> {
    for (let i = 0; i < settings.perVisitor; i++) {
      const slot = `${visitorKey}:${i}`;
      try {
        await slots.consume(slot);
        return slot;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
      }
    }
    return null;
  }

  return async (visitorKey: string): Promise<EventStreamLease> => {
    const slot = await takeFreeSlot(visitorKey);
    if (!slot)
      throw tooMany(
        'This chat is already open in too many windows. Close one of them and try again.',
        settings.leaseSeconds,
      );
    return {
      renew: async () => void (await slots.set(slot, 1, settings.leaseSeconds)),
      release: async () => void (await slots.delete(slot)),
    };
  };
}
