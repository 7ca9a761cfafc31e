// Customers' email replies through both inbound webhooks: Resend's (svix-signed event, the email
// read back through the SDK from a local server speaking Resend's Receiving API) and an
// inbound-parse post (Postmark's JSON, basic auth). Unsigned, forged, stale or unauthenticated
// deliveries are refused with 401; a delivery is threaded once. Attachments in each provider's
// shape: Resend's Attachments API (a list with download addresses), Postmark's base64 JSON and
// SendGrid's multipart form; allowed files are kept, the others named in a note. A file that
// turns out larger than the cap is not downloaded to its end.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
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
/** INBOUND_ATTACHMENT_MAX_FILE_BYTES / _EMAIL_BYTES as a deployment sets them (small: quick tests). */
const attachmentLimits = { maxFileBytes: 64 * 1024, maxEmailBytes: 256 * 1024 };

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
      attachmentLimits,
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

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(300, 1)]);
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

const keptFiles = async (tenantId: TenantId, ticketId: string) =>
  ((await getTicket(t.db, tenantId, ticketId))?.attachments ?? []).map((f) => [
    f.filename,
    f.contentType,
    f.sizeBytes,
  ]);

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

/** A file as Resend's Attachments API lists it. */
const metadata = (id: string, filename: string, type: string, size: number) => ({
  id,
  filename,
  size,
  content_type: type,
  content_id: null,
  content_disposition: 'attachment',
});

