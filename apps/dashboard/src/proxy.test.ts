import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The headers the proxy adds to a response, with the dashboard started with `env`. */
async function headersFor(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { proxy } = await import('./proxy');
  return proxy().headers;
}

describe('the dashboard proxy', () => {
  it('sends the CSP, frame, sniffing and referrer headers, framing only the API', async () => {
    const headers = await headersFor({
      NODE_ENV: 'production',
      API_URL: 'https://api.replyline.example/v1/',
    });
    const csp = headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('frame-src https://api.replyline.example;');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('same-origin');
  });

  it('lets `next dev` evaluate code and reload over its websocket', async () => {
    const headers = await headersFor({ NODE_ENV: 'development' });
    const csp = headers.get('content-security-policy')!;
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain('frame-src http://localhost:4000;');
  });
});
