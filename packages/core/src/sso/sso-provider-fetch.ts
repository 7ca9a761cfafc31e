import { safeFetch } from '@replyline/net';
import { ssoMayReachLocal } from './env';

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The `fetch` sign-in uses for a workspace's identity provider (discovery, token, userinfo):
 * `safeFetch` underneath, so an issuer whose name later points into our network (DNS
 * rebinding after the discovery check at save time) is refused when connecting.
 */
export function ssoProviderFetch(options: { allowPrivateAddresses?: boolean } = {}): typeof fetch {
  const allowPrivateAddresses = options.allowPrivateAddresses ?? ssoMayReachLocal();
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? await request.text() : undefined;
    const answer = await safeFetch(
      request.url,
      { method: request.method, headers: [...request.headers], body },
      { allowPrivateAddresses, timeoutMs: 10_000 },
    );
    return new Response(NO_BODY.has(answer.status) ? null : new Uint8Array(answer.body), {
      status: answer.status,
      statusText: answer.statusText,
      headers: [...answer.headers],
    });
  };
}
