import { randomUUID } from 'node:crypto';
import { createApiKey, hashSecretKey, revokeApiKey } from '@replyline/core/api-keys';
import { asUserId, createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { createReplylineClient } from '@replyline/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing';

let t: TestDatabase;
let api: TestApi;
const PDF = Buffer.from('%PDF-1.7\n%\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF');

interface Workspace {
  tenantId: TenantId;
  writeKey: string;
  readKey: string;
  revokedKey: string;
  conversationId: string;
  ticketId: string;
  documentId: string;
  websiteId: string;
}

/** A workspace with one of everything the API reads, and a write, a read and a revoked key. */
async function workspace(): Promise<Workspace> {
  const { tenantId } = await createTenant(t.db, {
    name: 'Fjord Outdoor',
    slug: `m-${randomUUID().slice(0, 8)}`,
  });
  const [user] = await t.db
    .insert(schema.users)
    .values({ email: `${randomUUID()}@example.test` })
    .returning();
  const actor = { tenantId, userId: asUserId(user!.id), requestIp: null };
  const key = async (scope: 'read' | 'write') =>
    (await createApiKey(t.db, actor, { name: scope, scope })).key;
  const revoked = await createApiKey(t.db, actor, { name: 'old', scope: 'write' });
  await revokeApiKey(t.db, actor, { keyId: revoked.id });
  const seeded = await withTenant(t.db, tenantId, async (tx) => {
    const [conversation] = await tx
      .insert(schema.conversations)
      .values({ tenantId, visitorId: `v-${tenantId}` })
      .returning();
    await tx.insert(schema.messages).values({
      tenantId,
      conversationId: conversation!.id,
      role: 'visitor',
      content: `Where is my order, ${tenantId}?`,
    });
    const [ticket] = await tx
      .insert(schema.tickets)
      .values({
        tenantId,
        number: 1,
        subject: 'Order late',
        customerEmail: 'kari@example.test',
        conversationId: conversation!.id,
      })
      .returning();
    return { conversationId: conversation!.id, ticketId: ticket!.id };
  });
  return {
    tenantId,
    writeKey: await key('write'),
    readKey: await key('read'),
    revokedKey: revoked.key,
    ...seeded,
    documentId: '',
    websiteId: '',
  };
}

let a: Workspace;
let b: Workspace;

beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t, { management: { enqueue: async () => null } });
  [a, b] = await Promise.all([workspace(), workspace()]);
  const added = await call('POST', '/v1/manage/documents/text', a.writeKey, {
    title: 'Returns',
    text: '# Returns\nUnused tents can be returned within 30 days.',
    format: 'markdown',
  });
  a.documentId = ((await added.json()) as { documentId: string }).documentId;
  const site = await call('POST', '/v1/manage/websites', a.writeKey, {
    url: 'https://shop.example',
    schedule: 'manual',
  });
  a.websiteId = ((await site.json()) as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await api?.close();
  await t?.close();
});

