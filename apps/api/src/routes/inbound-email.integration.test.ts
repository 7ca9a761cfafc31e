// Customers' email replies through both inbound webhooks: Resend's (svix-signed event, the email
// read back through the SDK from a local server speaking Resend's Receiving API) and an
// inbound-parse post (Postmark's JSON, basic auth). Unsigned, forged, stale or unauthenticated
// deliveries are refused with 401; a delivery is threaded once.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createTicket } from '@replyline/core/conversations';
import { ticketReplyAddress } from '@replyline/core/email-replies';
import { newMember, newWorkspace } from '@replyline/core/testing';
import { getTicket } from '@replyline/core/tickets';
import { asUserId, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import type { AppContext } from '../router';
import { createApiServer } from '../server';
import { inboundEmailRoutes, resendEmailReader } from './inbound-email';

const domain = 'reply.replyline.test';
const signingSecret = `whsec_${Buffer.from('resend-inbound-test-secret-0123456789').toString('base64')}`;
const parseSecret = 'parse-secret-0123456789abcdef';
const resendKey = 're_test_inbound_key';

let t: TestDatabase;
let api: { url: string; server: Server };
let resend: Awaited<ReturnType<typeof startResendStub>>;

beforeAll(async () => {
  t = await openTestDatabase();
  resend = await startResendStub();
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const app = { db: t.db, databaseKind: t.kind, logger } as unknown as AppContext;
  const server = createApiServer(
    app,
    inboundEmailRoutes({
      domain,
      parseSecret,
      resend: {
        signingSecret,
        readEmail: (id) => resendEmailReader({ apiKey: resendKey, baseUrl: resend.url })(id),
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}, 120_000);
afterAll(async () => {
  api?.server.closeAllConnections();
  await new Promise((resolve) => api?.server.close(resolve));
  await resend?.close();
  await t?.close();
});

async function ticket() {
  const tenantId = (await newWorkspace(t.db, 'Inbound')).tenantId as TenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'agent'));
  const { ticketId } = await createTicket(t.db, tenantId, userId, {
    subject: 'Tent pole',
    customerEmail: 'ann@example.com',
    message: 'Broken pole.',
  });
  return { tenantId, ticketId, address: ticketReplyAddress(tenantId, 1, domain) };
}

const customerReplies = async (tenantId: TenantId, ticketId: string) =>
  ((await getTicket(t.db, tenantId, ticketId))?.history ?? [])
    .filter((e) => e.type === 'ticket_customer_replied')
    .map((e) => (e.data as { reply: string }).reply);

function svixHeaders(body: string, options: { id?: string; at?: number; secret?: string } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? Math.floor(Date.now() / 1000);
  const key = Buffer.from((options.secret ?? signingSecret).slice(6), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${at}.${body}`).digest('base64');
  return { 'svix-id': id, 'svix-timestamp': String(at), 'svix-signature': `v1,${signature}` };
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('Resend inbound webhook', () => {
  it('reads the email from Resend and threads the reply once', async () => {
    const { tenantId, ticketId, address } = await ticket();
    const emailId = randomUUID();
    resend.emails.set(emailId, {
      object: 'email',
      id: emailId,
      to: [`Acme <${address}>`],
      cc: [],
      received_for: [],
      from: 'Ann <ann@example.com>',
      subject: 'Re: Tent pole',
      text: 'Thanks, that fixed it.\n\nOn Mon, Acme wrote:\n> Try this',
      html: null,
      message_id: `<${emailId}@mail.example.com>`,
    });
    const body = JSON.stringify({ type: 'email.received', data: { email_id: emailId } });
    const headers = svixHeaders(body);

    const first = await post('/v1/email/inbound/resend', body, headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'threaded', ticketId });
    expect(resend.requests).toContainEqual({
      path: `/emails/receiving/${emailId}`,
      auth: `Bearer ${resendKey}`,
    });
    // The same delivery again (a provider retry or a replay within the tolerance): not twice.
    const again = await post('/v1/email/inbound/resend', body, headers);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(await customerReplies(tenantId, ticketId)).toEqual(['Thanks, that fixed it.']);
  });

  it('refuses unsigned, forged, tampered and stale deliveries with 401', async () => {
    const body = JSON.stringify({ type: 'email.received', data: { email_id: 'x' } });
    const cases: [string, Record<string, string>, string][] = [
      ['unsigned', {}, 'not signed'],
      [
        'forged',
        svixHeaders(body, { secret: `whsec_${Buffer.from('another-secret').toString('base64')}` }),
        'does not match',
      ],
      ['tampered', svixHeaders(`${body} `), 'does not match'],
      ['stale', svixHeaders(body, { at: Math.floor(Date.now() / 1000) - 3_600 }), 'too old'],
    ];
    for (const [name, headers, reason] of cases) {
      const response = await post('/v1/email/inbound/resend', body, headers);
      expect(response.status, name).toBe(401);
      expect(JSON.stringify(await response.json()), name).toContain(reason);
    }
  });
});

describe('inbound-parse webhook', () => {
  const auth = (password: string) => ({
    authorization: `Basic ${Buffer.from(`inbound:${password}`).toString('base64')}`,
  });

  it('threads a Postmark-style post with the right password, and refuses others', async () => {
    const { tenantId, ticketId, address } = await ticket();
    const body = JSON.stringify({
      From: 'ann@example.com',
      ToFull: [{ Email: 'help@acme.example' }],
      CcFull: [{ Email: address }],
      Subject: 'Re: Tent pole',
      TextBody: 'Still broken.\n-- \nAnn',
      MessageID: randomUUID(),
    });
    const unsigned = await post('/v1/email/inbound/parse', body);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('www-authenticate')).toContain('Basic');
    expect((await post('/v1/email/inbound/parse', body, auth('wrong-password-0000'))).status).toBe(
      401,
    );

    const ok = await post('/v1/email/inbound/parse', body, auth(parseSecret));
    expect(await ok.json()).toMatchObject({ status: 'threaded', tenantId, ticketId });
    expect(await customerReplies(tenantId, ticketId)).toEqual(['Still broken.']);

    // Addressed to no ticket: answered, so the provider stops, and nothing is stored.
    const stray = body
      .replace(address, `reply+${'a'.repeat(45)}@${domain}`)
      .replace(/"MessageID":"[^"]+"/, `"MessageID":"${randomUUID()}"`);
    const unmatched = await post('/v1/email/inbound/parse', stray, auth(parseSecret));
    expect(await unmatched.json()).toMatchObject({ status: 'unmatched' });
    expect((await post('/v1/email/inbound/parse', 'not json', auth(parseSecret))).status).toBe(400);
  });
});

/** Resend's Receiving API: `GET /emails/receiving/:id` with the API key as a bearer token. */
async function startResendStub() {
  const emails = new Map<string, Record<string, unknown>>();
  const requests: { path: string; auth: string | undefined }[] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', auth: req.headers.authorization });
    const id = /^\/emails\/receiving\/([^/?]+)/.exec(req.url ?? '')?.[1];
    const email = id ? emails.get(id) : undefined;
    res.writeHead(email ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(email ?? { statusCode: 404, name: 'not_found', message: 'Email not found' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    emails,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
