import type { AppRouter } from '@replyline/trpc';
import type { inferRouterOutputs } from '@trpc/server';
import { POLL_MS } from './document-status';

export type WebsiteSource = inferRouterOutputs<AppRouter>['knowledge']['websites'][number];

export const SOURCE_STATUS_LABEL: Record<WebsiteSource['status'], string> = {
  queued: 'Queued',
  crawling: 'Reading pages',
  ready: 'Ready',
  failed: 'Failed',
};

export const SCHEDULE_LABEL: Record<WebsiteSource['schedule'], string> = {
  daily: 'Every day',
  weekly: 'Every week',
  manual: 'Only when I ask',
};

/** Poll while a crawl waits or runs; stop once every source settled. */
export function sourcePollInterval(sources: readonly WebsiteSource[] | undefined): number | false {
  return sources?.some((s) => s.status === 'queued' || s.status === 'crawling') ? POLL_MS : false;
}

/** "12 of 40 pages read, 2 failed" while crawling; what the last crawl did once done. */
export function crawlProgress(
  source: Pick<
    WebsiteSource,
    'status' | 'pagesDone' | 'pagesFound' | 'pagesChanged' | 'pagesFailed'
  >,
): string | null {
  const failed = source.pagesFailed ? `, ${source.pagesFailed} failed` : '';
  if (source.status === 'crawling')
    return `${source.pagesDone} of ${Math.max(source.pagesFound, source.pagesDone)} pages read${failed}`;
  if (source.status === 'ready' && source.pagesDone)
    return `${source.pagesDone} pages checked, ${source.pagesChanged} changed${failed}`;
  return null;
}

/** Patterns typed one a line (or comma-separated), blanks dropped. */
export function patternsFrom(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);
}
