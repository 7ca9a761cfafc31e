// Each alert channel against a local server speaking its provider's wire format: the request
// (path, auth, body encoding), escaping of a hostile customer's words, an error answer that
// the queue retries, and a channel that keeps failing marked and its owners told.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  asUserId,
  openQueue,
  QUEUES,
  schema,
  withTenant,
  type PgBoss,
  type TenantId,
} from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagMessage } from '@replyline/ai';
import { createTicket, takeOverConversation } from '../conversations';
import { newMember, newWorkspace } from '../testing';
import type { AlertEvent } from './alert-events';
import { FAILURES_BEFORE_FAILING, type AlertJob } from './alert-job';
import type { TAlertChannelInput } from './channel-config';
import type { AlertEndpoints } from './channels';
import { deliverAlert, type AlertDeliveryDeps } from './deliver-alert';
import { emitAlert } from './emit-alert';
import { createAlertChannel, listAlertChannels } from './manage-alert-channels';
import { sendTestAlert } from './send-test-alert';
import { startAlertWorker } from './alert-worker';
import { alertOnVisitorSignals } from './visitor-signals';
import { notifyTicketCreated } from '../tickets/notify-ticket-created';
import { setTenantWebhook } from '../webhooks/tenant-webhook';
import { startWebhookWorker } from '../webhooks/webhook-worker';

const HOSTILE_NAME = 'Eve <b>&</b> <!channel> [win](https://evil.example) *now*';
const dashboardUrl = 'https://app.replyline.test';
const TELEGRAM_TOKEN = '123456:AAE_test-token-abcdefghijklmnop';
const TWILIO_SID = `AC${'0a'.repeat(16)}`;
const TWILIO_TOKEN = 'f'.repeat(32);
const WHATSAPP_TOKEN = 'EAAG-test-access-token-0123456789';

let t: TestDatabase;
let provider: Awaited<ReturnType<typeof startProvider>>;
beforeAll(async () => {
  t = await openTestDatabase();
  provider = await startProvider();
}, 120_000);
afterAll(async () => {
  await provider?.close();
  await t?.close();
});

function endpoints(): AlertEndpoints {
  return {
    telegram: `${provider.url}/telegram`,
    whatsapp: `${provider.url}/graph/v21.0`,
    twilio: `${provider.url}/twilio`,
  };
}

/** Queues captured instead of sent, so a test delivers each job itself. */
function capturingQueue() {
  const jobs: { name: string; data: AlertJob; options: Record<string, unknown> }[] = [];
  const send = async (name: string, data: object, options: object = {}) => {
    jobs.push({ name, data: data as AlertJob, options: options as Record<string, unknown> });
    return `job-${jobs.length}`;
  };
  return Object.assign({ send } as unknown as Pick<PgBoss, 'send'>, { jobs });
}

function deps(queue = capturingQueue()): AlertDeliveryDeps {
  return { db: t.db, queue, allowLocal: true, dashboardUrl, endpoints: endpoints() };
}

/** A workspace with one channel for `events`, and a ticket from a hostile customer. */
async function workspaceWithChannel(
  config: TAlertChannelInput,
  events: AlertEvent[] = ['ticket.created'],
) {
  const tenantId = (await newWorkspace(t.db, 'Alerts <Co>')).tenantId as TenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'owner'));
  const actor = { tenantId, userId, requestIp: null };
  const created = await createAlertChannel(
    t.db,
    actor,
    { name: `${config.kind} alerts`, events, config },
    { allowLocal: true },
  );
  const { ticketId } = await createTicket(t.db, tenantId, userId, {
    subject: 'Refund <now> & more',
    customerEmail: 'eve@example.com',
    customerName: HOSTILE_NAME,
    message: 'Line one <script>\n- not a list\n1. nor this',
  });
  return {
    tenantId,
    userId,
    actor,
    ticketId,
    channel: created.channel,
    secret: created.signingSecret,
  };
}

