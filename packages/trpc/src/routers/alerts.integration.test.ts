// Alert channels from the dashboard: added with their tokens kept out of every answer, a test
// message sent at once with the provider's refusal in words, removed; another workspace's
// channel is out of reach (access.integration.test.ts walks the roles).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import { auditEntries, callerWith } from '../testing/callers';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

/** A Slack-like incoming webhook on this machine: 200 "ok", or 404 "no_service" once removed. */
async function slackStub() {
  const bodies: string[] = [];
  let removed = false;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(removed ? 404 : 200, { 'content-type': 'text/plain' });
      res.end(removed ? 'no_service' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/services/T0/B0/x`,
    bodies,
    remove: () => (removed = true),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('alerts', () => {
  it('adds a channel, sends a test message, reports a refusal, and removes it', async () => {
    const slack = await slackStub();
    try {
      const { tenantId } = await newWorkspace(t.db, 'Alerted');
      const admin = callerWith(t.db, await newMember(t.db, tenantId, 'admin'), tenantId);
      const { channel, signingSecret } = await admin.alerts.create({
        name: 'Support room',
        events: ['ticket.created', 'handoff.requested'],
        config: { kind: 'slack', webhookUrl: slack.url },
      });
      expect(signingSecret).toBeNull();
      expect(channel).toMatchObject({
        kind: 'slack',
        status: 'active',
        targetHint: expect.stringMatching(/^localhost:\d+$/),
      });
      const listed = await admin.alerts.list();
      expect(listed).toHaveLength(1);
      expect(JSON.stringify(listed)).not.toContain('/services/T0/B0/x');

      await expect(admin.alerts.sendTest({ channelId: channel.id })).resolves.toEqual({
        delivered: true,
      });
      expect(JSON.parse(slack.bodies.at(-1)!).text).toBe('Test alert from Replyline for Alerted');

      slack.remove();
      await expect(admin.alerts.sendTest({ channelId: channel.id })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: 'The test message did not arrive. Slack answered 404: no_service.',
      });

      await admin.alerts.update({
        channelId: channel.id,
        events: ['reply.overdue'],
        replyOverdueMinutes: 30,
      });
      expect((await admin.alerts.list())[0]).toMatchObject({
        events: ['reply.overdue'],
        replyOverdueMinutes: 30,
      });
      await admin.alerts.remove({ channelId: channel.id });
      expect(await admin.alerts.list()).toEqual([]);
      const actions = (await auditEntries(t.db, tenantId)).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'alert_channel.created',
          'alert_channel.updated',
          'alert_channel.deleted',
        ]),
      );
    } finally {
      await slack.close();
    }
  });

  it('refuses bad settings in words and never reaches another workspace’s channel', async () => {
    const mine = await newWorkspace(t.db, 'Mine');
    const theirs = await newWorkspace(t.db, 'Theirs');
    const owner = callerWith(t.db, await newMember(t.db, mine.tenantId, 'owner'), mine.tenantId);
    const other = callerWith(
      t.db,
      await newMember(t.db, theirs.tenantId, 'owner'),
      theirs.tenantId,
    );
    await expect(
      owner.alerts.create({
        name: 'SMS',
        events: [],
        config: { kind: 'twilio_sms', accountSid: 'AC1', authToken: 'x', from: '+1', to: '+2' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { channel, signingSecret } = await other.alerts.create({
      name: 'Their hook',
      events: ['booking.created'],
      config: { kind: 'webhook', url: 'http://localhost:9/hook' },
    });
    expect(signingSecret).toMatch(/^whsec_/);
    await expect(owner.alerts.sendTest({ channelId: channel.id })).rejects.toThrow(
      /does not exist/,
    );
    await expect(owner.alerts.remove({ channelId: channel.id })).rejects.toThrow(/does not exist/);
    expect(await other.alerts.list()).toHaveLength(1);
  });
});
