import { isIP } from 'node:net';

/**
 * The client's address as our proxy saw it: the last X-Forwarded-For entry, the one the proxy in
 * front of the dashboard appended (entries before it are whatever the client sent, so a limit
 * keyed on them could be dodged with a made-up header). Null without a proxy header.
 */
export function requestIp(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  const candidate = forwarded || request.headers.get('x-real-ip')?.trim();
  return candidate && isIP(candidate) ? candidate : null;
}
