import { describe, expect, it } from 'vitest';
import { ZBranding } from './widget-settings-schema';

const branding = {
  primaryColor: '#0f766e',
  greeting: 'Hi!',
  position: 'bottom-right',
  suggestedQuestions: [],
};
const problemWith = (logoUrl: string) => {
  const result = ZBranding.safeParse({ ...branding, logoUrl, avatarUrl: logoUrl });
  return result.success ? null : result.error.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('branding image addresses', () => {
  it('accepts a public https image, and an empty field as "not set"', () => {
    expect(problemWith('https://cdn.shop.example/logo.png')).toBeNull();
    expect(problemWith('  ')).toBeNull();
  });

  it('refuses local and private hosts in every spelling, with a message for the admin', () => {
    for (const url of [
      'https://[::ffff:7f00:1]/logo.png',
      'https://[::ffff:a9fe:a9fe]/logo.png',
      'https://[64:ff9b::a9fe:a9fe]/logo.png',
      'https://[::127.0.0.1]/logo.png',
      'https://2130706433/logo.png',
      'https://0x7f.1/logo.png',
      'https://0177.0.0.1/logo.png',
      'https://192.168.1.1/logo.png',
      'https://localhost/logo.png',
      'https://router.local/logo.png',
      'https://intranet/logo.png',
    ])
      expect(problemWith(url), url).toEqual([
        expect.stringMatching(/^logoUrl: The address must be reachable on the public internet/),
        expect.stringMatching(/^avatarUrl: /),
      ]);
  });

  it('refuses http, other schemes, credentials and ports', () => {
    expect(problemWith('http://cdn.shop.example/logo.png')![0]).toBe(
      'logoUrl: The address must start with https://.',
    );
    expect(problemWith('javascript:alert(1)')![0]).toBe(
      'logoUrl: The address must start with https://.',
    );
    expect(problemWith('https://user:pw@cdn.shop.example/logo.png')![0]).toBe(
      'logoUrl: The address must not contain a user name or password.',
    );
    expect(problemWith('https://cdn.shop.example:8443/logo.png')![0]).toBe(
      'logoUrl: The image address must not name a port; use the usual https address.',
    );
  });
});
