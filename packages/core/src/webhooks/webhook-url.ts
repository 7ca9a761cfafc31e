import { checkOutboundUrl } from '@replyline/net';

/** This machine: a receiver developers run next to the app (hostnames are WHATWG-normalised). */
const LOOPBACK_HOST = /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why a webhook address is refused when it is saved, or null when it is fine: public https
 * only, except a receiver on this machine while developing. The shared outbound rule
 * (`@replyline/net`) judges literal IPs in every spelling; names are checked again when the
 * worker connects.
 */
export function webhookUrlProblem(raw: string, options: { allowLocal: boolean }): string | null {
  return checkOutboundUrl(raw, {
    allowPrivateAddresses: options.allowLocal && LOOPBACK_HOST.test(hostOf(raw)),
  });
}

function hostOf(raw: string): string {
  try {
    return new URL(raw).hostname;
  } catch {
    return '';
  }
}