/** A reply to the ticket's address with files, as Resend's Receiving API returns it. */
const replyWithFiles = (emailId: string, address: string, attachments: object[]) => ({
  object: 'email',
  id: emailId,
  to: [address],
  cc: [],
  received_for: [],
  from: 'ann@example.com',
  subject: 'Re: Tent pole',
  text: 'Here are the photo and receipt.',
  html: null,
  message_id: `<${emailId}@mail.example.com>`,
  attachments,
});

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

  it("downloads the email's files through the Attachments API and keeps the allowed ones", async () => {
    const { tenantId, ticketId, address } = await ticket();
    const emailId = randomUUID();
    resend.emails.set(
      emailId,
      replyWithFiles(emailId, address, [
        metadata('a1', 'pole.png', 'image/png', PNG.length),
        metadata('a2', 'receipt.pdf', 'application/pdf', PDF.length),
        metadata('a3', 'invoice.exe', 'application/x-msdownload', 4),
      ]),
    );
    resend.files.set('a1', PNG);
    resend.files.set('a2', PDF);
    resend.files.set('a3', Buffer.from('MZ..'));
    const body = JSON.stringify({ type: 'email.received', data: { email_id: emailId } });
    const response = await post('/v1/email/inbound/resend', body, svixHeaders(body));
    expect(await response.json()).toMatchObject({
      status: 'threaded',
      ticketId,
      attachmentsKept: 2,
      attachmentsNote: '1 attachment not kept: invoice.exe (type not allowed)',
    });
    expect(await keptFiles(tenantId, ticketId)).toEqual([
      ['pole.png', 'image/png', PNG.length],
      ['receipt.pdf', 'application/pdf', PDF.length],
    ]);
    expect(resend.requests.map((r) => r.path)).toContain(
      `/emails/receiving/${emailId}/attachments`,
    );
    // The refused file was never downloaded.
    expect(resend.requests.map((r) => r.path)).not.toContain('/files/a3');
  });

  it('stops downloading a file once it passes the cap, and names it in the note', async () => {
    const { tenantId, ticketId, address } = await ticket();
    const emailId = randomUUID();
    // The listed size understates the file, so only the download can tell it is too large.
    resend.emails.set(
      emailId,
      replyWithFiles(emailId, address, [metadata('big', 'scan.pdf', 'application/pdf', 2_000)]),
    );
    const offered = 32 * 1024 * 1024;
    resend.streamed.set('big', { bytes: offered });
    const body = JSON.stringify({ type: 'email.received', data: { email_id: emailId } });
    const response = await post('/v1/email/inbound/resend', body, svixHeaders(body));
    expect(await response.json()).toMatchObject({
      status: 'threaded',
      ticketId,
      attachmentsKept: 0,
      attachmentsNote: '1 attachment not kept: scan.pdf (larger than 64 KB)',
    });
    expect(await keptFiles(tenantId, ticketId)).toEqual([]);
    // The reader hung up: the stub saw the connection close before it had written the file.
    const served = await resend.streamed.get('big')!.served;
    expect(served?.finished).toBe(false);
    expect(served!.written).toBeLessThan(offered);
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

  it("keeps Postmark's base64 attachments and names the refused ones", async () => {
    const { tenantId, ticketId, address } = await ticket();
    const body = JSON.stringify({
      From: 'ann@example.com',
      ToFull: [{ Email: address }],
      Subject: 'Re: Tent pole',
      TextBody: 'Photo attached.',
      MessageID: randomUUID(),
      Attachments: [
        {
          Name: 'pole.png',
          Content: PNG.toString('base64'),
          ContentType: 'image/png',
          ContentLength: PNG.length,
        },
        {
          Name: 'page.svg',
          Content: Buffer.from('<svg/>').toString('base64'),
          ContentType: 'image/svg+xml',
        },
      ],
    });
    const response = await post('/v1/email/inbound/parse', body, auth(parseSecret));
    expect(await response.json()).toMatchObject({
      status: 'threaded',
      attachmentsKept: 1,
      attachmentsNote: '1 attachment not kept: page.svg (type not allowed)',
    });
    expect(await keptFiles(tenantId, ticketId)).toEqual([['pole.png', 'image/png', PNG.length]]);

    // A file without base64 content is a broken post: refused in words, nothing threaded.
    const broken = JSON.parse(body) as { MessageID: string; Attachments: unknown[] };
    broken.MessageID = randomUUID();
    broken.Attachments = [{ Name: 'x.pdf', Content: 5 }];
    const refused = await post(
      '/v1/email/inbound/parse',
      JSON.stringify(broken),
      auth(parseSecret),
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('base64 Content');
  });

  it("reads SendGrid's multipart form: fields, attachment-info and the files", async () => {
    const { tenantId, ticketId, address } = await ticket();
    const form = new FormData();
    form.set('headers', `Message-ID: <${randomUUID()}@mail.example.com>\nSubject: Re: Tent pole\n`);
    form.set('from', 'Ann Berg <ann@example.com>');
    form.set('to', `"Acme, Support" <${address}>`);
    form.set('subject', 'Re: Tent pole');
    form.set('text', 'Receipt and list attached.\n\nOn Mon, Acme wrote:\n> Send the receipt');
    form.set('envelope', JSON.stringify({ to: [address], from: 'ann@example.com' }));
    form.set('attachments', '3');
    form.set(
      'attachment-info',
      JSON.stringify({
        attachment1: { filename: 'receipt.pdf', name: 'receipt.pdf', type: 'application/pdf' },
        attachment2: { filename: 'items.csv', name: 'items.csv', type: 'text/csv' },
        attachment3: { filename: 'run.bat', name: 'run.bat', type: 'application/x-bat' },
      }),
    );
    form.set('attachment1', new Blob([PDF], { type: 'application/pdf' }), 'receipt.pdf');
    form.set('attachment2', new Blob(['sku,qty\npole,1\n'], { type: 'text/csv' }), 'items.csv');
    form.set('attachment3', new Blob(['echo hi'], { type: 'application/x-bat' }), 'run.bat');
    const response = await fetch(`${api.url}/v1/email/inbound/parse`, {
      method: 'POST',
      headers: auth(parseSecret),
      body: form,
    });
    expect(await response.json()).toMatchObject({
      status: 'threaded',
      tenantId,
      ticketId,
      attachmentsKept: 2,
      attachmentsNote: '1 attachment not kept: run.bat (type not allowed)',
    });
    expect(await customerReplies(tenantId, ticketId)).toEqual(['Receipt and list attached.']);
    expect(await keptFiles(tenantId, ticketId)).toEqual([
      ['items.csv', 'text/csv', 15],
      ['receipt.pdf', 'application/pdf', PDF.length],
    ]);
  });
});

/** Resend's Receiving API: `GET /emails/receiving/:id` with the API key as a bearer token. */
async function startResendStub() {
  const emails = new Map<string, Record<string, unknown>>();
  const files = new Map<string, Buffer>();
  const streamed = new Map<string, StreamedFile>();
  const requests: { path: string; auth: string | undefined }[] = [];
  const server = createServer((req, res) => {
    const url = `http://${req.headers.host}`;
    requests.push({ path: (req.url ?? '').split('?')[0]!, auth: req.headers.authorization });
    // A file at its download address (the CDN's signed link: no API key).
    const fileId = /^\/files\/([^/?]+)/.exec(req.url ?? '')?.[1];
    const stream = fileId ? streamed.get(fileId) : undefined;
    if (stream) return void (stream.served = streamOut(res, stream.bytes));
    if (fileId) {
      res.writeHead(files.has(fileId) ? 200 : 404, { 'content-type': 'application/octet-stream' });
      return res.end(files.get(fileId) ?? '');
    }
    // The Attachments API: metadata and a download address for each file.
    const listed = /^\/emails\/receiving\/([^/?]+)\/attachments/.exec(req.url ?? '')?.[1];
    if (listed) {
      const attachments = (emails.get(listed)?.attachments ?? []) as { id: string }[];
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          object: 'list',
          has_more: false,
          data: attachments.map((file) => ({
            ...file,
            download_url: `${url}/files/${file.id}?signature=sig`,
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          })),
        }),
      );
    }
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
    files,
    streamed,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A file the stub writes out in chunks; `served` settles when its connection closes. */
interface StreamedFile {
  bytes: number;
  served?: Promise<{ written: number; finished: boolean }>;
}

/**
 * Writes `total` bytes (a PDF's header, then filler) 64 KB at a time, each chunk only once the
 * reader has taken the last ones (so a reader that stops stops the writing). Settles with how
 * much was written and whether all of it was, once the connection closes.
 */
function streamOut(res: ServerResponse, total: number) {
  return new Promise<{ written: number; finished: boolean }>((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    chunk.write('%PDF-1.7\n');
    let written = 0;
    res.on('close', () => resolve({ written, finished: res.writableFinished }));
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(total) });
    const writeOn = () => {
      while (written < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - written));
        written += part.length;
        if (!res.write(part)) return void res.once('drain', writeOn);
      }
      res.end();
    };
    writeOn();
  });
}
