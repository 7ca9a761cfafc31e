import { createHmac, timingSafeEqual } from 'node:crypto';
import { purposeKey, type TenantId } from '@replyline/db';
import { readInboundEmailEnv } from './env';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 64 bits of HMAC: guessing a valid address for a ticket takes 2^63 tries on average. */
const MAC_BYTES = 8;
const TOKEN_BYTES = 16 + 4 + MAC_BYTES;

/**
 * The address a customer's reply to a ticket email goes to: `reply+<token>@<inbound domain>`.
 * The token carries the workspace id and the ticket number with an HMAC over both (keyed from
 * ENCRYPTION_KEY for this purpose only), so an inbound email is threaded by this address alone
 * and nobody can make one that lands in another ticket or workspace. Lower-case base32 keeps
 * it intact through mail systems that change the case of addresses; 51 characters before the
 * @ stay inside the 64 a local part may have.
 */
export function ticketReplyAddress(
  tenantId: TenantId | string,
  ticketNumber: number,
  domain = readInboundEmailEnv().INBOUND_EMAIL_DOMAIN,
): string {
  const payload = Buffer.alloc(20);
  Buffer.from(tenantId.replaceAll('-', ''), 'hex').copy(payload, 0);
  payload.writeUInt32BE(ticketNumber, 16);
  const token = Buffer.concat([payload, macOf(payload)]);
  return `reply+${base32(token)}@${domain}`;
}

/** The workspace and ticket a reply address names, or null when it is not one we signed. */
export function readReplyAddress(
  address: string,
  domain = readInboundEmailEnv().INBOUND_EMAIL_DOMAIN,
): { tenantId: TenantId; ticketNumber: number } | null {
  const match = /^reply\+([a-z2-7]+)@(.+)$/.exec(bareAddress(address).toLowerCase());
  if (!match || match[2] !== domain.toLowerCase()) return null;
  const token = fromBase32(match[1]!);
  // One spelling per token: the last character's spare bit may not vary.
  if (token?.length !== TOKEN_BYTES || base32(token) !== match[1]) return null;
  const payload = token.subarray(0, 20);
  if (!timingSafeEqual(token.subarray(20), macOf(payload))) return null;
  const hex = payload.subarray(0, 16).toString('hex');
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId: tenantId as TenantId, ticketNumber: payload.readUInt32BE(16) };
}

/** `Ann <reply+x@d>` → `reply+x@d`. */
export function bareAddress(address: string): string {
  return (/<([^>]+)>/.exec(address)?.[1] ?? address).trim();
}

function macOf(payload: Buffer): Buffer {
  return createHmac('sha256', purposeKey('ticket-reply-address'))
    .update(payload)
    .digest()
    .subarray(0, MAC_BYTES);
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
