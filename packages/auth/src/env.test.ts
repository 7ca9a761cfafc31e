import { describe, expect, it } from 'vitest';
import { readAuthEnv } from './env';

describe('sign-in settings', () => {
  it('run with nothing set on a laptop: http://localhost:3001 and a development secret', () => {
    expect(readAuthEnv({})).toMatchObject({
      dashboardOrigin: 'http://localhost:3001',
      secureCookies: false,
    });
    expect(readAuthEnv({}).secret.length).toBeGreaterThanOrEqual(32);
  });

  it('stop production without AUTH_SECRET, saying how to make one', () => {
    expect(() => readAuthEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET.*openssl rand/);
  });

  it('use secure cookies behind https, with AUTH_URL winning over DASHBOARD_URL', () => {
    const env = readAuthEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: 's'.repeat(40),
      DASHBOARD_URL: 'http://internal:3001',
      AUTH_URL: 'https://app.replyline.example/api/auth',
    });
    expect(env).toEqual({
      secret: 's'.repeat(40),
      dashboardOrigin: 'https://app.replyline.example',
      secureCookies: true,
    });
  });

  it('refuse a short secret or an address that is not http(s)', () => {
    expect(() => readAuthEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
    expect(() => readAuthEnv({ DASHBOARD_URL: 'ftp://x.example' })).toThrow(/DASHBOARD_URL/);
  });
});
