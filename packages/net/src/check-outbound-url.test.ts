import { describe, expect, it } from 'vitest';
import { checkOutboundUrl } from './check-outbound-url';

const production = {};
const development = { allowPrivateAddresses: true };

describe('checkOutboundUrl', () => {
  it('accepts a public https address', () => {
    expect(checkOutboundUrl('https://hooks.slack.com/services/T0/B0/x', production)).toBeNull();
    expect(checkOutboundUrl('https://hooks.example.com:8443/x', production)).toBeNull();
    expect(checkOutboundUrl('https://[2606:4700::1111]/x', production)).toBeNull();
  });

  it('refuses every local spelling the issue and the WHATWG parser allow', () => {
    for (const url of [
      'https://[::ffff:7f00:1]:8443/hook',
      'https://[::ffff:a9fe:a9fe]/latest/meta-data',
      'https://[64:ff9b::a9fe:a9fe]/x',
      'https://[::127.0.0.1]/x',
      'https://[::1]/x',
      'https://[fe80::1]/x',
      'https://[fc00::1]/x',
      'https://127.0.0.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/x',
      'https://2130706433/',
      'https://0x7f.1/',
      'https://0177.0.0.1/',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://LOCALHOST./x',
      'https://printer.local/x',
      'https://metadata.google.internal/x',
      'https://intranet/x',
    ])
      expect(checkOutboundUrl(url, production), url).toMatch(/public internet/);
  });

  it('normalises decimal, octal and hex IPv4 before judging it', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/'])
      expect(checkOutboundUrl(url.replace('http:', 'https:'), production)).toBe(
        'The address must be reachable on the public internet; 127.0.0.1 is a local or private address.',
      );
  });

  it('wants https, no credentials, and a real address', () => {
    expect(checkOutboundUrl('http://hooks.example.com/x', production)).toBe(
      'The address must start with https://.',
    );
    expect(checkOutboundUrl('ftp://hooks.example.com/x', production)).toBe(
      'The address must start with https://.',
    );
    expect(checkOutboundUrl('https://user:pass@hooks.example.com/x', production)).toBe(
      'The address must not contain a user name or password.',
    );
    expect(checkOutboundUrl('not a url', production)).toBe(
      'Enter a full address, starting with https://.',
    );
  });

  it('lets development reach local receivers over http, but not public ones', () => {
    expect(checkOutboundUrl('http://localhost:8080/hook', development)).toBeNull();
    expect(checkOutboundUrl('http://127.0.0.1:8080/hook', development)).toBeNull();
    expect(checkOutboundUrl('http://hooks.example.com/x', development)).not.toBeNull();
    expect(checkOutboundUrl('http://localhost:8080/hook', production)).not.toBeNull();
  });
});
