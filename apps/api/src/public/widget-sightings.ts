import { recordWidgetSighting } from '@replyline/core/widget';
import type { Database, TenantId } from '@replyline/db';
import type { Logger } from '../logger';

/** A site loading the widget again within this time is not written down again. */
const RECORD_EVERY_MS = 60_000;

export interface WidgetSightings {
  /** Notes where the widget script was loaded; never throws (a sighting must not break a page). */
  record(tenantId: TenantId, origin: string, allowed: boolean): Promise<void>;
}

/**
 * Records the sites the loader runs on, for the dashboard's "widget seen on your site" check
 * and its warning about sites missing from the allow-list. Every page view asks for the
 * widget's config, so each process writes a site down at most once a minute.
 */
export function createWidgetSightings(
  db: Database,
  logger: Logger,
  now = () => Date.now(),
): WidgetSightings {
  const lastWritten = new Map<string, { at: number; allowed: boolean }>();
  return {
    async record(tenantId, origin, allowed) {
      const key = `${tenantId} ${origin}`;
      const last = lastWritten.get(key);
      if (last && last.allowed === allowed && now() - last.at < RECORD_EVERY_MS) return;
      lastWritten.set(key, { at: now(), allowed });
      if (lastWritten.size > 10_000) lastWritten.delete(lastWritten.keys().next().value!);
      try {
        await recordWidgetSighting(db, tenantId, { origin, allowed });
      } catch (error) {
        lastWritten.delete(key);
        logger.warn({ err: error, tenantId }, 'could not record where the widget was loaded');
      }
    },
  };
}
