import type { Metadata } from 'next';
import { site } from '~/lib/site';

/**
 * Title, description and Open Graph for one page. Next replaces a parent's `openGraph` as a
 * whole rather than merging it, so every page sets all of it through here.
 */
export function pageMetadata(page: { title: string; description: string }): Metadata {
  return {
    title: page.title,
    description: page.description,
    openGraph: {
      title: `${page.title} · ${site.name}`,
      description: page.description,
      siteName: site.name,
      type: 'website',
      locale: 'en_US',
    },
  };
}
