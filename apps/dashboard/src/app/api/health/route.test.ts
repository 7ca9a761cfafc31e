import { describe, expect, it } from 'vitest';
import { GET, dynamic } from './route';

describe('GET /api/health', () => {
  it('responds 200 with the app name as JSON', async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(res.json()).resolves.toEqual({ ok: true, app: 'dashboard' });
  });

  it('is never cached', () => {
    expect(dynamic).toBe('force-dynamic');
    expect(GET().headers.get('cache-control')).toBe('no-store');
  });
});
