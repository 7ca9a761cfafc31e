import { safeFetch, type Resolve, type SafeResponse } from '@replyline/net';

export interface CrawlFetchOptions {
  /** Sent with every request, so a site owner can tell who visits and why. */
  userAgent: string;
  /** Pause between two requests to the same host. */
  delayMs: number;
  /** One request's limit, connecting to the last byte. */
  timeoutMs: number;
  /** A larger answer is cut off and the page reported as too large. */
  maxPageBytes: number;
  /**
   * Development and tests only (a site served on localhost). Set from validated server
   * configuration, never from tenant input: production refuses private addresses.
   */
  allowPrivateAddresses?: boolean;
  resolve?: Resolve;
}

export const DEFAULT_CRAWL_FETCH: CrawlFetchOptions = {
  userAgent: 'ReplylineBot/1.0 (+knowledge import of a site its owner added)',
  delayMs: 1_000,
  timeoutMs: 15_000,
  maxPageBytes: 5 * 1024 * 1024,
};

export type PageFetch = (url: string, headers?: Record<string, string>) => Promise<SafeResponse>;

/**
 * Fetches through the SSRF-safe client, one request at a time per host with a pause between
 * them; redirects are returned, not followed (the crawl checks their targets like any link).
 */
export function politeFetcher(options: CrawlFetchOptions): PageFetch {
  const hostTurns = new Map<string, Promise<unknown>>();
  const lastRequestAt = new Map<string, number>();
  return (url, headers = {}) => {
    const host = new URL(url).host;
    const previous = hostTurns.get(host) ?? Promise.resolve();
    const turn = previous
      .catch(() => undefined)
      .then(async () => {
        const wait = (lastRequestAt.get(host) ?? 0) + options.delayMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          return await safeFetch(
            url,
            { headers: { 'user-agent': options.userAgent, ...headers } },
            {
              allowPrivateAddresses: options.allowPrivateAddresses,
              resolve: options.resolve,
              timeoutMs: options.timeoutMs,
              maxResponseBytes: options.maxPageBytes,
            },
          );
        } finally {
          lastRequestAt.set(host, Date.now());
        }
      });
    hostTurns.set(host, turn);
    return turn;
  };
}
