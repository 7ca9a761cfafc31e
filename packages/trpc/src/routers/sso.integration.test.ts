// Setting up single sign-on: the issuer checked against its real discovery document (served on
// 127.0.0.1), the write-only secret, DNS verification with an injected TXT resolver, one
// workspace per domain, the Business plan, and the audit log.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptSecret, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { TRPCError } from '@trpc/server';
import { toTRPCError } from '../error-codes';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, callerWith } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';
import { verifySsoDomain, type ResolveTxt } from '@replyline/core/sso';

let t: TestDatabase;
let server: Server;
let issuer: string;
/** What the local provider's discovery document says, changed per test. */
let discovery: Record<string, unknown> | null = null;

beforeAll(async () => {
  t = await openTestDatabase();
  server = createServer((request, response) => {
    if (request.url !== '/.well-known/openid-configuration' || !discovery) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(discovery));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

function provider(overrides: Record<string, unknown> = {}) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/me`,
    jwks_uri: `${issuer}/jwks`,
    code_challenge_methods_supported: ['S256'],
    ...overrides,
  };
}

async function workspace(plan: 'free' | 'pro' | 'business' = 'business') {
  const { tenantId } = await newWorkspace(t.db, 'SSO');
  await t.db.update(schema.tenants).set({ plan }).where(eq(schema.tenants.id, tenantId));
  const owner = await newMember(t.db, tenantId, 'owner');
  const actor = { tenantId, userId: owner, requestIp: '203.0.113.7' };
  return { tenantId, actor, caller: callerWith(t.db, owner, tenantId) };
}

const domain = () => `corp-${randomUUID().slice(0, 8)}.example`;
/** `null` leaves the secret out (keep the stored one). */
const input = (emailDomain: string, clientSecret: string | null = 'client-secret-1') => ({
  issuer,
  clientId: 'replyline-dashboard',
  clientSecret: clientSecret ?? undefined,
  emailDomain,
  autoJoinRole: 'agent' as const,
});

/** A DNS that answers these TXT records for these names, and nothing else. */
function dns(records: Record<string, string[]>): ResolveTxt {
  return async (name) => {
    const found = records[name];
    if (!found) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    // Long records arrive in chunks of up to 255 characters.
    return found.map((value) => [value.slice(0, 20), value.slice(20)]);
  };
}

/** A refusal as the dashboard hears it: a domain function called directly is mapped as its router would. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => toTRPCError(e) ?? e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return { code: (error as TRPCError).code, message: (error as TRPCError).message };
}

async function routingDomain(tenantId: TenantId) {
  const [row] = await t.db
    .select({ ssoDomain: schema.tenants.ssoDomain })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  return row!.ssoDomain;
}

describe('saving the connection', () => {
  it('checks the issuer, stores the secret encrypted and never hands it back', async () => {
    discovery = provider();
    const { tenantId, caller } = await workspace();
    const emailDomain = domain();
    await caller.sso.save({
      ...input(` @${emailDomain.toUpperCase()} `),
      clientSecret: 'sso-secret-xyz',
    });

    const settings = await caller.sso.get();
    expect(settings.connection).toMatchObject({
      issuer,
      clientId: 'replyline-dashboard',
      hasClientSecret: true,
      emailDomain,
      autoJoinRole: 'agent',
      domainVerifiedAt: null,
      active: false,
      verificationRecord: {
        type: 'TXT',
        name: emailDomain,
        value: expect.stringMatching(/^replyline-verification=\S{20,}$/),
      },
    });
    expect(JSON.stringify(settings)).not.toContain('sso-secret-xyz');
    const [row] = await withTenant(t.db, tenantId, (tx) =>
      tx.select().from(schema.ssoConnections).where(eq(schema.ssoConnections.tenantId, tenantId)),
    );
    expect(row!.clientSecretEncrypted).not.toContain('sso-secret-xyz');
    expect(decryptSecret(row!.clientSecretEncrypted)).toBe('sso-secret-xyz');
    const [audit] = await auditEntries(t.db, tenantId);
    expect(audit).toMatchObject({
      action: 'sso.connection_saved',
      details: { emailDomain, secretChanged: true },
    });
    expect(JSON.stringify(audit)).not.toContain('sso-secret-xyz');

    // Saving again without a secret keeps the stored one.
    await caller.sso.save(input(emailDomain, null));
    const [kept] = await withTenant(t.db, tenantId, (tx) =>
      tx.select().from(schema.ssoConnections).where(eq(schema.ssoConnections.tenantId, tenantId)),
    );
    expect(decryptSecret(kept!.clientSecretEncrypted)).toBe('sso-secret-xyz');
  });

  it('asks for the secret the first time', async () => {
    discovery = provider();
    const { caller } = await workspace();
    expect(await refusal(caller.sso.save(input(domain(), null)))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Enter the client secret from your identity provider.',
    });
  });

  it('refuses an issuer that is not a usable OpenID Connect provider, saying why', async () => {
    const { caller } = await workspace();
    discovery = null;
    expect((await refusal(caller.sso.save(input(domain())))).message).toMatch(
      /answered 404, not a discovery document/,
    );
    discovery = provider({ issuer: 'https://someone-else.example' });
    expect((await refusal(caller.sso.save(input(domain())))).message).toBe(
      `The provider calls itself https://someone-else.example, not ${issuer}. Enter the issuer exactly as https://someone-else.example.`,
    );
    discovery = provider({ code_challenge_methods_supported: ['plain'] });
    expect((await refusal(caller.sso.save(input(domain())))).message).toMatch(
      /does not support PKCE with S256/,
    );
    discovery = provider({ token_endpoint: undefined });
    expect((await refusal(caller.sso.save(input(domain())))).message).toMatch(
      /missing or wrong: token_endpoint/,
    );
    expect(
      (await refusal(caller.sso.save({ ...input(domain()), issuer: 'ftp://x.example' }))).message,
    ).toMatch(/^Issuer URL: The address must start with https:\/\/\./);
    expect((await refusal(caller.sso.save({ ...input('not a domain') }))).code).toBe('BAD_REQUEST');
  });

  it('is a Business feature: other plans hear so, and the settings say it is not included', async () => {
    discovery = provider();
    const { caller } = await workspace('pro');
    expect(await refusal(caller.sso.save(input(domain())))).toEqual({
      code: 'PAYMENT_REQUIRED',
      message:
        'Single sign-on is part of the Business plan; this workspace is on Pro. Upgrade to set it up.',
    });
    expect(await caller.sso.get()).toEqual({ planIncludesSso: false, connection: null });
  });
});

