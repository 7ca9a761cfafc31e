import { randomUUID } from 'node:crypto';
import { schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { deliverEmail } from './deliver-email';
import { EmailPropsError, EmailSendError } from './errors';
import { getOutboundEmail, listOutbox } from './list-outbox';
import { sendEmail } from './send-email';
import { useEmailTestbed } from './testing/email-testbed';
import { FAST_RETRY, memoryLogger } from './testing/fixtures';
import { outboxTransport } from './transports/outbox';
import type { EmailTransport } from './transports/transport';

const t = useEmailTestbed();

const magicLink = (to = 'dev@example.com') =>
  sendEmail(t.deps, {
    to,
    template: 'magic-link',
    props: {
      url: 'https://app.replyline.localhost/auth/callback?token=t0k3n',
      expiresInMinutes: 15,
    },
    metadata: { purpose: 'sign-in' },
  });

const row = async (emailId: string) =>
  (
    await t.db.select().from(schema.outboundEmails).where(eq(schema.outboundEmails.id, emailId))
  )[0]!;

/** Waits until the email reached a final state (delivered or failed) and returns its row. */
const settled = (emailId: string) =>
  vi.waitFor(
    async () => {
      const r = await row(emailId);
      if (r.status === 'queued') throw new Error(`still queued after ${r.attempts} attempts`);
      return r;
    },
    { timeout: 30_000, interval: 100 },
  );

/** A transport that fails `failures` times, then accepts; it counts what it was asked to send. */
function flakyTransport(failures: number, error = () => new Error('connect ECONNREFUSED')) {
  const calls: string[] = [];
  const transport: EmailTransport = {
    name: 'flaky',
    async send(email) {
      calls.push(email.id);
      if (calls.length <= failures) throw error();
      return { status: 'sent', providerMessageId: `msg_${calls.length}` };
    },
  };
  return { transport, calls };
}

describe('sending with no provider configured (the dev outbox)', () => {
  it('stores the email, keeps it in the outbox and logs its link for the developer', async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          logs.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const { emailId } = await magicLink();
    expect(await row(emailId)).toMatchObject({
      status: 'queued',
      attempts: 0,
      to: 'dev@example.com',
    });

    await t.startWorker({
      transport: outboxTransport({ logger }),
      logger,
    });
    const done = await settled(emailId);
    expect(done).toMatchObject({
      status: 'outbox',
      attempts: 1,
      lastError: null,
      template: 'magic-link',
      subject: 'Your Replyline sign-in link',
      metadata: { purpose: 'sign-in' },
    });
    expect(done.sentAt).toBeInstanceOf(Date);
    expect(logs).toContainEqual(
      expect.objectContaining({
        emailId,
        to: 'dev@example.com',
        subject: 'Your Replyline sign-in link',
        link: 'https://app.replyline.localhost/auth/callback?token=t0k3n',
      }),
    );

    const outbox = await listOutbox(t.db, { limit: 10 });
    expect(outbox.find((e) => e.id === emailId)).toMatchObject({
      status: 'outbox',
      to: 'dev@example.com',
    });
    expect(outbox[0]).not.toHaveProperty('html');
    const full = await getOutboundEmail(t.db, emailId);
    expect(full?.text).toContain('https://app.replyline.localhost/auth/callback?token=t0k3n');
    expect(full?.html).toContain(
      'href="https://app.replyline.localhost/auth/callback?token=t0k3n"',
    );
    expect(await getOutboundEmail(t.db, 'not-a-uuid')).toBeNull();
  });
});