/** Emits a new-ticket alert and delivers the one job it queued. */
async function alertNewTicket(config: TAlertChannelInput) {
  const w = await workspaceWithChannel(config);
  const queue = capturingQueue();
  expect(
    await emitAlert({ db: t.db, queue }, w.tenantId, 'ticket.created', { ticketId: w.ticketId }),
  ).toBe(1);
  const [job] = queue.jobs;
  expect(job!.name).toBe(QUEUES.alertDelivery);
  expect(job!.data).toEqual({
    tenantId: w.tenantId,
    channelId: w.channel.id,
    event: 'ticket.created',
    ticketId: w.ticketId,
  });
  const before = provider.requests.length;
  expect(await deliverAlert(deps(), job!.data)).toBe('delivered');
  expect(provider.requests).toHaveLength(before + 1);
  return { ...w, job: job!, request: provider.requests.at(-1)! };
}

describe('alert channels on the wire', () => {
  it('Telegram: sendMessage with the token in the path, HTML escaped', async () => {
    const { request } = await alertNewTicket({
      kind: 'telegram',
      botToken: TELEGRAM_TOKEN,
      chatId: '-1001234567890',
    });
    expect(request.path).toBe(`/telegram/bot${TELEGRAM_TOKEN}/sendMessage`);
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ chat_id: '-1001234567890', parse_mode: 'HTML' });
    expect(body.text).toContain(
      '<b>New ticket #1 from Eve &lt;b&gt;&amp;&lt;/b&gt; &lt;!channel&gt; [win](https://evil.example) *now* (eve@example.com): Refund &lt;now&gt; &amp; more</b>',
    );
    expect(body.text).toContain('Line one &lt;script&gt;');
    expect(body.text).toMatch(
      /<a href="https:\/\/app\.replyline\.test\/tickets\/[\w-]+">Open ticket #1<\/a>$/,
    );
    // Only our own tags are markup.
    expect(body.text.replace(/<\/?b>|<a href="[^"]+">|<\/a>/g, '')).not.toMatch(/[<>]/);
  });

  it('Slack: an incoming-webhook post with &, < and > escaped', async () => {
    const { request } = await alertNewTicket({
      kind: 'slack',
      webhookUrl: `${provider.url}/slack/T0/B0/secret`,
    });
    expect(request.path).toBe('/slack/T0/B0/secret');
    const body = JSON.parse(request.body);
    expect(body.text).toBe(
      'New ticket #1 from Eve &lt;b&gt;&amp;&lt;/b&gt; &lt;!channel&gt; [win](https://evil.example) *now* (eve@example.com): Refund &lt;now&gt; &amp; more',
    );
    expect(JSON.stringify(body.blocks)).toContain('&lt;script&gt;');
    expect(JSON.stringify(body.blocks)).not.toContain('<!channel>');
  });

  it('WhatsApp: the Cloud API messages endpoint with a bearer token, text or template', async () => {
    const { request } = await alertNewTicket({
      kind: 'whatsapp',
      accessToken: WHATSAPP_TOKEN,
      phoneNumberId: '1098765432',
      to: '+4712345678',
    });
    expect(request.path).toBe('/graph/v21.0/1098765432/messages');
    expect(request.headers.authorization).toBe(`Bearer ${WHATSAPP_TOKEN}`);
    expect(JSON.parse(request.body)).toMatchObject({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '4712345678',
      type: 'text',
      text: { preview_url: false, body: expect.stringContaining('New ticket #1 from Eve') },
    });

    const templated = await alertNewTicket({
      kind: 'whatsapp',
      accessToken: WHATSAPP_TOKEN,
      phoneNumberId: '1098765432',
      to: '+4712345678',
      templateName: 'support_alert',
      templateLanguage: 'en',
    });
    const body = JSON.parse(templated.request.body);
    expect(body.type).toBe('template');
    expect(body.template.name).toBe('support_alert');
    expect(body.template.language).toEqual({ code: 'en' });
    const [headline, detail] = body.template.components[0].parameters;
    expect(headline.text).toContain('New ticket #1');
    // Template parameters may not carry new lines: WhatsApp refuses them.
    expect(detail.text).toBe('Line one <script> - not a list 1. nor this');
  });

  it('SMS (Twilio): the Messages resource, form-encoded, with basic auth', async () => {
    const { request } = await alertNewTicket({
      kind: 'twilio_sms',
      accountSid: TWILIO_SID,
      authToken: TWILIO_TOKEN,
      from: '+15005550006',
      to: '+4712345678',
    });
    expect(request.path).toBe(`/twilio/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`,
    );
    const form = new URLSearchParams(request.body);
    expect(form.get('To')).toBe('+4712345678');
    expect(form.get('From')).toBe('+15005550006');
    expect(form.get('Body')).toContain(`New ticket #1 from ${HOSTILE_NAME}`);
    expect(form.get('Body')!.length).toBeLessThanOrEqual(1_600);
  });

  it('Teams: an Adaptive Card whose text cannot make links or lists', async () => {
    const { request } = await alertNewTicket({
      kind: 'teams',
      webhookUrl: `${provider.url}/teams/workflow`,
    });
    const body = JSON.parse(request.body);
    expect(body.type).toBe('message');
    const [attachment] = body.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const [headline, detail] = attachment.content.body;
    expect(headline.text).toContain(
      'Eve \\<b\\>&\\</b\\> \\<!channel\\> \\[win\\]\\(https:/\u200b/evil.example\\) \\*now\\*',
    );
    expect(detail.text).toBe('Line one \\<script\\>\n\\- not a list\n\\1. nor this');
    expect(attachment.content.actions[0]).toMatchObject({
      type: 'Action.OpenUrl',
      title: 'Open ticket #1',
    });
  });

  it('Generic webhook: signed with an HMAC of the timestamp and body', async () => {
    const { request, secret, tenantId } = await alertNewTicket({
      kind: 'webhook',
      url: `${provider.url}/webhook/in`,
    });
    expect(secret).toMatch(/^whsec_/);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ event: 'ticket.created', workspaceId: tenantId });
    expect(body.headline).toContain(HOSTILE_NAME);
    expect(request.headers['x-replyline-event']).toBe('ticket.created');
    const [, timestamp, digest] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
      String(request.headers['x-replyline-signature']),
    )!;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', secret!)
      .update(`${timestamp}.${request.body}`)
      .digest('hex');
    expect(digest).toBe(expected);
  });
});

