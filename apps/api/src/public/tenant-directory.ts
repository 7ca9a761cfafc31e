import { findWidgetTenant, type Database, type TenantId, type WidgetTenant } from '@replyline/db';
import { HttpError } from '../http';

/** How long a tenant's public settings are reused; edits in the dashboard apply within this. */
const TTL_MS = 5_000;

export interface TenantDirectory {
  byKey(publishableKey: string): Promise<WidgetTenant>;
  byId(tenantId: TenantId): Promise<WidgetTenant>;
}

/**
 * Tenant lookups for the public API with a short cache: every widget request needs the
 * tenant's allowed origins, and a burst of chats should not mean a burst of identical reads.
 */
export function createTenantDirectory(db: Database, now = () => Date.now()): TenantDirectory {
  const cache = new Map<string, { at: number; tenant: Promise<WidgetTenant | null> }>();
  const lookup = (cacheKey: string, load: () => Promise<WidgetTenant | null>) => {
    const hit = cache.get(cacheKey);
    if (hit && now() - hit.at < TTL_MS) return hit.tenant;
    const tenant = load();
    cache.set(cacheKey, { at: now(), tenant });
    tenant.catch(() => cache.delete(cacheKey));
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
    return tenant;
  };
  return {
    async byKey(publishableKey) {
      if (!/^pk_[A-Za-z0-9_-]{4,100}$/.test(publishableKey)) throw unknownKey();
      const tenant = await lookup(`k:${publishableKey}`, () =>
        findWidgetTenant(db, { publishableKey }),
      );
      if (!tenant) throw unknownKey();
      return tenant;
    },
    async byId(tenantId) {
      const tenant = await lookup(`i:${tenantId}`, () => findWidgetTenant(db, { id: tenantId }));
      if (!tenant)
        throw new HttpError(
          401,
          'This chat session belongs to a workspace that no longer exists.',
          'invalid_token',
        );
      return tenant;
    },
  };
}

function unknownKey() {
  return new HttpError(
    404,
    'No workspace has this publishable key. Check the data-key attribute of the widget script.',
    'unknown_key',
  );
}
