import { decryptSecret, schema, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, callerWith } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';

const API = 'https://api.replyline.test/';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

async function workspace(plan: 'free' | 'pro' = 'pro') {
  const { tenantId, publishableKey } = await newWorkspace(t.db, 'Fjord Outdoor');
  await t.db.update(schema.tenants).set({ plan }).where(eq(schema.tenants.id, tenantId));
  const ids = {
    admin: await newMember(t.db, tenantId, 'admin'),
    agent: await newMember(t.db, tenantId, 'agent'),
  };
  const as = (userId: string) => callerWith(t.db, userId, tenantId, { apiUrl: API });
  return { tenantId, publishableKey, ids, as };
}

const stored = async (tenantId: TenantId) =>
  (await t.db.select().from(schema.tenants).where(eq(schema.tenants.id, tenantId)))[0]!;

async function code(promise: Promise<unknown>) {
  return promise.then(
    () => 'allowed',
    (e: { code: string }) => e.code,
  );
}

const BRANDING = {
  primaryColor: '#0F766E',
  accentColor: '#f59e0b',
  logoUrl: 'https://fjord.example/logo.png',
  avatarUrl: '',
  greeting: '  Hei! How can we help?  ',
  launcherText: 'Questions?',
  position: 'bottom-left' as const,
  suggestedQuestions: ['Do you ship to Norway?', 'What is your return policy?'],
};

describe('widget.get', () => {
  it('shows an agent the settings, the key and the embed snippet, never the identity secret', async () => {
    const { publishableKey, ids, as } = await workspace();
    const settings = await as(ids.agent).widget.get();
    expect(settings).toMatchObject({
      publishableKey,
      language: 'english',
      allowedOrigins: [],
      hasIdentitySecret: true,
      customBrandingAllowed: true,
      branding: { primaryColor: '#4f46e5', position: 'bottom-right' },
      persona: { assistantName: 'Assistant' },
      embedSnippet: `<script src="https://api.replyline.test/widget.js" data-key="${publishableKey}" async></script>`,
    });
    expect(JSON.stringify(settings)).not.toMatch(/identitySecretEncrypted|v1\./);
  });

  it('has no snippet when the API address is unknown', async () => {
    const { tenantId, ids } = await workspace();
    const settings = await callerWith(t.db, ids.agent, tenantId).widget.get();
    expect(settings.embedSnippet).toBeNull();
  });
});

