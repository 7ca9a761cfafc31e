// Where the widget was loaded: GET /v1/widget/config writes the site down, allowed or not, so
// the dashboard can say "seen on your site" and warn about a site missing from the allow-list.
import { randomUUID } from 'node:crypto';
import { getOnboarding } from '@replyline/core/onboarding';
import { getWidgetSightings, MAX_SIGHTINGS_PER_WORKSPACE } from '@replyline/core/widget';
import { recordWidgetSighting } from '@replyline/core/widget';
import { schema, withTenant } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopTenant, startTestApi, SHOP_ORIGIN, type TestApi } from './testing/test-api';

let t: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
});

const newShop = () => shopTenant(t, `shop-${randomUUID().slice(0, 8)}`);
const loadConfig = (key: string, origin: string) =>
  fetch(`${api.base}/v1/widget/config?key=${key}`, { headers: { origin } });

describe('widget sightings', () => {
  it('records a refused site, warns about it, and clears the warning once it is allowed', async () => {
    const shop = await newShop();
    const refused = await loadConfig(shop.publishableKey, 'https://blog.example');
    expect(refused.status).toBe(403);

    const before = await getWidgetSightings(t.db, shop.tenantId);
    expect(before.notAllowed.map((s) => s.origin)).toEqual(['https://blog.example']);
    expect(before.seenOnAllowedSite).toBe(false);

    await withTenant(t.db, shop.tenantId, (tx) =>
      tx
        .update(schema.tenants)
        .set({ allowedOrigins: [SHOP_ORIGIN, 'https://blog.example'] })
        .where(eq(schema.tenants.id, shop.tenantId)),
    );
    expect((await getWidgetSightings(t.db, shop.tenantId)).notAllowed).toEqual([]);
  });

  it('turns the onboarding check green once the widget loaded on an allowed site', async () => {
    const shop = await newShop();
    expect((await getOnboarding(t.db, shop.tenantId)).widgetSeen).toBe(false);
    expect((await loadConfig(shop.publishableKey, SHOP_ORIGIN)).status).toBe(200);
    expect((await getOnboarding(t.db, shop.tenantId)).widgetSeen).toBe(true);
    expect((await getWidgetSightings(t.db, shop.tenantId)).seenOnAllowedSite).toBe(true);
  });

  it('keeps one row per site, and another workspace never sees it', async () => {
    const [shop, other] = await Promise.all([newShop(), newShop()]);
    for (let i = 0; i < 3; i++) await loadConfig(shop.publishableKey, 'http://localhost:8090');
    const rows = await withTenant(t.db, shop.tenantId, (tx) =>
      tx.select().from(schema.widgetSightings),
    );
    expect(rows.map((r) => [r.origin, r.allowed])).toEqual([['http://localhost:8090', false]]);
    const others = await withTenant(t.db, other.tenantId, (tx) =>
      tx.select().from(schema.widgetSightings),
    );
    expect(others).toEqual([]);
  });

  it('stops writing down new refused sites past the cap, so a copied key cannot fill the table', async () => {
    const shop = await newShop();
    await withTenant(t.db, shop.tenantId, (tx) =>
      tx.insert(schema.widgetSightings).values(
        Array.from({ length: MAX_SIGHTINGS_PER_WORKSPACE }, (_, i) => ({
          tenantId: shop.tenantId,
          origin: `https://copy-${i}.example`,
          allowed: false,
        })),
      ),
    );
    await recordWidgetSighting(t.db, shop.tenantId, {
      origin: 'https://one-more.example',
      allowed: false,
    });
    await recordWidgetSighting(t.db, shop.tenantId, { origin: SHOP_ORIGIN, allowed: true });
    const sightings = await getWidgetSightings(t.db, shop.tenantId);
    expect(sightings.notAllowed).toHaveLength(MAX_SIGHTINGS_PER_WORKSPACE);
    expect(sightings.notAllowed.map((s) => s.origin)).not.toContain('https://one-more.example');
    expect(sightings.seenOnAllowedSite).toBe(true);
  });
});
