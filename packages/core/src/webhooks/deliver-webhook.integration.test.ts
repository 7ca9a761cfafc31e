import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { asUserId, schema, withTenant, type PgBoss, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import { createTicket } from '../conversations';
import { notifyTicketCreated } from '../tickets/notify-ticket-created';
import { deliverWebhook, type WebhookDeliveryDeps } from './deliver-webhook';
import { signWebhook } from './sign-webhook';
import { setTenantWebhook } from './tenant-webhook';
import type { WebhookJob } from './webhook-job';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

const dashboardUrl = 'https://app.replyline.test';

/** A workspace with a webhook at `url` and one ticket; returns the job its creation queued. */
async function ticketWithWebhook(url: string) {
  const tenantId = (await newWorkspace(t.db, 'Webhook delivery')).tenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'owner'));
  // Straight through the domain function, as an address saved before today's checks would be.
  const { secret } = await setTenantWebhook(t.db, { tenantId, userId, requestIp: null }, url);
  const { ticketId } = await createTicket(t.db, tenantId, userId, {
    subject: 'Refund <!channel>',
    customerEmail: 'marker-7f3a@example.com',
    customerName: 'Mallory Marker-7f3a',
    message: 'Card ending 4242, marker-7f3a',
  });
  const jobs: unknown[] = [];
  const queue = { send: async (_name: string, data: object) => jobs.push(data) && 'job-1' };
  await notifyTicketCreated(
    { db: t.db, queue: queue as unknown as Pick<PgBoss, 'send'>, dashboardUrl },
    tenantId,
    ticketId,
  );
  return { tenantId, ticketId, secret: secret!, job: jobs.at(-1) as WebhookJob };
}

const deps = (extra: Partial<WebhookDeliveryDeps> = {}): WebhookDeliveryDeps => ({
  db: t.db,
  allowLocal: true,
  dashboardUrl,
  ...extra,
});

describe('ticket webhook delivery', () => {
  it('queues ids only, and builds the signed post when it sends it', async () => {
    const receiver = await startReceiver();
    try {
      const { tenantId, ticketId, secret, job } = await ticketWithWebhook(receiver.url);
      expect(job).toEqual({ tenantId, ticketId, event: 'ticket.created' });
      expect(JSON.stringify(job)).not.toMatch(/marker|4242|Refund/i);

      expect(await deliverWebhook(deps(), job)).toBe('delivered');
      const [post] = receiver.requests;
      expect(JSON.parse(post!.body)).toMatchObject({
        text: 'New ticket #1 from Mallory Marker-7f3a (marker-7f3a@example.com): Refund &lt;!channel&gt;',
      });
      expect(post!.body).toContain(`${dashboardUrl}/tickets/${ticketId}`);
      const signature = String(post!.headers['x-replyline-signature']);
      const timestamp = Number(/t=(\d+)/.exec(signature)![1]);
      expect(signature).toBe(signWebhook(secret, post!.body, timestamp));
    } finally {
      await receiver.close();
    }
  });

  it('drops the job quietly when the ticket is gone by delivery time', async () => {
    const receiver = await startReceiver();
    try {
      const { tenantId, ticketId, job } = await ticketWithWebhook(receiver.url);
      await withTenant(t.db, tenantId as TenantId, (tx) =>
        tx
          .delete(schema.tickets)
          .where(and(eq(schema.tickets.tenantId, tenantId), eq(schema.tickets.id, ticketId))),
      );
      expect(await deliverWebhook(deps(), job)).toBe('skipped');
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it('never connects to 127.0.0.1 in production, however the address spells it', async () => {
    const listener = await startConnectionCounter();
    try {
      const cases = [
        { url: `https://[::ffff:7f00:1]:${listener.port}/hook` },
        { url: `https://[::ffff:127.0.0.1]:${listener.port}/hook` },
        // A public-looking name that resolves to loopback when the worker connects.
        {
          url: `https://hooks.rebinding.example:${listener.port}/hook`,
          resolve: async () => [{ address: '127.0.0.1', family: 4 }],
        },
      ];
      for (const { url, resolve } of cases) {
        const { job } = await ticketWithWebhook(url);
        await expect(
          deliverWebhook(deps({ allowLocal: false, resolve }), job),
          url,
        ).rejects.toThrow(/public internet/);
      }
      expect(listener.connections()).toBe(0);
    } finally {
      await listener.close();
    }
  });
});

/** An HTTP receiver on 127.0.0.1 that answers 200 and keeps what it was sent. */
async function startReceiver() {
  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/hook`, requests, close: () => closeServer(server) };
}

/** A bare TCP listener on 127.0.0.1 that counts connections (a TLS client would open one). */
async function startConnectionCounter() {
  let count = 0;
  const server = createTcpServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, connections: () => count, close: () => closeServer(server) };
}

function closeServer(server: Server | ReturnType<typeof createHttpServer>) {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}
