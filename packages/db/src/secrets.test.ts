import { describe, expect, it } from 'vitest';
import { readDbEnv } from './env';
import { decryptSecret, encryptSecret, randomToken } from './secrets';

describe('tenant secrets at rest', () => {
  const key = 'k'.repeat(40);

  it('round-trip, with a fresh IV each time', () => {
    const a = encryptSecret('is_abc', key);
    const b = encryptSecret('is_abc', key);
    expect(a).not.toBe(b);
    expect(decryptSecret(a, key)).toBe('is_abc');
  });

  it('refuse a tampered value or the wrong key', () => {
    const stored = encryptSecret('is_abc', key);
    const [v, iv, tag, body] = stored.split('.');
    const flipped = `${v}.${iv}.${tag}.${body!.slice(0, -2)}${body!.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(() => decryptSecret(flipped, key)).toThrow();
    expect(() => decryptSecret(stored, 'x'.repeat(40))).toThrow();
    expect(() => decryptSecret('plaintext', key)).toThrow(/format/);
  });

  it('make unguessable tokens with a readable prefix', () => {
    expect(randomToken('pk_')).toMatch(/^pk_[A-Za-z0-9_-]{32}$/);
    expect(randomToken('pk_')).not.toBe(randomToken('pk_'));
  });
});

describe('database settings', () => {
  it('require ENCRYPTION_KEY in production, with a message that says how to make one', () => {
    expect(() => readDbEnv({ NODE_ENV: 'production' })).toThrow(
      /ENCRYPTION_KEY: is required in production/,
    );
    expect(
      readDbEnv({ NODE_ENV: 'production', ENCRYPTION_KEY: 'z'.repeat(48) }).ENCRYPTION_KEY,
    ).toHaveLength(48);
  });

  it('reject a DATABASE_URL that is not a Postgres URL, and treat empty as unset', () => {
    expect(() => readDbEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
    expect(readDbEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
