import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredIntegrations, limitSettings, readApiEnv } from './env';
import { createExtractiveModel } from '@replyline/ai';
import { createLogger } from './logger';
import { createPublicApi } from './public/public-api';
import { createApiServer, defaultRoutes } from './server';

interface HealthBody {
  status: string;
  database: Record<string, unknown>;
  integrations: Record<string, boolean>;
  defaults: Record<string, string>;
}
interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

let t: TestDatabase;
const logLines: Record<string, unknown>[] = [];
const logSink = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

async function startServer(env: NodeJS.ProcessEnv = {}) {
  const apiEnv = readApiEnv(env);
  const logger = createLogger('info', logSink);
  const server = createApiServer(
    {
      db: t.db,
      databaseKind: t.kind,
      integrations: configuredIntegrations(apiEnv),
      logger,
      publicApi: createPublicApi({
        db: t.db,
        logger,
        limits: limitSettings(apiEnv),
        chat: { model: createExtractiveModel(), embedder: null },
        checkQuota: async () => ({ allowed: true, used: 0, included: 100 }),
      }),
    },
    defaultRoutes({ production: false }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

beforeAll(async () => {
  t = await openTestDatabase();
}, 60_000);
afterAll(async () => t?.close());

describe('GET /health', () => {
  it('reports the database and that every optional integration is off by default', async () => {
    const api = await startServer();
    const res = await fetch(`${api.base}/health`);
    const body = (await res.json()) as HealthBody;
    await api.close();
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({
      status: 'up',
      migrated: true,
      engine: t.kind,
      driver: t.kind,
      searchIndexUsable: true,
    });
    expect(body.integrations).toEqual({
      openai: false,
      embeddings: false,
      stripe: false,
      resend: false,
    });
    expect(body.defaults).toEqual({
      chatModel: 'extractive',
      search: 'full-text',
      email: 'dev-outbox',
      billing: 'local-plans',
    });
  });

  it('names the integrations that are configured', async () => {
    const api = await startServer({
      OPENAI_API_KEY: 'sk-test-123456',
      EMBEDDINGS_MODEL: 'text-embedding-3-small',
      STRIPE_SECRET_KEY: 'sk_test_12345678',
      STRIPE_WEBHOOK_SECRET: 'whsec_12345678',
    });
    const body = (await (await fetch(`${api.base}/health`)).json()) as HealthBody;
    await api.close();
    expect(body.integrations).toEqual({
      openai: true,
      embeddings: true,
      stripe: true,
      resend: false,
    });
    expect(body.defaults.chatModel).toBe('openai');
  });
});

describe('requests', () => {
  it('log one JSON line each with the request id, which is echoed back', async () => {
    const api = await startServer();
    const res = await fetch(`${api.base}/health`, {
      headers: { 'x-request-id': 'trace-abc-12345' },
    });
    await res.arrayBuffer();
    await api.close();
    expect(res.headers.get('x-request-id')).toBe('trace-abc-12345');
    const line = logLines.find((l) => l.reqId === 'trace-abc-12345');
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/health',
      status: 200,
      service: 'api',
    });
  });

  it('replace a request id that does not look like one', async () => {
    const api = await startServer();
    const res = await fetch(`${api.base}/health`, {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    await api.close();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answer unknown paths and wrong methods with a status and a readable message', async () => {
    const api = await startServer();
    const missing = await fetch(`${api.base}/nope`);
    const wrongMethod = await fetch(`${api.base}/health`, { method: 'POST' });
    const bodies = [(await missing.json()) as ErrorBody, (await wrongMethod.json()) as ErrorBody];
    await api.close();
    expect(missing.status).toBe(404);
    expect(bodies[0]!.error).toMatchObject({
      code: 'not_found',
      message: 'There is nothing at /nope.',
    });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect(bodies[1]!.error.message).toContain('use GET');
  });
});

describe('start-up settings', () => {
  it('stop start-up with a clear message when a required secret is missing or malformed', () => {
    expect(() => readApiEnv({ STRIPE_SECRET_KEY: 'sk_test_12345678' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: is required when STRIPE_SECRET_KEY is set/,
    );
    expect(() =>
      readApiEnv({
        STRIPE_SECRET_KEY: 'pk_test_12345678',
        STRIPE_WEBHOOK_SECRET: 'whsec_12345678',
      }),
    ).toThrow(/STRIPE_SECRET_KEY: must start with "sk_"/);
    expect(() => readApiEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('treat empty values as unset, as a copied .env.example leaves them', () => {
    expect(configuredIntegrations(readApiEnv({ OPENAI_API_KEY: '', RESEND_API_KEY: '' }))).toEqual({
      openai: false,
      embeddings: false,
      stripe: false,
      resend: false,
    });
  });
});