describe('widget.update', () => {
  it('saves every branding field, trimmed, with empty fields unset, and audits which changed', async () => {
    const { tenantId, ids, as } = await workspace();
    await expect(as(ids.admin).widget.update({ branding: BRANDING })).resolves.toEqual({
      changed: true,
    });
    expect((await stored(tenantId)).branding).toEqual({
      ...BRANDING,
      avatarUrl: undefined,
      greeting: 'Hei! How can we help?',
    });
    const [entry] = await auditEntries(t.db, tenantId);
    expect(entry).toMatchObject({ action: 'widget.settings_updated', actorUserId: ids.admin });
    expect((entry!.details.branding as string[]).sort()).toEqual(
      [
        'accentColor',
        'greeting',
        'launcherText',
        'logoUrl',
        'position',
        'primaryColor',
        'suggestedQuestions',
      ].sort(),
    );
    await expect(as(ids.admin).widget.update({ branding: BRANDING })).resolves.toEqual({
      changed: false,
    });
  });

  it('refuses bad colours, links and too many or too long suggested questions', async () => {
    const { ids, as } = await workspace();
    const bad = [
      { primaryColor: 'teal' },
      { primaryColor: '#12345' },
      { logoUrl: 'javascript:alert(1)' },
      { avatarUrl: 'data:image/png;base64,AAAA' },
      { suggestedQuestions: Array.from({ length: 7 }, (_, i) => `Question ${i}?`) },
      { suggestedQuestions: ['x'.repeat(121)] },
      { position: 'top-left' },
    ];
    for (const change of bad)
      expect(
        await code(as(ids.admin).widget.update({ branding: { ...BRANDING, ...change } as never })),
        JSON.stringify(change),
      ).toBe('BAD_REQUEST');
    await expect(
      as(ids.admin).widget.update({
        branding: {
          ...BRANDING,
          suggestedQuestions: Array.from({ length: 6 }, () => 'x'.repeat(120)),
        },
      }),
    ).resolves.toEqual({ changed: true });
  });

  it('stores allowed websites as origins, once each, and refuses what is not a website', async () => {
    const { tenantId, ids, as } = await workspace();
    await as(ids.admin).widget.update({
      allowedOrigins: [
        'https://Shop.Example/cart?x=1',
        'shop.example',
        'http://localhost:3000/',
        'https://shop.example:8443/path',
      ],
    });
    expect((await stored(tenantId)).allowedOrigins).toEqual([
      'https://shop.example',
      'http://localhost:3000',
      'https://shop.example:8443',
    ]);
    for (const origin of [
      '*.shop.example',
      'ftp://shop.example',
      'https://',
      'javascript:alert(1)',
    ])
      expect(await code(as(ids.admin).widget.update({ allowedOrigins: [origin] })), origin).toBe(
        'BAD_REQUEST',
      );
    const [entry] = await auditEntries(t.db, tenantId);
    expect(entry!.details).toMatchObject({
      allowedOrigins: {
        from: [],
        to: ['https://shop.example', 'http://localhost:3000', 'https://shop.example:8443'],
      },
    });
  });

  it('keeps the scheme typed, gives local addresses http, and says why an address is refused', async () => {
    const { tenantId, ids, as } = await workspace();
    await as(ids.admin).widget.update({
      allowedOrigins: [
        'http://localhost:8090',
        'localhost:8091',
        '127.0.0.1:5173',
        'http://shop.example',
      ],
    });
    expect((await stored(tenantId)).allowedOrigins).toEqual([
      'http://localhost:8090',
      'http://localhost:8091',
      'http://127.0.0.1:5173',
      'http://shop.example',
    ]);
    const refusals = {
      '*.shop.example': 'wildcards are not accepted',
      'ftp://shop.example': 'only http:// and https:// websites',
      'https://': 'is not a website address',
    };
    for (const [origin, reason] of Object.entries(refusals))
      await expect(
        as(ids.admin).widget.update({ allowedOrigins: [origin] }),
        origin,
      ).rejects.toThrow(reason);
    expect((await stored(tenantId)).allowedOrigins).toHaveLength(4); // nothing lost
  });

  it('saves persona and language', async () => {
    const { tenantId, ids, as } = await workspace();
    const persona = {
      assistantName: 'Maja',
      tone: 'warm and brief',
      instructions: 'Offer a human for damage claims.',
      refusedTopics: ['legal advice'],
    };
    await as(ids.admin).widget.update({ persona, language: 'swedish' });
    expect(await stored(tenantId)).toMatchObject({ persona, language: 'swedish' });
    expect(await code(as(ids.admin).widget.update({ language: 'klingon' as never }))).toBe(
      'BAD_REQUEST',
    );
    expect(
      await code(as(ids.admin).widget.update({ persona: { ...persona, assistantName: ' ' } })),
    ).toBe('BAD_REQUEST');
  });

  it('saves greetings by customer type (on any plan), empty ones unset, and refuses a bad VIP rule', async () => {
    const { tenantId, ids, as } = await workspace('free');
    const current = (await stored(tenantId)).branding;
    const customerGreetings = { new: ' Welcome! ', returning: '', vip: 'Hi VIP', vipMinOrders: 4 };
    await as(ids.admin).widget.update({ branding: { ...current, customerGreetings } });
    expect((await stored(tenantId)).branding.customerGreetings).toEqual({
      new: 'Welcome!',
      vip: 'Hi VIP',
      vipMinOrders: 4,
    });
    for (const vipMinOrders of [1, 51, 2.5])
      expect(
        await code(
          as(ids.admin).widget.update({
            branding: { ...current, customerGreetings: { ...customerGreetings, vipMinOrders } },
          }),
        ),
        `vipMinOrders ${vipMinOrders}`,
      ).toBe('BAD_REQUEST');
    expect(await code(as(ids.agent).widget.update({ branding: current }))).toBe('FORBIDDEN');
  });

  it('on the Free plan, keeps the colours and logo but lets the words change', async () => {
    const { tenantId, ids, as } = await workspace('free');
    const current = (await stored(tenantId)).branding;
    const refused = await as(ids.admin)
      .widget.update({ branding: { ...current, primaryColor: '#000000' } })
      .catch((e: { code: string; message: string }) => e);
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Pro plan/),
    });
    await as(ids.admin).widget.update({ branding: { ...current, greeting: 'Welcome to Fjord!' } });
    expect((await stored(tenantId)).branding.greeting).toBe('Welcome to Fjord!');
    expect((await as(ids.agent).widget.get()).customBrandingAllowed).toBe(false);
  });

  it('turns "identity required" on and off, shows it, and audits the change', async () => {
    const { tenantId, ids, as } = await workspace();
    expect((await as(ids.agent).widget.get()).identityRequired).toBe(false);
    await expect(as(ids.admin).widget.update({ identityRequired: true })).resolves.toEqual({
      changed: true,
    });
    expect((await stored(tenantId)).identityRequired).toBe(true);
    expect((await as(ids.agent).widget.get()).identityRequired).toBe(true);
    const [entry] = await auditEntries(t.db, tenantId);
    expect(entry).toMatchObject({
      action: 'widget.settings_updated',
      details: { identityRequired: true },
    });
    expect(await code(as(ids.agent).widget.update({ identityRequired: false }))).toBe('FORBIDDEN');
  });

  it('refuses agents', async () => {
    const { ids, as } = await workspace();
    expect(await code(as(ids.agent).widget.update({ language: 'german' }))).toBe('FORBIDDEN');
  });
});

describe('widget.rotateIdentitySecret', () => {
  it('returns the new secret once and stores it encrypted', async () => {
    const { tenantId, ids, as } = await workspace();
    const before = (await stored(tenantId)).identitySecretEncrypted;
    const { identitySecret } = await as(ids.admin).widget.rotateIdentitySecret();
    expect(identitySecret).toMatch(/^is_[\w-]{40,}$/);
    const after = (await stored(tenantId)).identitySecretEncrypted;
    expect(after).not.toBe(before);
    expect(after).not.toContain(identitySecret);
    expect(decryptSecret(after)).toBe(identitySecret);
    expect(JSON.stringify(await as(ids.agent).widget.get())).not.toContain(identitySecret);
    const [entry] = await auditEntries(t.db, tenantId);
    expect(entry).toMatchObject({
      action: 'widget.identity_secret_rotated',
      actorUserId: ids.admin,
    });
    expect(JSON.stringify(entry)).not.toContain(identitySecret);
  });

  it('refuses agents', async () => {
    const { ids, as } = await workspace();
    expect(await code(as(ids.agent).widget.rotateIdentitySecret())).toBe('FORBIDDEN');
  });
});
