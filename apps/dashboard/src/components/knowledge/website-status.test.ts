import { describe, expect, it } from 'vitest';
import { POLL_MS } from './document-status';
import {
  crawlProgress,
  patternsFrom,
  sourcePollInterval,
  type WebsiteSource,
} from './website-status';

const source = (overrides: Partial<WebsiteSource>) =>
  ({
    status: 'ready',
    pagesDone: 0,
    pagesFound: 0,
    pagesChanged: 0,
    pagesFailed: 0,
    ...overrides,
  }) as WebsiteSource;

describe('website crawl status', () => {
  it('says how far a crawl got, and what the last one changed', () => {
    expect(
      crawlProgress(source({ status: 'crawling', pagesDone: 12, pagesFound: 40, pagesFailed: 2 })),
    ).toBe('12 of 40 pages read, 2 failed');
    expect(crawlProgress(source({ pagesDone: 40, pagesChanged: 1 }))).toBe(
      '40 pages checked, 1 changed',
    );
    expect(crawlProgress(source({ status: 'queued' }))).toBeNull();
  });

  it('polls only while a crawl waits or runs', () => {
    expect(sourcePollInterval([source({}), source({ status: 'crawling' })])).toBe(POLL_MS);
    expect(sourcePollInterval([source({}), source({ status: 'failed' })])).toBe(false);
  });

  it('reads patterns one a line or comma-separated', () => {
    expect(patternsFrom(' /help/*\n\n/faq, *?print=* ')).toEqual(['/help/*', '/faq', '*?print=*']);
  });
});