describe('failures', () => {
  it('a refusal is reported in the provider’s words, counted, and after repeated failures the channel is failing and owners are told', async () => {
    const w = await workspaceWithChannel({
      kind: 'telegram',
      botToken: '999999:REVOKED_token_abcdefghijklmnop',
      chatId: '42',
    });
    const queue = capturingQueue();
    await emitAlert({ db: t.db, queue }, w.tenantId, 'ticket.created', { ticketId: w.ticketId });
    const job = queue.jobs[0]!;
    expect(job.options).toMatchObject({ retryLimit: 4, retryBackoff: true });

    const emails = capturingQueue();
    for (let attempt = 1; attempt <= FAILURES_BEFORE_FAILING; attempt++) {
      await expect(deliverAlert(deps(emails), job.data)).rejects.toThrow(
        'Telegram answered 401: Unauthorized',
      );
      const [channel] = await listAlertChannels(t.db, w.actor);
      expect(channel!.status, `after attempt ${attempt}`).toBe(
        attempt < FAILURES_BEFORE_FAILING ? 'active' : 'failing',
      );
    }
    // Told once, when the channel turned failing: one email per owner.
    const told = await t.db
      .select({ subject: schema.outboundEmails.subject, template: schema.outboundEmails.template })
      .from(schema.outboundEmails)
      .where(
        eq(
          schema.outboundEmails.id,
          (emails.jobs[0]!.data as unknown as { emailId: string }).emailId,
        ),
      );
    expect(emails.jobs).toHaveLength(1);
    expect(told[0]).toEqual({
      template: 'alert-channel-failing',
      subject: 'Alerts to "telegram alerts" are failing for Alerts <Co>',
    });
    await expect(deliverAlert(deps(emails), job.data)).rejects.toThrow();
    expect(emails.jobs).toHaveLength(1);

    // The dashboard's test button shows the reason and does not count against the channel.
    await expect(sendTestAlert(deps(), w.actor, { channelId: w.channel.id })).rejects.toThrow(
      'The test message did not arrive. Telegram answered 401: Unauthorized.',
    );
  });

  it('a test message that gets through marks a failing channel as working again', async () => {
    const w = await workspaceWithChannel({
      kind: 'slack',
      webhookUrl: `${provider.url}/slack/flaky`,
    });
    await withTenant(t.db, w.tenantId, (tx) =>
      tx
        .update(schema.alertChannels)
        .set({ status: 'failing', consecutiveFailures: 9 })
        .where(eq(schema.alertChannels.tenantId, w.tenantId)),
    );
    expect(await sendTestAlert(deps(), w.actor, { channelId: w.channel.id })).toEqual({
      delivered: true,
    });
    expect(JSON.parse(provider.requests.at(-1)!.body).text).toBe(
      'Test alert from Replyline for Alerts &lt;Co&gt;',
    );
    const [channel] = await listAlertChannels(t.db, w.actor);
    expect(channel!.status).toBe('active');
  });

  it('the queue retries with backoff until the provider takes it', async () => {
    const w = await workspaceWithChannel({
      kind: 'twilio_sms',
      accountSid: TWILIO_SID,
      authToken: TWILIO_TOKEN,
      from: '+15005550006',
      to: '+4798765432',
    });
    provider.failNext('/twilio', [503, 429]);
    const boss = await openQueue(t.queueTarget, {
      supervise: false,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    boss.on('error', () => undefined);
    try {
      await startAlertWorker(boss, {
        db: t.db,
        allowLocal: true,
        dashboardUrl,
        endpoints: endpoints(),
      });
      await emitAlert(
        { db: t.db, queue: boss, retry: { retryDelay: 0, retryBackoff: false } },
        w.tenantId,
        'ticket.created',
        { ticketId: w.ticketId },
      );
      const toThisNumber = () => provider.requests.filter((r) => r.body.includes('4798765432'));
      await expect.poll(() => toThisNumber().length, { timeout: 20_000, interval: 200 }).toBe(3);
      expect(toThisNumber().map((r) => r.status)).toEqual([503, 429, 201]);
      const [channel] = await listAlertChannels(t.db, w.actor);
      expect(channel).toMatchObject({
        status: 'active',
        lastError: 'Twilio answered 429: Too Many Requests',
      });
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    }
  });
});

describe('failed deliveries', () => {
  it('a ticket webhook that gives up after its retries alerts the channels that asked', async () => {
    const w = await workspaceWithChannel(
      { kind: 'slack', webhookUrl: `${provider.url}/slack/gave-up` },
      ['delivery.failed'],
    );
    await setTenantWebhook(t.db, w.actor, `${provider.url}/hookfail/in`);
    provider.failNext('/hookfail', [500, 500]);
    const boss = await openQueue(t.queueTarget, {
      supervise: false,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    boss.on('error', () => undefined);
    try {
      await startWebhookWorker(boss, { db: t.db, allowLocal: true, dashboardUrl });
      await startAlertWorker(boss, {
        db: t.db,
        allowLocal: true,
        dashboardUrl,
        endpoints: endpoints(),
      });
      await notifyTicketCreated(
        {
          db: t.db,
          queue: boss,
          dashboardUrl,
          webhookRetry: { retryLimit: 1, retryDelay: 0, retryBackoff: false },
        },
        w.tenantId,
        w.ticketId,
      );
      const alerts = () => provider.requests.filter((r) => r.path === '/slack/gave-up');
      await expect.poll(() => alerts().length, { timeout: 20_000, interval: 200 }).toBe(1);
      expect(
        provider.requests.filter((r) => r.path === '/hookfail/in').map((r) => r.status),
      ).toEqual([500, 500]);
      expect(JSON.stringify(JSON.parse(alerts()[0]!.body).blocks)).toContain(
        'The ticket webhook gave up after every retry. The webhook answered 500',
      );
    } finally {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    }
  });
});

describe('events and workspaces', () => {
  it('queues only for the channels of this workspace that chose the event, and stores tokens encrypted', async () => {
    const a = await workspaceWithChannel(
      { kind: 'telegram', botToken: TELEGRAM_TOKEN, chatId: '7' },
      ['sentiment.negative'],
    );
    const b = await workspaceWithChannel(
      { kind: 'telegram', botToken: TELEGRAM_TOKEN, chatId: '8' },
      ['sentiment.negative', 'ticket.created'],
    );
    const queue = capturingQueue();
    expect(
      await emitAlert({ db: t.db, queue }, a.tenantId, 'ticket.created', { ticketId: a.ticketId }),
    ).toBe(0);
    expect(
      await emitAlert({ db: t.db, queue }, a.tenantId, 'sentiment.negative', {
        ticketId: a.ticketId,
      }),
    ).toBe(1);
    expect(queue.jobs.map((j) => j.data.channelId)).toEqual([a.channel.id]);
    // A job naming another workspace's channel finds nothing there.
    expect(await deliverAlert(deps(), { ...queue.jobs[0]!.data, channelId: b.channel.id })).toBe(
      'skipped',
    );

    const [row] = await withTenant(t.db, a.tenantId, (tx) =>
      tx
        .select()
        .from(schema.alertChannels)
        .where(
          and(
            eq(schema.alertChannels.tenantId, a.tenantId),
            eq(schema.alertChannels.id, a.channel.id),
          ),
        ),
    );
    expect(row!.configEncrypted).not.toContain(TELEGRAM_TOKEN.split(':')[1]);
    expect(row!.targetHint).toBe('chat 7');
    expect(JSON.stringify(await listAlertChannels(t.db, a.actor))).not.toContain('AAE_test');
  });

  it('schedules an overdue check N minutes out, dropped once an agent answered', async () => {
    const w = await workspaceWithChannel(
      { kind: 'slack', webhookUrl: `${provider.url}/slack/overdue` },
      ['reply.overdue'],
    );
    const queue = capturingQueue();
    expect(
      await emitAlert({ db: t.db, queue }, w.tenantId, 'ticket.created', { ticketId: w.ticketId }),
    ).toBe(1);
    const [check] = queue.jobs;
    expect(check!.data).toMatchObject({ event: 'reply.overdue', ticketId: w.ticketId });
    expect(check!.options.startAfter).toBe(15 * 60);

    expect(await deliverAlert(deps(), check!.data)).toBe('delivered');
    expect(JSON.parse(provider.requests.at(-1)!.body).text).toMatch(
      /has waited 1 minutes without an agent's reply \(ticket #1\)$/,
    );
    await withTenant(t.db, w.tenantId, (tx) =>
      tx
        .update(schema.tickets)
        .set({ status: 'pending' })
        .where(eq(schema.tickets.tenantId, w.tenantId)),
    );
    expect(await deliverAlert(deps(), check!.data)).toBe('skipped');
  });

  it('a visitor asking for a person or sounding upset alerts once per conversation in a while', async () => {
    const w = await workspaceWithChannel(
      { kind: 'slack', webhookUrl: `${provider.url}/slack/signals` },
      ['handoff.requested', 'sentiment.negative'],
    );
    const conversationId = await withTenant(t.db, w.tenantId, async (tx) => {
      const [conversation] = await tx
        .insert(schema.conversations)
        .values({ tenantId: w.tenantId, visitorId: 'v-1', customerName: 'Ann <Berg>' })
        .returning({ id: schema.conversations.id });
      await tx.insert(schema.messages).values({
        tenantId: w.tenantId,
        conversationId: conversation!.id,
        role: 'visitor',
        content: 'THIS IS USELESS, get me a human',
      });
      return conversation!.id;
    });
    const queue = capturingQueue();
    const signals = { tags: ['upset', 'human_requested'], reason: 'human_requested' as const };
    expect(
      await alertOnVisitorSignals({ db: t.db, queue }, w.tenantId, conversationId, signals),
    ).toEqual(['handoff.requested', 'sentiment.negative']);
    expect(
      await alertOnVisitorSignals({ db: t.db, queue }, w.tenantId, conversationId, {
        tags: [],
        reason: null,
      }),
    ).toEqual([]);
    const [handoff, upset] = queue.jobs;
    expect(handoff!.options).toMatchObject({
      singletonKey: `${w.channel.id}:handoff.requested:${conversationId}`,
      singletonSeconds: 600,
    });
    expect(await deliverAlert(deps(), handoff!.data)).toBe('delivered');
    const post = JSON.parse(provider.requests.at(-1)!.body);
    expect(post.text).toBe('Ann &lt;Berg&gt; asks for a person');
    expect(JSON.stringify(post.blocks)).toContain(`/inbox?conversation=${conversationId}`);
    expect(await deliverAlert(deps(), upset!.data)).toBe('delivered');
    expect(JSON.parse(provider.requests.at(-1)!.body).text).toBe('Ann &lt;Berg&gt; sounds upset');
  });

  it('an upset visitor alerts while an agent holds the chat (no bot turn), once per window', async () => {
    const w = await workspaceWithChannel(
      { kind: 'slack', webhookUrl: `${provider.url}/slack/held` },
      ['handoff.requested', 'sentiment.negative'],
    );
    const conversationId = await withTenant(t.db, w.tenantId, async (tx) => {
      const [conversation] = await tx
        .insert(schema.conversations)
        .values({ tenantId: w.tenantId, visitorId: 'v-held', customerName: 'Bo' })
        .returning({ id: schema.conversations.id });
      return conversation!.id;
    });
    expect(await takeOverConversation(t.db, w.tenantId, conversationId, w.userId)).toBe(true);
    const queue = capturingQueue();
    // What the API hands over for a message kept for the agent: its tags, no escalation reason.
    const held = (text: string) =>
      alertOnVisitorSignals({ db: t.db, queue }, w.tenantId, conversationId, {
        tags: tagMessage(text),
        reason: null,
      });
    expect(await held('Thanks, that helps.')).toEqual([]);
    expect(await held('This is ridiculous, I am furious!!!')).toEqual(['sentiment.negative']);
    expect(await held('STILL NOTHING WORKS, USELESS')).toEqual(['sentiment.negative']);
    // Both jobs share one singleton key and window: the queue keeps one per ten minutes.
    const [first, second] = queue.jobs;
    const once = {
      singletonKey: `${w.channel.id}:sentiment.negative:${conversationId}`,
      singletonSeconds: 600,
    };
    expect(first!.options).toMatchObject(once);
    expect(second!.options).toMatchObject(once);
    expect(await deliverAlert(deps(), first!.data)).toBe('delivered');
    expect(JSON.parse(provider.requests.at(-1)!.body).text).toBe('Bo sounds upset');
  });

  it('refuses settings that cannot work, in words', async () => {
    const tenantId = (await newWorkspace(t.db, 'Typos')).tenantId as TenantId;
    const actor = {
      tenantId,
      userId: asUserId(await newMember(t.db, tenantId, 'owner')),
      requestIp: null,
    };
    const add = (config: unknown, allowLocal = false) =>
      createAlertChannel(
        t.db,
        actor,
        { name: 'x', events: ['ticket.created'], config: config as TAlertChannelInput },
        { allowLocal },
      );
    await expect(add({ kind: 'telegram', botToken: 'nope', chatId: '1' })).rejects.toThrow(
      'The bot token looks like',
    );
    await expect(
      add({
        kind: 'twilio_sms',
        accountSid: TWILIO_SID,
        authToken: TWILIO_TOKEN,
        from: '0701234567',
        to: '+4712345678',
      }),
    ).rejects.toThrow('international form');
    await expect(add({ kind: 'slack', webhookUrl: 'https://127.0.0.1:9/hook' })).rejects.toThrow(
      /public internet/,
    );
  });
});

interface ProviderRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/**
 * One local server standing in for every provider, answering as each does: Telegram's
 * `{ ok, description }`, Slack's plain "ok", the Graph API's `{ error: { message } }`, Twilio's
 * 201 with a message resource, Teams' 202. Wrong credentials get each provider's 401.
 */
async function startProvider() {
  const requests: ProviderRequest[] = [];
  const failures = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = (status: number, payload: unknown) => {
        requests.push({ path, headers: req.headers, body, status });
        const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
        res.writeHead(status, {
          'content-type': typeof payload === 'string' ? 'text/plain' : 'application/json',
        });
        res.end(text);
      };
      const prefix = `/${path.split('/')[1]}`;
      const forced = failures.get(prefix)?.shift();
      if (forced)
        return answer(forced, {
          code: 20429,
          message: forced === 429 ? 'Too Many Requests' : 'Service Unavailable',
          status: forced,
        });
      if (prefix === '/telegram')
        return path === `/telegram/bot${TELEGRAM_TOKEN}/sendMessage`
          ? answer(200, { ok: true, result: { message_id: 1 } })
          : answer(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      if (prefix === '/graph')
        return req.headers.authorization === `Bearer ${WHATSAPP_TOKEN}`
          ? answer(200, { messaging_product: 'whatsapp', messages: [{ id: 'wamid.1' }] })
          : answer(401, {
              error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 },
            });
      if (prefix === '/twilio') {
        const basic = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
        return req.headers.authorization === basic
          ? answer(201, { sid: 'SM1', status: 'queued' })
          : answer(401, { code: 20003, message: 'Authenticate', status: 401 });
      }
      if (prefix === '/teams') return answer(202, '');
      return answer(200, 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    requests,
    /** The next requests under `prefix` get these statuses, in order. */
    failNext: (prefix: string, statuses: number[]) => failures.set(prefix, [...statuses]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
