import {
  createWebsiteSource,
  listWebsitePages,
  listWebsiteSourceRows,
  queueWebsiteCrawl,
  removeWebsiteSource,
  type TWebsiteSourceInput,
  type WebsitePageSummary,
  type WebsiteSourceSummary,
} from '@replyline/rag';
import { DomainError } from '../domain-error';
import { auditKnowledge, ingestionDeps, type KnowledgeActor } from './knowledge-deps';

export type { TWebsiteSourceInput, WebsitePageSummary, WebsiteSourceSummary };

type Reader = Pick<KnowledgeActor, 'db' | 'tenantId'>;

const sourceNotFound = () =>
  new DomainError('not_found', 'This website source does not exist (any more).');

/**
 * Adds a website (by its address, optionally a sitemap) and queues its first crawl. Limits,
 * include/exclude patterns and the re-crawl schedule have defaults (200 pages, depth 5,
 * weekly). Bad input is a `bad_input` DomainError with a message for the person.
 */
export async function addWebsiteSource(
  ctx: KnowledgeActor,
  input: TWebsiteSourceInput,
): Promise<WebsiteSourceSummary> {
  const source = await createWebsiteSource(ingestionDeps(ctx), ctx.tenantId, input);
  await auditKnowledge(ctx, {
    action: 'knowledge.website_added',
    targetType: 'website_source',
    targetId: source.id,
    details: { url: source.startUrl, schedule: source.schedule, maxPages: source.maxPages },
  });
  return source;
}

/** Every website source of the workspace with its crawl status and progress, newest first. */
export function listWebsiteSources(ctx: Reader): Promise<WebsiteSourceSummary[]> {
  return listWebsiteSourceRows(ctx, ctx.tenantId);
}

/** One source with its pages (failed and skipped first, each with its reason). */
export async function getWebsiteSource(
  ctx: Reader,
  sourceId: string,
): Promise<WebsiteSourceSummary & { pages: WebsitePageSummary[] }> {
  const [source] = await listWebsiteSourceRows(ctx, ctx.tenantId, sourceId);
  if (!source) throw sourceNotFound();
  return { ...source, pages: await listWebsitePages(ctx, ctx.tenantId, sourceId) };
}

/** Queues a crawl now; unchanged pages cost one conditional request each. */
export async function recrawlWebsiteSource(ctx: KnowledgeActor, sourceId: string) {
  if (!(await queueWebsiteCrawl(ingestionDeps(ctx), ctx.tenantId, sourceId)))
    throw sourceNotFound();
  await auditKnowledge(ctx, {
    action: 'knowledge.website_recrawled',
    targetType: 'website_source',
    targetId: sourceId,
  });
  return { queued: true as const };
}

/** Deletes a source; every page it brought into the knowledge base leaves it. */
export async function deleteWebsiteSource(ctx: KnowledgeActor, sourceId: string) {
  if (!(await removeWebsiteSource(ctx, ctx.tenantId, sourceId))) throw sourceNotFound();
  await auditKnowledge(ctx, {
    action: 'knowledge.website_deleted',
    targetType: 'website_source',
    targetId: sourceId,
  });
  return { deleted: true as const };
}
