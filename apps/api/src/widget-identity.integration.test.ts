import { randomUUID } from 'node:crypto';
import { createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from './public/identity';
import { shopTenant, startTestApi, SHOP_ORIGIN, type TestApi } from './testing/test-api';
import {
  newVisitorId,
  widgetClient,
  type ErrorBody,
  type WidgetClient,
} from './testing/widget-client';

let t: TestDatabase;
let api: TestApi;
let shop: Awaited<ReturnType<typeof shopTenant>>;
let widget: WidgetClient;

beforeAll(async () => {
  t = await openTestDatabase();
  shop = await shopTenant(t, `identity-${randomUUID().slice(0, 8)}`);
  api = await startTestApi(t);
  widget = widgetClient(api.base, shop.publishableKey);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await t?.close();
});

/** An identity token as the host site's server mints it (HS256 with the identity secret). */
function identityToken(
  claims: Record<string, unknown>,
  options: { secret?: string; issuedAt?: number; expiresAt?: number } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(options.issuedAt ?? now)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(new TextEncoder().encode(options.secret ?? shop.identitySecret));
}

const signed = (userId: string) => ({
  userId,
  signature: signIdentity(shop.identitySecret, { userId }),
});

async function storedConversation(tenantId: TenantId, id: string) {
  const [row] = await withTenant(t.db, tenantId, (tx) =>
    tx
      .select({
        identityKey: schema.conversations.identityKey,
        metadata: schema.conversations.metadata,
        customerEmail: schema.conversations.customerEmail,
        customerName: schema.conversations.customerName,
      })
      .from(schema.conversations)
      .where(eq(schema.conversations.id, id)),
  );
  return row;
}

/** Starts as `identity`, says something private, and hands back the conversation. */
async function privateChat(visitorId: string, identity: Record<string, unknown>) {
  const c = await widget.started({ visitorId, identity });
  expect((await widget.send(c, 'My address is Storgata 1, my card ends 4242')).status).toBe(200);
  return c;
}

describe('an identified conversation belongs to its signed user', () => {
  it('is never resumed by its visitor id alone: an anonymous start gets a fresh, empty one', async () => {
    const visitorId = newVisitorId();
    // As reported: signed with the (older) signature, then the same visitor id without one.
    const kari = await privateChat(visitorId, signed('kari'));

    const anonymous = await widget.started({ visitorId });
    expect(anonymous.resumed).toBe(false);
    expect(anonymous.identified).toBe(false);
    expect(anonymous.conversationId).not.toBe(kari.conversationId);
    expect(anonymous.messages).toEqual([]);
    expect((await widget.history(anonymous)).json()).toEqual({ messages: [] });
  });

  it('gives another user’s valid token (or older signature) with the same visitor id that user’s own conversation', async () => {
    const visitorId = newVisitorId();
    const kari = await privateChat(visitorId, signed('kari-2'));

    const per = await widget.started({ visitorId, identity: signed('per-2') });
    expect(per.resumed).toBe(false);
    expect(per.messages).toEqual([]);
    const ola = await widget.started({
      visitorId,
      identity: { token: await identityToken({ sub: 'ola-2' }) },
    });
    expect(ola.resumed).toBe(false);
    expect(ola.messages).toEqual([]);

    const kariAgain = await widget.started({
      visitorId: newVisitorId(), // another browser: the signed user is what counts
      identity: signed('kari-2'),
    });
    expect(kariAgain.resumed).toBe(true);
    expect(kariAgain.conversationId).toBe(kari.conversationId);
    expect(kariAgain.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
  });

  it('stores the signed name and context of a token, and refreshes them on the next visit', async () => {
    const visitorId = newVisitorId();
    const token = await identityToken({
      sub: 'anna',
      email: 'Anna@Example.com',
      name: 'Anna',
      context: { plan: 'gold', orderIds: ['A-1001'], page: '/checkout' },
    });
    const c = await privateChat(visitorId, { token });
    expect(await storedConversation(shop.tenantId, c.conversationId)).toEqual({
      identityKey: 'user:anna',
      customerEmail: 'anna@example.com',
      customerName: 'Anna',
      metadata: {
        origin: 'https://shop.example',
        context: {
          userId: 'anna',
          name: 'Anna',
          plan: 'gold',
          orderIds: ['A-1001'],
          page: '/checkout',
        },
      },
    });
    await widget.started({
      visitorId,
      identity: { token: await identityToken({ sub: 'anna', context: { plan: 'platinum' } }) },
    });
    const after = await storedConversation(shop.tenantId, c.conversationId);
    expect(after?.metadata.context).toEqual({ userId: 'anna', plan: 'platinum' });
  });

  it('does not store an unsigned name or context sent beside an older signature', async () => {
    const visitorId = newVisitorId();
    const unsigned = { name: 'Mallory', context: { plan: 'enterprise', orderIds: ['X-1'] } };
    const c = await privateChat(visitorId, { ...signed('erik'), ...unsigned });
    const stored = await storedConversation(shop.tenantId, c.conversationId);
    expect(stored?.identityKey).toBe('user:erik');
    expect(stored?.customerName).toBeNull();
    expect(stored?.metadata.context).toEqual({ userId: 'erik' });

    // Resuming with it does not overwrite what a token signed before either.
    const tokenContext = { plan: 'gold' };
    await widget.started({
      visitorId,
      identity: { token: await identityToken({ sub: 'erik', context: tokenContext }) },
    });
    await widget.started({ visitorId, identity: { ...signed('erik'), ...unsigned } });
    const after = await storedConversation(shop.tenantId, c.conversationId);
    expect(after?.metadata.context).toEqual({ userId: 'erik', plan: 'gold' });
  });
});

describe('identity tokens', () => {
  const refusal = async (identity: unknown) => {
    const reply = await widget.start({ identity });
    return { status: reply.status, ...reply.json<ErrorBody>().error };
  };

  it('refuses an expired token with a readable 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await identityToken(
      { sub: 'kari' },
      { issuedAt: now - 7200, expiresAt: now - 3600 },
    );
    const refused = await refusal({ token: expired });
    expect(refused.status).toBe(401);
    expect(refused.code).toBe('identity_expired');
    expect(refused.message).toMatch(/expired/);
  });

  it('refuses a token that lives longer than 24 hours, one without exp, and a forged one', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tooLong = await refusal({
      token: await identityToken({ sub: 'kari' }, { expiresAt: now + 25 * 3600 }),
    });
    expect(tooLong).toMatchObject({ status: 401, code: 'identity_lifetime_too_long' });

    const noExpiry = await new SignJWT({ sub: 'kari' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .sign(new TextEncoder().encode(shop.identitySecret));
    expect(await refusal({ token: noExpiry })).toMatchObject({
      status: 401,
      code: 'invalid_identity',
    });

    const forged = await identityToken({ sub: 'kari' }, { secret: 'is_guessed-secret-123456' });
    expect(await refusal({ token: forged })).toMatchObject({
      status: 401,
      code: 'invalid_identity',
    });
    expect(await refusal({ token: await identityToken({ name: 'nobody' }) })).toMatchObject({
      status: 401,
      code: 'invalid_identity',
    });
  });
});

describe('identity required', () => {
  it('refuses anonymous starts with 401 and a clear message, and lets signed visitors in', async () => {
    const strict = await shopTenant(t, `strict-${randomUUID().slice(0, 8)}`);
    await t.db
      .update(schema.tenants)
      .set({ identityRequired: true })
      .where(eq(schema.tenants.id, strict.tenantId));
    const strictWidget = widgetClient(api.base, strict.publishableKey);

    const anonymous = await strictWidget.start();
    expect(anonymous.status).toBe(401);
    expect(anonymous.json<ErrorBody>().error).toMatchObject({
      code: 'identity_required',
      message: expect.stringMatching(/sign in/i),
    });
    const token = await identityToken({ sub: 'kari' }, { secret: strict.identitySecret });
    const identified = await strictWidget.started({ identity: { token } });
    expect(identified.identified).toBe(true);
  });
});

describe('a workspace without an identity secret yet', () => {
  it('refuses a signed identity with a sentence that says what to set up, and still chats anonymously', async () => {
    const fresh = await createTenant(t.db, {
      name: 'Fresh Shop',
      slug: `fresh-${randomUUID().slice(0, 8)}`,
      allowedOrigins: [SHOP_ORIGIN],
      identitySecret: false,
    });
    expect(fresh.identitySecret).toBe('');
    const client = widgetClient(api.base, fresh.publishableKey);
    const refused = await client.start({
      identity: { token: await identityToken({ sub: 'kari' }) },
    });
    expect(refused.status).toBe(401);
    expect(refused.json<ErrorBody>().error.message).toContain('Widget > Identity verification');
    expect((await client.started()).identified).toBe(false);
  });
});
