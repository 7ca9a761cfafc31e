import { contentHash } from '@replyline/db';
import { ResponseTooLargeError } from '@replyline/net';
import { extractPage, headerNoindex } from './extract-page';
import type { PageFetch } from './polite-fetcher';
import { reason } from './site-rules';
import type { StoredPage } from './page-store';
import { normalizeUrl } from './url-rules';

/** What one request taught the crawl about a page. */
export type PageVisit =
  | { kind: 'unchanged'; links: string[]; etag: string | null; lastModified: string | null }
  | {
      kind: 'content';
      title: string;
      text: string;
      hash: string;
      links: string[];
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'redirect'; target: string | null; httpStatus: number }
  /** The page is not to be indexed any more: its old document leaves the index. */
  | { kind: 'gone'; reason: string; httpStatus: number | null; links: string[] }
  /** Something went wrong this time (server error, timeout): the last good copy stays. */
  | { kind: 'error'; reason: string; httpStatus: number | null };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One page, asked for conditionally when we hold a copy (ETag / Last-Modified): 304 costs
 * nothing, and an answer whose extracted text hashes the same as before is also unchanged.
 */
export async function visitPage(
  fetchPage: PageFetch,
  url: string,
  previous: StoredPage | undefined,
): Promise<PageVisit> {
  const held = previous?.documentId ? previous : undefined;
  const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml' };
  if (held?.etag) headers['if-none-match'] = held.etag;
  if (held?.lastModified) headers['if-modified-since'] = held.lastModified;
  let response;
  try {
    response = await fetchPage(url, headers);
  } catch (error) {
    if (error instanceof ResponseTooLargeError)
      return {
        kind: 'error',
        reason: `The page is too large to import (${error.message})`,
        httpStatus: null,
      };
    return {
      kind: 'error',
      reason: `The page could not be reached: ${reason(error)}`,
      httpStatus: null,
    };
  }
  const validators = {
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
  if (response.status === 304 && held)
    return { kind: 'unchanged', links: held.links, ...validators };
  if (REDIRECTS.has(response.status)) {
    const location = response.headers.get('location');
    return {
      kind: 'redirect',
      target: location ? normalizeUrl(location, url) : null,
      httpStatus: response.status,
    };
  }
  if (response.status === 404 || response.status === 410)
    return {
      kind: 'gone',
      reason: `The page answered ${response.status} (not found).`,
      httpStatus: response.status,
      links: [],
    };
  if (!response.ok)
    return {
      kind: 'error',
      reason: `The page answered ${response.status} ${response.statusText}.`,
      httpStatus: response.status,
    };
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml')
    return {
      kind: 'gone',
      reason: `Not a web page (${type}); upload files like this one directly.`,
      httpStatus: response.status,
      links: [],
    };
  const page = extractPage(Buffer.from(response.body).toString('utf8'), url);
  const links = page.nofollow ? [] : page.links;
  if (page.noindex || headerNoindex(response.headers))
    return {
      kind: 'gone',
      reason: 'The page asks not to be indexed (noindex).',
      httpStatus: response.status,
      links,
    };
  if (!page.text.trim())
    return {
      kind: 'gone',
      reason: 'The page has no text to import.',
      httpStatus: response.status,
      links,
    };
  const hash = contentHash(page.title, page.text);
  if (held && held.contentHash === hash) return { kind: 'unchanged', links, ...validators };
  return { kind: 'content', title: page.title, text: page.text, hash, links, ...validators };
}
