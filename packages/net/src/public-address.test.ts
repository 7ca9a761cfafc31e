import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './public-address';
import { publicOnlyLookup } from './public-lookup';

describe('isPublicAddress', () => {
  it('refuses every non-public form, IPv6 spellings of IPv4 included', () => {
    for (const address of [
      // The bypasses: IPv4-mapped, NAT64 and IPv4-compatible spellings.
      '::ffff:7f00:1',
      '[::ffff:7f00:1]',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a9fe:a9fe',
      '::127.0.0.1',
      '::7f00:1',
      '::8.8.8.8',
      // Loopback, private, link-local (metadata), CGNAT, unspecified, broadcast, multicast.
      '127.0.0.1',
      '127.1.2.3',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '192.0.2.1',
      '::1',
      '::',
      'fe80::1',
      'fe80::1%eth0',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '2002:7f00:1::1', // 6to4 wrapping 127.0.0.1
      '2001:0:4136:e378::1', // Teredo
      '2001:db8::1', // documentation
      // Not plain addresses: non-decimal IPv4 spellings, names, junk.
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      'localhost',
      'example.com',
      '',
    ])
      expect(isPublicAddress(address), address).toBe(false);
  });

  it('accepts public unicast', () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111'])
      expect(isPublicAddress(address), address).toBe(true);
  });
});

describe('publicOnlyLookup', () => {
  const lookupWith = (answers: string[], options: { all?: boolean } = {}) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      publicOnlyLookup(async () => answers.map((address) => ({ address, family: 4 })))(
        'hooks.example.com',
        options,
        (error, address) => resolve({ error, address }),
      ),
    );

  it('hands the socket the public address it checked', async () => {
    expect(await lookupWith(['93.184.216.34'])).toEqual({ error: null, address: '93.184.216.34' });
    expect((await lookupWith(['93.184.216.34'], { all: true })).address).toEqual([
      { address: '93.184.216.34', family: 4 },
    ]);
  });

  it('refuses a name when any of its addresses is not public', async () => {
    const { error } = await lookupWith(['93.184.216.34', '127.0.0.1']);
    expect(error?.message).toBe(
      'hooks.example.com points to 127.0.0.1, which is not a public internet address.',
    );
    expect((await lookupWith([])).error).not.toBeNull();
  });
});
