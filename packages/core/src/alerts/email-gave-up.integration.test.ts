// A workspace's email that is given up on raises its 'delivery.failed' alert: through the
// email package's real delivery step with a provider that refuses, not by calling the alert.
import { asUserId, QUEUES, type PgBoss, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { deliverEmail, EmailSendError, sendEmail, type DeliveryDeps } from '@replyline/email';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import type { AlertJob } from './alert-job';
import { alertEmailGaveUp } from './email-gave-up';
import { createAlertChannel } from './manage-alert-channels';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

function capturingQueue() {
  const jobs: { name: string; data: AlertJob }[] = [];
  const send = async (name: string, data: object) => {
    jobs.push({ name, data: data as AlertJob });
    return `job-${jobs.length}`;
  };
  return Object.assign({ send } as unknown as Pick<PgBoss, 'send'>, { jobs });
}

/** A provider that refuses every email, naming the address as providers do. */
const refusingTransport = (permanent: boolean) => ({
  name: 'refusing',
  send: async (email: { to: string }) => {
    throw new EmailSendError(`Mailbox ${email.to} does not exist (550)`, { permanent });
  },
});

async function workspaceWatchingDeliveries() {
  const tenantId = (await newWorkspace(t.db, 'Mail Co')).tenantId as TenantId;
  const userId = asUserId(await newMember(t.db, tenantId, 'owner'));
  const { channel } = await createAlertChannel(
    t.db,
    { tenantId, userId, requestIp: null },
    {
      name: 'Ops',
      events: ['delivery.failed'],
      config: { kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' },
    },
    { allowLocal: true },
  );
  return { tenantId, channelId: channel.id };
}

async function queuedEmail(metadata: Record<string, unknown>) {
  const emailQueue = capturingQueue();
  const { emailId } = await sendEmail(
    { db: t.db, queue: emailQueue },
    {
      to: 'gone@customer.example',
      template: 'magic-link',
      props: { url: 'https://app.replyline.test/x', expiresInMinutes: 5 },
      metadata,
    },
  );
  return emailId;
}

describe('a failed outbound email', () => {
  it("raises the workspace's delivery alert once given up, without the address", async () => {
    const w = await workspaceWatchingDeliveries();
    const alerts = capturingQueue();
    const delivery: DeliveryDeps = {
      db: t.db,
      transport: refusingTransport(false),
      onGaveUp: async (failed) =>
        void (await alertEmailGaveUp({ db: t.db, queue: alerts }, failed)),
    };
    const emailId = await queuedEmail({ tenantId: w.tenantId });
    // A retry still to come alerts nobody.
    await expect(deliverEmail(delivery, emailId, { lastAttempt: false })).rejects.toThrow();
    expect(alerts.jobs).toEqual([]);
    await expect(deliverEmail(delivery, emailId, { lastAttempt: true })).rejects.toThrow();
    expect(alerts.jobs).toHaveLength(1);
    expect(alerts.jobs[0]!.name).toBe(QUEUES.alertDelivery);
    expect(alerts.jobs[0]!.data).toMatchObject({
      tenantId: w.tenantId,
      channelId: w.channelId,
      event: 'delivery.failed',
      note: 'A "magic-link" email could not be delivered. Mailbox [address] does not exist (550)',
    });
  });

  it('a final refusal alerts at once; an email of no workspace alerts nobody', async () => {
    const w = await workspaceWatchingDeliveries();
    const alerts = capturingQueue();
    const delivery: DeliveryDeps = {
      db: t.db,
      transport: refusingTransport(true),
      onGaveUp: async (failed) =>
        void (await alertEmailGaveUp({ db: t.db, queue: alerts }, failed)),
    };
    expect(
      await deliverEmail(delivery, await queuedEmail({ tenantId: w.tenantId }), {
        lastAttempt: false,
      }),
    ).toBe('failed');
    expect(alerts.jobs.map((j) => j.data.tenantId)).toEqual([w.tenantId]);
    expect(await deliverEmail(delivery, await queuedEmail({}), { lastAttempt: false })).toBe(
      'failed',
    );
    expect(alerts.jobs).toHaveLength(1);
  });
});
