import { checkOutboundUrl } from '@replyline/net';
import { z } from 'zod';

/**
 * A logo or avatar address. The visitor's browser loads it inside the chat frame, and its
 * origin is added to the frame's CSP `img-src`, so the rule is strict:
 * - https only (never `javascript:`, `data:` or plain http, which would be mixed content);
 * - no user name or password (they would end up in the CSP and in every visitor's page);
 * - the default port only: public image hosts need no other, and a port is how an address
 *   points at a service that is not a web server;
 * - a public host: not localhost, a name without a dot, a `.local`/`.internal` name or an IP
 *   literal that is not public unicast (every IPv4/IPv6 spelling, as for webhooks), so a
 *   tenant cannot aim visitors' browsers at their own networks.
 * Names are not resolved: our servers never fetch the image, visitors' browsers do.
 */
export const ZImageUrl = z
  .string()
  .trim()
  .max(2_000)
  .superRefine((value, ctx) => {
    const problem = imageUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export function imageUrlProblem(raw: string): string | null {
  const problem = checkOutboundUrl(raw);
  if (problem) return problem;
  if (new URL(raw).port)
    return 'The image address must not name a port; use the usual https address.';
  return null;
}