describe('verifying the domain', () => {
  it('finds the TXT record, routes the domain to the workspace and audit-logs it', async () => {
    discovery = provider();
    const { tenantId, actor, caller } = await workspace();
    const emailDomain = domain();
    await caller.sso.save(input(emailDomain));
    const record = await caller.sso.startVerification();
    expect(record).toEqual((await caller.sso.get()).connection!.verificationRecord);

    expect(await refusal(verifySsoDomain(t.db, actor, dns({})))).toEqual({
      code: 'PRECONDITION_FAILED',
      message: `We did not find the TXT record "${record.value}" on ${emailDomain} yet. Publish it with your DNS host; changes can take a while to spread, so try again in a few minutes.`,
    });
    expect(await routingDomain(tenantId)).toBeNull();

    await verifySsoDomain(t.db, actor, dns({ [emailDomain]: ['v=spf1 -all', record.value] }));
    expect(await routingDomain(tenantId)).toBe(emailDomain);
    expect((await caller.sso.get()).connection).toMatchObject({
      active: true,
      domainVerifiedAt: expect.any(Date),
    });
    expect((await auditEntries(t.db, tenantId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['sso.domain_verified', 'sso.domain_verification_started']),
    );
  });

  it('refuses a domain another workspace has verified, even with the right record', async () => {
    discovery = provider();
    const emailDomain = domain();
    const first = await workspace();
    await first.caller.sso.save(input(emailDomain));
    const firstRecord = await first.caller.sso.startVerification();
    await verifySsoDomain(t.db, first.actor, dns({ [emailDomain]: [firstRecord.value] }));

    const second = await workspace();
    await second.caller.sso.save(input(emailDomain));
    const secondRecord = await second.caller.sso.startVerification();
    const answer = dns({ [emailDomain]: [firstRecord.value, secondRecord.value] });
    expect(await refusal(verifySsoDomain(t.db, second.actor, answer))).toEqual({
      code: 'CONFLICT',
      message: `${emailDomain} is already verified by another Replyline workspace. A domain can sign in to one workspace only: ask that workspace's owner to remove it from their single sign-on settings first.`,
    });
    expect(await routingDomain(second.tenantId)).toBeNull();
    expect(await routingDomain(first.tenantId)).toBe(emailDomain);

    // Once the first workspace removes its connection, the domain is free.
    await first.caller.sso.delete();
    expect(await routingDomain(first.tenantId)).toBeNull();
    await verifySsoDomain(t.db, second.actor, answer);
    expect(await routingDomain(second.tenantId)).toBe(emailDomain);
  });

  it('a changed domain must be verified again and stops routing at once', async () => {
    discovery = provider();
    const { tenantId, actor, caller } = await workspace();
    const emailDomain = domain();
    await caller.sso.save(input(emailDomain));
    const record = await caller.sso.startVerification();
    await verifySsoDomain(t.db, actor, dns({ [emailDomain]: [record.value] }));

    const next = domain();
    await caller.sso.save(input(next, null));
    expect(await routingDomain(tenantId)).toBeNull();
    const settings = (await caller.sso.get()).connection!;
    expect(settings).toMatchObject({ emailDomain: next, domainVerifiedAt: null, active: false });
    expect(settings.verificationRecord.value).not.toBe(record.value);
  });
});

describe('switching it off', () => {
  it('disable keeps the settings and the domain; delete frees the domain', async () => {
    discovery = provider();
    const { tenantId, actor, caller } = await workspace();
    const emailDomain = domain();
    await caller.sso.save(input(emailDomain));
    const record = await caller.sso.startVerification();
    await verifySsoDomain(t.db, actor, dns({ [emailDomain]: [record.value] }));

    await caller.sso.setEnabled({ enabled: false });
    expect((await caller.sso.get()).connection).toMatchObject({ enabled: false, active: false });
    expect(await routingDomain(tenantId)).toBe(emailDomain);
    await caller.sso.setEnabled({ enabled: true });
    expect((await caller.sso.get()).connection).toMatchObject({ active: true });

    await caller.sso.delete();
    expect(await caller.sso.get()).toEqual({ planIncludesSso: true, connection: null });
    expect(await routingDomain(tenantId)).toBeNull();
    expect((await auditEntries(t.db, tenantId)).map((e) => e.action).slice(0, 3)).toEqual([
      'sso.connection_deleted',
      'sso.connection_enabled',
      'sso.connection_disabled',
    ]);
  });

  it('agents cannot see or change it', async () => {
    const { tenantId } = await workspace();
    const agent = callerWith(t.db, await newMember(t.db, tenantId, 'agent'), tenantId);
    expect((await refusal(agent.sso.get())).code).toBe('FORBIDDEN');
    expect((await refusal(agent.sso.save(input(domain())))).code).toBe('FORBIDDEN');
  });
});
