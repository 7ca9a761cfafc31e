import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KeyRow, NewKeyNotice } from './api-keys';

const key = {
  id: 'k1',
  name: 'Shop sync',
  scope: 'write' as const,
  lastFour: 'Zx9Q',
  createdAt: '2026-12-01T10:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
};

const row = (overrides: Partial<typeof key> | { revokedAt: string }) =>
  renderToString(
    <table>
      <tbody>
        <KeyRow apiKey={{ ...key, ...overrides }} revoking={false} onRevoke={() => undefined} />
      </tbody>
    </table>,
  );

describe('API keys', () => {
  it('lists a key by its last four characters, scope and last use, with Revoke', () => {
    const html = row({});
    expect(html).toContain('sk_…Zx9Q');
    expect(html).toContain('Read and write');
    expect(html).toContain('Never');
    expect(html).toContain('Revoke</button>');
  });

  it('shows a revoked key as revoked, with nothing to press', () => {
    const html = row({ revokedAt: '2026-12-02T10:00:00Z' });
    expect(html).toContain('Revoked');
    expect(html).not.toContain('<button');
  });

  it('shows a new key once, with a way to copy it', () => {
    const html = renderToString(<NewKeyNotice name="Shop sync" keyText="sk_abc" />);
    expect(html).toContain('sk_abc');
    expect(html).toContain('shown only now');
    expect(html).toContain('Copy secret key');
  });
});