describe('retries', () => {
  it('a transport that fails twice then succeeds: three attempts counted, finally sent', async () => {
    const { transport, calls } = flakyTransport(2);
    const logger = memoryLogger();
    const { emailId } = await magicLink();
    await t.startWorker({ transport, logger });

    const done = await settled(emailId);
    expect(done).toMatchObject({
      status: 'sent',
      attempts: 3,
      providerMessageId: 'msg_3',
      lastError: null,
    });
    expect(calls).toEqual([emailId, emailId, emailId]);
    expect(logger.lines.filter((l) => l.message === 'email not sent, will retry')).toHaveLength(2);
  });

  it('a transport that always fails: the email ends failed with the reason, visible in the outbox', async () => {
    const { transport, calls } = flakyTransport(Infinity, () => new Error('Resend is down (503)'));
    const logger = memoryLogger();
    const { emailId } = await magicLink();
    await t.startWorker({ transport, logger });

    const done = await settled(emailId);
    expect(done).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'Resend is down (503)',
      sentAt: null,
    });
    expect(calls).toHaveLength(1 + FAST_RETRY.retryLimit);
    expect(logger.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'email not sent, gave up',
    });
    expect((await listOutbox(t.db)).find((e) => e.id === emailId)).toMatchObject({
      status: 'failed',
      lastError: 'Resend is down (503)',
    });
    // The queue records the job as failed too, once the worker has handed the error back.
    await vi.waitFor(
      async () =>
        expect(await t.boss.getJobById('send-email', emailId)).toMatchObject({
          state: 'failed',
          retryCount: FAST_RETRY.retryLimit,
        }),
      { timeout: 10_000, interval: 100 },
    );
  });

  it('a refusal no retry can fix fails at once', async () => {
    const refusal = () =>
      new EmailSendError('invalid `to` address', { permanent: true, status: 422 });
    const { transport, calls } = flakyTransport(Infinity, refusal);
    const { emailId } = await magicLink();
    await t.startWorker({ transport });

    expect(await settled(emailId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'invalid `to` address',
    });
    expect(calls).toHaveLength(1);
  });
});

describe('never twice', () => {
  it('queueing the same email again is a no-op, and a delivered email is not sent again', async () => {
    const { emailId } = await magicLink();
    expect(await t.boss.send('send-email', { emailId }, { id: emailId })).toBeNull();

    const { transport, calls } = flakyTransport(0);
    const delivery = { db: t.db, transport };
    expect(await deliverEmail(delivery, emailId, { lastAttempt: false })).toBe('sent');
    expect(await deliverEmail(delivery, emailId, { lastAttempt: false })).toBe('already-done');
    expect(calls).toHaveLength(1);
    expect(await row(emailId)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('what sendEmail refuses', () => {
  /** Rows for one address: other test files may share the database (DATABASE_URL). */
  const rowsTo = (to: string) =>
    t.db.select().from(schema.outboundEmails).where(eq(schema.outboundEmails.to, to));

  it('bad props or a bad address: a clear error and no row', async () => {
    const to = `${randomUUID()}@example.com`;
    await expect(
      sendEmail(t.deps, {
        to,
        template: 'magic-link',
        props: { url: 'javascript:alert(1)', expiresInMinutes: 5 },
      }),
    ).rejects.toThrow(EmailPropsError);
    await expect(
      sendEmail(t.deps, {
        to: 'not an address',
        template: 'magic-link',
        props: { url: 'https://x.example', expiresInMinutes: 5 },
      }),
    ).rejects.toThrow('The "magic-link" email cannot be sent: to must be an email address.');
    expect(await rowsTo(to)).toEqual([]);
  });

  it('a queue that cannot take the job leaves the email failed with the reason, not lost', async () => {
    const to = `${randomUUID()}@example.com`;
    const broken = {
      ...t.deps,
      queue: { send: () => Promise.reject(new Error('queue unavailable')) },
    };
    await expect(
      sendEmail(broken, {
        to,
        template: 'magic-link',
        props: { url: 'https://x.example', expiresInMinutes: 5 },
      }),
    ).rejects.toThrow('queue unavailable');
    expect(await rowsTo(to)).toMatchObject([
      { status: 'failed', lastError: 'Could not be queued: queue unavailable' },
    ]);
  });
});
