import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readReplyAddress, ticketReplyAddress } from './reply-address';
import { stripQuotedReply } from './strip-quoted-reply';
import { verifySvixSignature } from './verify-svix';

const tenantId = '3f6c1a2e-9b4d-4e7a-8c1f-0a2b3c4d5e6f';
const domain = 'reply.example.com';

describe('ticket reply addresses', () => {
  it('name the workspace and ticket, fit a local part, and survive case changes', () => {
    const address = ticketReplyAddress(tenantId, 1042, domain);
    expect(address).toMatch(/^reply\+[a-z2-7]{45}@reply\.example\.com$/);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(readReplyAddress(address, domain)).toEqual({ tenantId, ticketNumber: 1042 });
    expect(readReplyAddress(`Ann <${address.toUpperCase()}>`, domain)).toEqual({
      tenantId,
      ticketNumber: 1042,
    });
  });

  it('refuse a changed ticket, workspace or domain, and made-up tokens', () => {
    const address = ticketReplyAddress(tenantId, 7, domain);
    const other = ticketReplyAddress(tenantId, 8, domain);
    // The other ticket's token with this one's MAC: refused.
    const spliced = `${other.slice(0, 6 + 32)}${address.slice(6 + 32)}`;
    expect(readReplyAddress(spliced, domain)).toBeNull();
    expect(readReplyAddress(address, 'reply.evil.example')).toBeNull();
    expect(readReplyAddress(`reply+${'a'.repeat(45)}@${domain}`, domain)).toBeNull();
    expect(readReplyAddress(`support@${domain}`, domain)).toBeNull();
    // The last character's spare bit flipped: same bytes, another spelling, refused.
    const last = address.indexOf('@') - 1;
    const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
    const respelled = ALPHABET[ALPHABET.indexOf(address[last]!) ^ 1]!;
    expect(
      readReplyAddress(`${address.slice(0, last)}${respelled}${address.slice(last + 1)}`, domain),
    ).toBeNull();
  });
});

describe('quoted history and signatures', () => {
  it('keeps only the new words', () => {
    expect(
      stripQuotedReply(
        'Yes, Friday works.\r\nThanks!\r\n\r\n-- \r\nAnn\r\n\r\nOn Tue, 3 Mar 2026 at 10:00, Acme <reply+x@d> wrote:\r\n> When can we come?',
      ),
    ).toBe('Yes, Friday works.\nThanks!');
    expect(stripQuotedReply('Sounds good\n\nSent from my iPhone')).toBe('Sounds good');
    expect(
      stripQuotedReply('Fine.\n\nFrom: Acme Support\nSent: Monday\nTo: Ann\nSubject: Re: tent'),
    ).toBe('Fine.');
    expect(stripQuotedReply('Fine.\n-----Original Message-----\nold')).toBe('Fine.');
  });
});

describe('svix-style signatures (Resend inbound)', () => {
  const secret = `whsec_${Buffer.from('inbound-test-secret-32-bytes-long!').toString('base64')}`;
  const body = JSON.stringify({ type: 'email.received', data: { email_id: 'e1' } });
  const sign = (id: string, timestamp: number, payload = body) =>
    createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`${id}.${timestamp}.${payload}`)
      .digest('base64');
  const now = new Date('2026-03-03T10:00:00Z');
  const ts = Math.floor(now.getTime() / 1000);

  it('accepts a fresh, correct signature among several', () => {
    const headers = {
      'svix-id': 'msg_1',
      'svix-timestamp': String(ts),
      'svix-signature': `v1,bm90LWl0 v1,${sign('msg_1', ts)}`,
    };
    expect(verifySvixSignature(secret, headers, body, now)).toBe('msg_1');
  });

  it('refuses unsigned, forged, altered and stale deliveries, saying which', () => {
    expect(() => verifySvixSignature(secret, {}, body, now)).toThrow('not signed');
    const forged = {
      'svix-id': 'msg_1',
      'svix-timestamp': String(ts),
      'svix-signature': 'v1,AAAA',
    };
    expect(() => verifySvixSignature(secret, forged, body, now)).toThrow('does not match');
    const signed = {
      'svix-id': 'msg_1',
      'svix-timestamp': String(ts),
      'svix-signature': `v1,${sign('msg_1', ts)}`,
    };
    expect(() => verifySvixSignature(secret, signed, `${body} `, now)).toThrow('does not match');
    const old = ts - 10 * 60;
    const stale = {
      'svix-id': 'msg_1',
      'svix-timestamp': String(old),
      'svix-signature': `v1,${sign('msg_1', old)}`,
    };
    expect(() => verifySvixSignature(secret, stale, body, now)).toThrow('too old');
  });
});
