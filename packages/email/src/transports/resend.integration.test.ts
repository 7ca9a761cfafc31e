import { schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readEmailEnv } from '../env';
import { EmailSendError } from '../errors';
import { sendEmail } from '../send-email';
import { useEmailTestbed } from '../testing/email-testbed';
import { FAST_RETRY } from '../testing/fixtures';
import { startResendStub, type ResendStub } from '../testing/resend-stub';
import { transportFromEnv } from './from-env';
import { resendTransport } from './resend';

const API_KEY = 're_test_0123456789';
const FROM = 'Acme via Replyline <support@acme.example>';

let stub: ResendStub;
beforeEach(async () => {
  stub = await startResendStub({ apiKey: API_KEY });
});
afterEach(() => stub.close());

const email = {
  id: '6f1c0d3e-2b1a-4c6e-9f00-0123456789ab',
  to: 'ann@example.com',
  subject: 'Re: your request #7',
  html: '<p>Hello</p>',
  text: 'Hello',
};

describe('the Resend transport, against a local stub of its API', () => {
  it('posts the email with the SDK: bearer key, JSON body, idempotency key; returns the id', async () => {
    const transport = resendTransport({ apiKey: API_KEY, from: FROM, baseUrl: stub.url });
    const result = await transport.send({ ...email, replyTo: 'reply+abc234@reply.acme.example' });

    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/emails' });
    expect(request!.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/json',
      'idempotency-key': `outbound-email/${email.id}`,
    });
    expect(request!.body).toMatchObject({
      from: FROM,
      to: 'ann@example.com',
      subject: 'Re: your request #7',
      html: '<p>Hello</p>',
      text: 'Hello',
      reply_to: 'reply+abc234@reply.acme.example',
    });
    expect(result).toEqual({ status: 'sent', providerMessageId: stub.accepted[0]!.id });
  });

  it('is picked from the settings, base URL included', async () => {
    const env = readEmailEnv({
      RESEND_API_KEY: API_KEY,
      RESEND_BASE_URL: `${stub.url}/`,
      EMAIL_FROM: FROM,
    });
    const transport = transportFromEnv(env);
    expect(transport.name).toBe('resend');
    await transport.send(email);
    expect(stub.accepted).toHaveLength(1);
  });

  it('turns a refusal (4xx) into a permanent error with Resend’s reason', async () => {
    stub.failNext({ status: 422, name: 'validation_error', message: 'Invalid `to` field.' });
    const transport = resendTransport({ apiKey: API_KEY, from: FROM, baseUrl: stub.url });
    const error = await transport.send(email).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({
      message: 'Resend did not accept the email (422, validation_error): Invalid `to` field.',
      permanent: true,
    });
  });

  it('treats 5xx, 429 and an unreachable server as passing trouble, worth a retry', async () => {
    const transport = resendTransport({ apiKey: API_KEY, from: FROM, baseUrl: stub.url });
    stub.failNext({ status: 500, name: 'internal_server_error', message: 'Unexpected error.' });
    await expect(transport.send(email)).rejects.toMatchObject({
      permanent: false,
      options: { status: 500 },
    });
    stub.failNext({ status: 429, name: 'rate_limit_exceeded', message: 'Too many requests.' });
    await expect(transport.send(email)).rejects.toMatchObject({ permanent: false });

    const closed = await startResendStub({ apiKey: API_KEY });
    await closed.close();
    const unreachable = resendTransport({ apiKey: API_KEY, from: FROM, baseUrl: closed.url });
    await expect(unreachable.send(email)).rejects.toMatchObject({
      message: expect.stringContaining('(no response, application_error)'),
      permanent: false,
    });
  });

  it('a wrong key is refused and says so', async () => {
    const transport = resendTransport({
      apiKey: 're_wrong_key_999',
      from: FROM,
      baseUrl: stub.url,
    });
    await expect(transport.send(email)).rejects.toThrow(
      'Resend did not accept the email (403, invalid_api_key): API key is invalid.',
    );
  });
});

describe('sendEmail + worker through Resend', () => {
  const t = useEmailTestbed();
  beforeEach(async () => {
    const transport = resendTransport({ apiKey: API_KEY, from: FROM, baseUrl: stub.url });
    await t.startWorker({ transport });
  });

  const reply = () =>
    sendEmail(t.deps, {
      to: 'ann@example.com',
      template: 'ticket-reply',
      props: {
        workspaceName: 'Acme',
        ticketNumber: 7,
        agentName: 'Maja',
        reply: 'A new pole is on its way.',
      },
    });

  const settled = (emailId: string) =>
    vi.waitFor(
      async () => {
        const [row] = await t.db
          .select()
          .from(schema.outboundEmails)
          .where(eq(schema.outboundEmails.id, emailId));
        if (row!.status === 'queued') throw new Error('still queued');
        return row!;
      },
      { timeout: 30_000, interval: 100 },
    );

  it('delivers the rendered email and records Resend’s id', async () => {
    const { emailId } = await reply();
    const row = await settled(emailId);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerMessageId: stub.accepted[0]!.id,
    });
    expect(stub.accepted[0]!.body).toMatchObject({
      from: FROM,
      to: 'ann@example.com',
      subject: 'Re: your request #7 to Acme',
      html: row.html,
      text: row.text,
    });
  });

  it('retries after 5xx answers and records each error until it goes through', async () => {
    stub.failNext({ status: 503, name: 'application_error', message: 'Service unavailable.' }, 2);
    const { emailId } = await reply();
    expect(await settled(emailId)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(stub.requests).toHaveLength(3);
    // Every attempt carried the same idempotency key: Resend would deliver it once.
    expect(new Set(stub.requests.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([`outbound-email/${emailId}`]),
    );
  });

  it('a 4xx refusal ends failed at once, with Resend’s reason recorded', async () => {
    stub.failNext({ status: 422, name: 'invalid_from_address', message: 'Invalid `from` field.' });
    const { emailId } = await reply();
    expect(await settled(emailId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError:
        'Resend did not accept the email (422, invalid_from_address): Invalid `from` field.',
      providerMessageId: null,
    });
  });

  it('a 5xx on every attempt ends failed with the last error', async () => {
    stub.failNext({ status: 500, name: 'internal_server_error', message: 'Unexpected error.' }, 10);
    const { emailId } = await reply();
    expect(await settled(emailId)).toMatchObject({
      status: 'failed',
      attempts: 1 + FAST_RETRY.retryLimit,
      lastError: 'Resend did not accept the email (500, internal_server_error): Unexpected error.',
    });
  });
});
