import createFetchClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

export type { components, paths };

/** Schemas of the API by name, e.g. `Schema<'Document'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export interface ReplylineClientOptions {
  /** Where the Replyline API answers, e.g. `https://api.replyline.example`. */
  baseUrl: string;
  /** A workspace's secret key (`sk_…`) from Settings → API keys. Keep it on your server. */
  secretKey: string;
  /** A fetch of your own (tests, proxies); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A typed client of the management API: every path, parameter, body and answer is checked
 * against the API's OpenAPI document. Calls answer `{ data }` or `{ error }` (the API's
 * `{ error: { code, message, requestId } }`), and never throw for an HTTP status.
 */
export function createReplylineClient(options: ReplylineClientOptions): Client<paths> {
  if (!options.secretKey.startsWith('sk_'))
    throw new Error(
      'A Replyline secret key starts with "sk_"; make one under Settings → API keys.',
    );
  return createFetchClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.secretKey}` },
    fetch: options.fetch,
  });
}