function call(method: string, path: string, key: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${api.base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe('secret keys', () => {
  it('are stored only as their SHA-256, never in clear', async () => {
    const rows = await withTenant(t.db, a.tenantId, (tx) => tx.select().from(schema.apiKeys));
    expect(rows.map((r) => r.secretHash)).toContain(hashSecretKey(a.writeKey));
    const stored = JSON.stringify(rows);
    for (const key of [a.writeKey, a.readKey, a.revokedKey]) expect(stored).not.toContain(key);
  });

  it('refuses a request without a key, with a mistyped key and with a revoked key (401)', async () => {
    for (const key of [null, 'sk_nope', `${a.writeKey.slice(0, -1)}x`, a.revokedKey]) {
      const res = await call('GET', '/v1/manage/documents', key);
      expect(res.status).toBe(401);
      expect((await errorOf(res)).message).toMatch(/secret key/i);
    }
  });

  it('records when a key was last used', async () => {
    await call('GET', '/v1/manage/documents', a.readKey);
    const [row] = await withTenant(t.db, a.tenantId, (tx) =>
      tx
        .select({ lastUsedAt: schema.apiKeys.lastUsedAt })
        .from(schema.apiKeys)
        .where(eq(schema.apiKeys.secretHash, hashSecretKey(a.readKey))),
    );
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });
});

/**
 * Every endpoint: what a valid key gets, what a read key gets on a change, and what another
 * workspace's key gets (nothing of this workspace's: 404 or no rows).
 */
const endpoints = () => [
  {
    name: 'list documents',
    access: 'read',
    request: () => ['GET', '/v1/manage/documents'] as const,
    ok: 200,
    otherWorkspace: async (res: Response) =>
      expect(
        ((await res.json()) as { documents: { id: string }[] }).documents.map((d) => d.id),
      ).not.toContain(a.documentId),
  },
  {
    name: 'get a document',
    access: 'read',
    request: () => ['GET', `/v1/manage/documents/${a.documentId}`] as const,
    ok: 200,
    otherWorkspace: 404,
  },
  {
    name: 'add text',
    access: 'write',
    request: () =>
      [
        'POST',
        '/v1/manage/documents/text',
        { title: 'Hours', text: `Open ${randomUUID()}` },
      ] as const,
    ok: 201,
  },
  {
    name: 'delete a document',
    access: 'write',
    request: () => ['DELETE', `/v1/manage/documents/${a.documentId}`] as const,
    ok: 200,
    otherWorkspace: 404,
    last: true,
  },
  {
    name: 'list websites',
    access: 'read',
    request: () => ['GET', '/v1/manage/websites'] as const,
    ok: 200,
    otherWorkspace: async (res: Response) =>
      expect(
        ((await res.json()) as { websites: { id: string }[] }).websites.map((w) => w.id),
      ).not.toContain(a.websiteId),
  },
  {
    name: 'add a website',
    access: 'write',
    request: () => ['POST', '/v1/manage/websites', { url: 'https://help.shop.example' }] as const,
    ok: 201,
  },
  {
    name: 'get a website',
    access: 'read',
    request: () => ['GET', `/v1/manage/websites/${a.websiteId}`] as const,
    ok: 200,
    otherWorkspace: 404,
  },
  {
    name: 're-crawl a website',
    access: 'write',
    request: () => ['POST', `/v1/manage/websites/${a.websiteId}/recrawl`] as const,
    ok: 202,
    otherWorkspace: 404,
  },
  {
    name: 'delete a website',
    access: 'write',
    request: () => ['DELETE', `/v1/manage/websites/${a.websiteId}`] as const,
    ok: 200,
    otherWorkspace: 404,
    last: true,
  },
  {
    name: 'upsert an FAQ entry',
    access: 'write',
    request: () =>
      ['PUT', '/v1/manage/faq/sku-1', { question: 'Do tents ship free?', answer: 'Yes.' }] as const,
    ok: 200,
  },
  {
    name: 'list conversations',
    access: 'read',
    request: () => ['GET', '/v1/manage/conversations'] as const,
    ok: 200,
    otherWorkspace: async (res: Response) =>
      expect(
        ((await res.json()) as { conversations: { id: string }[] }).conversations.map((c) => c.id),
      ).not.toContain(a.conversationId),
  },
  {
    name: 'get a conversation',
    access: 'read',
    request: () => ['GET', `/v1/manage/conversations/${a.conversationId}`] as const,
    ok: 200,
    otherWorkspace: 404,
  },
  {
    name: 'export conversations',
    access: 'read',
    request: () => ['GET', '/v1/manage/exports/conversations?format=jsonl'] as const,
    ok: 200,
    otherWorkspace: async (res: Response) =>
      expect(await res.text()).not.toContain(a.conversationId),
  },
  {
    name: 'list tickets',
    access: 'read',
    request: () => ['GET', '/v1/manage/tickets'] as const,
    ok: 200,
    otherWorkspace: async (res: Response) =>
      expect(
        ((await res.json()) as { tickets: { id: string }[] }).tickets.map((x) => x.id),
      ).not.toContain(a.ticketId),
  },
  {
    name: 'get a ticket',
    access: 'read',
    request: () => ['GET', `/v1/manage/tickets/${a.ticketId}`] as const,
    ok: 200,
    otherWorkspace: 404,
  },
  {
    name: 'export tickets',
    access: 'read',
    request: () => ['GET', '/v1/manage/exports/tickets?format=csv'] as const,
    ok: 200,
    otherWorkspace: async (res: Response) => expect(await res.text()).not.toContain(a.ticketId),
  },
];

describe('every endpoint', () => {
  const cases = endpoints().sort((x, y) => Number(Boolean(x.last)) - Number(Boolean(y.last)));

  it.each(cases.map((c) => [c.name, c] as const))('%s: revoked key 401', async (_n, c) => {
    const [method, path, body] = c.request() as readonly [string, string, unknown?];
    expect((await call(method, path, a.revokedKey, body)).status).toBe(401);
  });

  it.each(cases.filter((c) => c.access === 'write').map((c) => [c.name, c] as const))(
    '%s: read-only key 403',
    async (_n, c) => {
      const [method, path, body] = c.request() as readonly [string, string, unknown?];
      const res = await call(method, path, a.readKey, body);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toMatch(/only read/);
    },
  );

  it.each(cases.filter((c) => c.otherWorkspace).map((c) => [c.name, c] as const))(
    "%s: another workspace's key sees none of it",
    async (_n, c) => {
      const [method, path, body] = c.request() as readonly [string, string, unknown?];
      const res = await call(method, path, c.access === 'write' ? b.writeKey : b.readKey, body);
      if (typeof c.otherWorkspace === 'number') expect(res.status).toBe(c.otherWorkspace);
      else {
        expect(res.status).toBe(200);
        await c.otherWorkspace!(res);
      }
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))('%s: valid key', async (_n, c) => {
    const [method, path, body] = c.request() as readonly [string, string, unknown?];
    const res = await call(method, path, c.access === 'write' ? a.writeKey : a.readKey, body);
    expect(res.status, await res.clone().text()).toBe(c.ok);
  });
});

describe('documents', () => {
  it('takes a PDF file and lists it with its status', async () => {
    const res = await fetch(`${api.base}/v1/manage/documents/files?filename=returns.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.writeKey}`, 'content-type': 'application/pdf' },
      body: PDF,
    });
    expect(res.status).toBe(201);
    const { documentId } = (await res.json()) as { documentId: string };
    const got = await call('GET', `/v1/manage/documents/${documentId}`, a.readKey);
    expect(await got.json()).toMatchObject({ id: documentId, kind: 'pdf', status: 'queued' });
  });

  it('takes an HTML file, its kind named by the file name', async () => {
    const res = await fetch(`${api.base}/v1/manage/documents/files?filename=hours.html`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.writeKey}`, 'content-type': 'text/html' },
      body: '<html><body><h1>Hours</h1><p>Open 9 to 17.</p></body></html>',
    });
    expect(res.status).toBe(201);
    const { documentId } = (await res.json()) as { documentId: string };
    const got = await call('GET', `/v1/manage/documents/${documentId}`, a.readKey);
    expect(await got.json()).toMatchObject({ kind: 'html' });
  });

  it('refuses a file it cannot read, storing nothing', async () => {
    const before = (
      (await (await call('GET', '/v1/manage/documents', a.readKey)).json()) as {
        documents: unknown[];
      }
    ).documents.length;
    const send = (filename: string, type: string, body: Buffer) =>
      fetch(`${api.base}/v1/manage/documents/files?filename=${filename}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.writeKey}`, 'content-type': type },
        body,
      });
    expect((await send('fake.pdf', 'application/pdf', Buffer.from('hello'))).status).toBe(415);
    expect((await send('letter.docx', 'application/octet-stream', Buffer.from('hi'))).status).toBe(
      415,
    );
    expect((await send('sheet.xlsx', 'application/octet-stream', Buffer.from('PK'))).status).toBe(
      415,
    );
    expect((await send('empty.txt', 'text/plain', Buffer.alloc(0))).status).toBe(400);
    expect((await send('latin.txt', 'text/plain', Buffer.from([0xff, 0xfe, 0x41]))).status).toBe(
      400,
    );
    const after = (
      (await (await call('GET', '/v1/manage/documents', a.readKey)).json()) as {
        documents: unknown[];
      }
    ).documents.length;
    expect(after).toBe(before);
  });
});

describe('websites', () => {
  it('refuses an address that is not a website, with a reason', async () => {
    const res = await call('POST', '/v1/manage/websites', a.writeKey, { url: 'ftp://files' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/web address/);
  });
});

describe('FAQ entries by external id', () => {
  it('creates, leaves alone, replaces and deletes', async () => {
    const put = (answer: string) =>
      call('PUT', '/v1/manage/faq/order.42', a.writeKey, { question: 'Is delivery free?', answer });
    const created = (await (await put('Over 500 kr.')).json()) as {
      outcome: string;
      faqEntryId: string;
    };
    expect(created.outcome).toBe('created');
    expect(((await (await put('Over 500 kr.')).json()) as { outcome: string }).outcome).toBe(
      'unchanged',
    );
    const updated = (await (await put('Always.')).json()) as {
      outcome: string;
      faqEntryId: string;
    };
    expect(updated.outcome).toBe('updated');
    expect(updated.faqEntryId).not.toBe(created.faqEntryId);
    expect((await call('DELETE', '/v1/manage/faq/order.42', b.writeKey)).status).toBe(404);
    expect((await call('DELETE', '/v1/manage/faq/order.42', a.writeKey)).status).toBe(200);
    expect((await call('DELETE', '/v1/manage/faq/order.42', a.writeKey)).status).toBe(404);
  });

  it('refuses an empty answer and a bad id with a reason', async () => {
    const res = await call('PUT', '/v1/manage/faq/x', a.writeKey, {
      question: 'Why?',
      answer: ' ',
    });
    expect(res.status).toBe(400);
    const bad = await call('PUT', '/v1/manage/faq/a%20b', a.writeKey, {
      question: 'Why?',
      answer: 'A',
    });
    expect(bad.status).toBe(400);
  });
});

describe('conversations and tickets', () => {
  it('pages conversations with a cursor', async () => {
    const first = (await (
      await call('GET', '/v1/manage/conversations?limit=1', a.readKey)
    ).json()) as {
      conversations: { id: string }[];
      nextCursor: string | null;
    };
    expect(first.conversations.map((c) => c.id)).toEqual([a.conversationId]);
    expect(first.nextCursor).toBeNull();
  });

  it('exports conversations as JSON lines with their messages, tickets as CSV', async () => {
    const lines = await (
      await call('GET', '/v1/manage/exports/conversations?format=jsonl', a.readKey)
    ).text();
    const [line] = lines
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; messages: unknown[] });
    expect(line).toMatchObject({ id: a.conversationId, messages: [expect.anything()] });
    const csv = await call('GET', '/v1/manage/exports/tickets?format=csv', a.readKey);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('Order late');
  });
});

describe('the typed client', () => {
  it('reads and writes through @replyline/client', async () => {
    const client = createReplylineClient({ baseUrl: api.base, secretKey: a.writeKey });
    const { data: entry } = await client.PUT('/v1/manage/faq/{externalId}', {
      params: { path: { externalId: 'client-1' } },
      body: { question: 'Do you ship to Sweden?', answer: 'Yes, in 4 days.' },
    });
    expect(entry?.outcome).toBe('created');
    const { data: page, error } = await client.GET('/v1/manage/tickets', {
      params: { query: { limit: 1 } },
    });
    expect(error).toBeUndefined();
    expect(page?.tickets.map((x) => x.id)).toEqual([a.ticketId]);
  });
});

describe('rate limit', () => {
  it('answers 429 with retry-after once a key used its requests of the minute', async () => {
    const limited = await startTestApi(t, { management: { requestsPerMinute: 2 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${limited.base}/v1/manage/tickets`, {
          headers: { authorization: `Bearer ${b.readKey}` },
        });
        statuses.push(res.status);
        retryAfter = res.headers.get('retry-after');
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
