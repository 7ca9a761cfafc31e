import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { nodeToMarkdown } from './html-to-markdown';
import { normalizeUrl } from './url-rules';

export interface ExtractedPage {
  title: string;
  /** The main content as Markdown-ish text (navigation, footers and scripts left out). */
  text: string;
  /** Every http(s) link on the page, absolute, without fragments. */
  links: string[];
  /** `<meta name="robots" content="noindex">`: the owner asked for the page not to be indexed. */
  noindex: boolean;
  /** `nofollow` in the same tag: its links are not followed. */
  nofollow: boolean;
}

/**
 * A web page's main content, title and links. Readability (Firefox's reader view) picks the
 * main content over a server-side DOM; a page it cannot make sense of falls back to its body.
 */
export function extractPage(html: string, pageUrl: string): ExtractedPage {
  const { document } = parseHTML(html);
  const robots = metaRobots(document);
  const links = pageLinks(document, pageUrl);
  const fallbackTitle = document.querySelector('title')?.textContent?.trim() ?? '';
  // Readability changes the DOM it reads: links and meta are read first.
  const article = readArticle(html);
  const text = article?.text || nodeToMarkdown(document.body as never);
  const title = article?.title || fallbackTitle || new URL(pageUrl).pathname;
  return { title: title.replace(/\s+/g, ' ').trim(), text, links, ...robots };
}

function readArticle(html: string): { title: string; text: string } | null {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as never, { charThreshold: 100 }).parse();
    if (!article?.content) return null;
    const { document: content } = parseHTML(
      `<!doctype html><html><body>${article.content}</body></html>`,
    );
    return { title: article.title ?? '', text: nodeToMarkdown(content.body as never) };
  } catch {
    return null;
  }
}

function metaRobots(document: PageDocument) {
  const directives = elements(document, 'meta[name]')
    .filter((meta) => /^(robots|googlebot)$/i.test(meta.getAttribute('name') ?? ''))
    .map((meta) => (meta.getAttribute('content') ?? '').toLowerCase())
    .join(',');
  return {
    noindex: /\b(noindex|none)\b/.test(directives),
    nofollow: /\b(nofollow|none)\b/.test(directives),
  };
}

function pageLinks(document: PageDocument, pageUrl: string): string[] {
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && normalizeUrl(baseHref, pageUrl)) || pageUrl;
  const links = new Set<string>();
  for (const anchor of elements(document, 'a[href]')) {
    if (/\bnofollow\b/i.test(anchor.getAttribute('rel') ?? '')) continue;
    const url = normalizeUrl(anchor.getAttribute('href') ?? '', base);
    if (url) links.add(url);
  }
  return [...links];
}

/** `X-Robots-Tag: noindex` (or `none`) in the answer's headers. */
export function headerNoindex(headers: Headers): boolean {
  return /\b(noindex|none)\b/i.test(headers.get('x-robots-tag') ?? '');
}

type PageDocument = ReturnType<typeof parseHTML>['document'];

interface PageElement {
  getAttribute(name: string): string | null;
}

function elements(document: PageDocument, selector: string): PageElement[] {
  return Array.from(document.querySelectorAll(selector) as ArrayLike<PageElement>);
}
