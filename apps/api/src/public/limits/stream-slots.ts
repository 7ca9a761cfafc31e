import { tooMany } from './refusal';

/**
 * Answers streaming at once, counted in this process's memory on purpose: a slot is held only
 * while this process streams the answer and is given back when the stream ends or the socket
 * closes, so a crash cannot leave a slot taken in a shared store. What an attacker could
 * multiply by the number of processes (messages, replies, starts) is counted in Postgres.
 */
export function createStreamSlots(settings: { perVisitor: number; perTenant: number }) {
  const used = new Map<string, number>();
  const take = (key: string, max: number, refusal: string) => {
    const n = used.get(key) ?? 0;
    if (n >= max) throw tooMany(refusal, 1);
    used.set(key, n + 1);
  };
  const give = (key: string) => {
    const left = (used.get(key) ?? 1) - 1;
    if (left <= 0) used.delete(key);
    else used.set(key, left);
  };

  /** Takes a slot for the visitor and the tenant; call the returned function when done. */
  return (who: { tenantId: string; visitorId: string }): (() => void) => {
    const visitorKey = `v:${who.tenantId}:${who.visitorId}`;
    const tenantKey = `t:${who.tenantId}`;
    take(visitorKey, settings.perVisitor, 'Please wait for the current answer to finish.');
    try {
      take(
        tenantKey,
        settings.perTenant,
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
  };
}
