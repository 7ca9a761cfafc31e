import type { AppRouter } from '@replyline/trpc';
import type { inferRouterOutputs } from '@trpc/server';

export type KnowledgeDocument = inferRouterOutputs<AppRouter>['knowledge']['list'][number];

/** How often the list is read again while a document is being processed. */
export const POLL_MS = 2_000;

const PENDING = new Set<KnowledgeDocument['status']>(['queued', 'processing']);

/** Poll while anything waits for, or is in, processing; stop once everything settled. */
export function pollInterval(documents: readonly KnowledgeDocument[] | undefined): number | false {
  return documents?.some((d) => PENDING.has(d.status)) ? POLL_MS : false;
}

const STATUS_LABEL: Record<KnowledgeDocument['status'], string> = {
  queued: 'Queued',
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
};

export function statusLabel(document: Pick<KnowledgeDocument, 'status'>): string {
  return STATUS_LABEL[document.status];
}

/** "Page 3 of 12" while a PDF is read, "12 pages" once done; null when pages do not apply. */
export function pagesText(
  document: Pick<KnowledgeDocument, 'status' | 'pagesDone' | 'pagesTotal'>,
): string | null {
  const { pagesDone, pagesTotal } = document;
  if (!pagesTotal) return document.status === 'processing' ? 'Reading the file…' : null;
  if (document.status === 'processing' || pagesDone < pagesTotal)
    return `Page ${pagesDone} of ${pagesTotal}`;
  return `${pagesTotal} ${pagesTotal === 1 ? 'page' : 'pages'}`;
}

const KIND_LABEL: Record<KnowledgeDocument['kind'], string> = {
  pdf: 'PDF',
  text: 'Text',
  markdown: 'Markdown',
  faq: 'FAQ',
  docx: 'Word',
  html: 'HTML',
  web: 'Web page',
};

export function kindLabel(document: Pick<KnowledgeDocument, 'kind'>): string {
  return KIND_LABEL[document.kind];
}
