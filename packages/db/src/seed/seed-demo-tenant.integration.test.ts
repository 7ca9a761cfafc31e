import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../rows';
import { faqEntries, tenants } from '../schema';
import { withTenant } from '../scope';
import { decryptSecret } from '../secrets';
import { openTestDatabase, type TestDatabase } from '../testing';
import { DEMO_FAQ, DEMO_TENANT } from './demo-content';
import { seedDemoTenant } from './seed-demo-tenant';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 60_000);
afterAll(async () => t?.close());

describe('the demo workspace', () => {
  it('is created once, with its branding, encrypted identity secret, FAQ and policy', async () => {
    const first = await seedDemoTenant(t.db);
    const again = await seedDemoTenant(t.db);
    expect(again).toEqual({ tenantId: first.tenantId, created: false });

    const [tenant] = await t.db
      .select()
      .from(tenants)
      .where(sql`${tenants.id} = ${first.tenantId}`);
    expect(tenant).toMatchObject({
      name: DEMO_TENANT.name,
      publishableKey: DEMO_TENANT.publishableKey,
    });
    expect(tenant!.persona.assistantName).toBe('Maja');
    expect(tenant!.identitySecretEncrypted).not.toContain('is_');
    expect(decryptSecret(tenant!.identitySecretEncrypted)).toMatch(/^is_/);

    const faq = await withTenant(t.db, first.tenantId, (tx) => tx.select().from(faqEntries));
    expect(faq).toHaveLength(DEMO_FAQ.length);
  });

  it('answers a customer question from its knowledge through full-text search', async () => {
    const { tenantId } = await seedDemoTenant(t.db);
    const hits = await withTenant(t.db, tenantId, (tx) =>
      queryRows<{ heading: string; page: number | null }>(
        tx,
        sql`select heading, page from chunks
            where tsv @@ websearch_to_tsquery('english', 'piano')
            order by ts_rank(tsv, websearch_to_tsquery('english', 'piano')) desc`,
      ),
    );
    expect(hits[0]?.heading).toBe('Do you move pianos and other heavy items?');
    const claims = await withTenant(t.db, tenantId, (tx) =>
      queryRows<{ heading: string }>(
        tx,
        sql`select heading from chunks where tsv @@ websearch_to_tsquery('english', 'damage claims photos')`,
      ),
    );
    expect(claims.map((c) => c.heading)).toContain('4. Damage claims');
  });
});
