import { schema, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { and, desc, eq, sql } from 'drizzle-orm';

const { widgetSightings, tenants } = schema;

/**
 * Anyone can paste a workspace's publishable key into any page, so the refused sites recorded
 * per workspace are capped: past this many, new ones are no longer written down. Allowed sites
 * (at most 50 of them) are always recorded.
 */
export const MAX_SIGHTINGS_PER_WORKSPACE = 200;

/** Only sightings this recent warn the owner: a site that stopped loading the widget is gone. */
const WARN_WITHIN_DAYS = 30;

/**
 * Notes that the widget script was loaded on `origin` (allowed or not), once per origin: a
 * known origin only moves its last-seen time and allowed flag.
 */
export async function recordWidgetSighting(
  db: Database,
  tenantId: TenantId,
  sighting: { origin: string; allowed: boolean },
) {
  // The app's time, bound as a value: Citus refuses now() in an upsert's DO UPDATE SET.
  const seenAt = new Date();
  await withTenant(db, tenantId, async (tx) => {
    const isNew =
      (
        await tx
          .update(widgetSightings)
          .set({ allowed: sighting.allowed, lastSeenAt: seenAt })
          .where(
            and(
              eq(widgetSightings.tenantId, tenantId),
              eq(widgetSightings.origin, sighting.origin),
            ),
          )
          .returning({ origin: widgetSightings.origin })
      ).length === 0;
    if (!isNew) return;
    if (!sighting.allowed && (await refusedSites(tx, tenantId)) >= MAX_SIGHTINGS_PER_WORKSPACE)
      return;
    await tx
      .insert(widgetSightings)
      .values({
        tenantId,
        origin: sighting.origin,
        allowed: sighting.allowed,
        firstSeenAt: seenAt,
        lastSeenAt: seenAt,
      })
      .onConflictDoUpdate({
        target: [widgetSightings.tenantId, widgetSightings.origin],
        set: { allowed: sighting.allowed, lastSeenAt: seenAt },
      });
  });
}

async function refusedSites(tx: TenantDb, tenantId: TenantId) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(widgetSightings)
    .where(and(eq(widgetSightings.tenantId, tenantId), eq(widgetSightings.allowed, false)));
  return row?.count ?? 0;
}

/**
 * What the dashboard tells the owner about where the widget ran: whether it was seen on an
 * allowed site, and the recent sites it was loaded on that are not allowed (judged against
 * today's allow-list, so adding a site clears its warning at once).
 */
export async function getWidgetSightings(db: Database, tenantId: TenantId) {
  return withTenant(db, tenantId, async (tx) => {
    const [tenant] = await tx
      .select({ allowedOrigins: tenants.allowedOrigins })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    const rows = await tx
      .select({
        origin: widgetSightings.origin,
        allowed: widgetSightings.allowed,
        lastSeenAt: widgetSightings.lastSeenAt,
      })
      .from(widgetSightings)
      .where(eq(widgetSightings.tenantId, tenantId))
      .orderBy(desc(widgetSightings.lastSeenAt));
    const allowed = new Set(tenant?.allowedOrigins ?? []);
    const since = Date.now() - WARN_WITHIN_DAYS * 86_400_000;
    return {
      seenOnAllowedSite: rows.some((row) => row.allowed && allowed.has(row.origin)),
      notAllowed: rows
        .filter((row) => !allowed.has(row.origin) && row.lastSeenAt.getTime() >= since)
        .map(({ origin, lastSeenAt }) => ({ origin, lastSeenAt })),
    };
  });
}
