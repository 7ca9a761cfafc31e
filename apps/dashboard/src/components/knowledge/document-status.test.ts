import { describe, expect, it } from 'vitest';
import { pagesText, pollInterval, POLL_MS, type KnowledgeDocument } from './document-status';

const doc = (overrides: Partial<KnowledgeDocument>): KnowledgeDocument => ({
  id: 'd',
  kind: 'pdf',
  title: 'Price list',
  sourceUrl: null,
  status: 'ready',
  error: null,
  pagesDone: 0,
  pagesTotal: null,
  sizeBytes: 1_000,
  chunkCount: 3,
  updatedAt: new Date().toISOString(),
  ...overrides,
});

describe('the document list', () => {
  it('polls every 2 s while a document is queued or processing, and stops after', () => {
    expect(pollInterval(undefined)).toBe(false);
    expect(pollInterval([doc({ status: 'ready' }), doc({ status: 'failed' })])).toBe(false);
    expect(pollInterval([doc({ status: 'ready' }), doc({ status: 'queued' })])).toBe(POLL_MS);
    expect(pollInterval([doc({ status: 'processing' })])).toBe(2_000);
  });

  it('shows pages read while processing and the page count when done', () => {
    expect(pagesText(doc({ status: 'processing', pagesTotal: null }))).toBe('Reading the file…');
    expect(pagesText(doc({ status: 'processing', pagesDone: 3, pagesTotal: 12 }))).toBe(
      'Page 3 of 12',
    );
    expect(pagesText(doc({ status: 'ready', pagesDone: 12, pagesTotal: 12 }))).toBe('12 pages');
    expect(pagesText(doc({ status: 'ready', kind: 'markdown' }))).toBeNull();
  });
});
