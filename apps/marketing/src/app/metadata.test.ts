import type { Metadata } from 'next';
import { describe, expect, it } from 'vitest';

// Every page describes itself to search engines and link previews.
const pages: Record<string, () => Promise<{ metadata: Metadata }>> = {
  '/': () => import('./page'),
  '/pricing': () => import('./pricing/page'),
  '/docs/embedding': () => import('./docs/embedding/page'),
  '/legal/terms': () => import('./legal/terms/page'),
  '/legal/privacy': () => import('./legal/privacy/page'),
};

describe('page metadata', () => {
  it.each(Object.entries(pages))(
    '%s has a title, a description and Open Graph',
    async (_, load) => {
      const { metadata } = await load();
      expect(metadata.title).toBeTruthy();
      expect(metadata.description?.length).toBeGreaterThan(40);
      expect(metadata.openGraph).toMatchObject({
        title: expect.any(String),
        description: metadata.description,
        siteName: 'Replyline',
      });
    },
  );

  it('gives every page a different title', async () => {
    const titles = await Promise.all(
      Object.values(pages).map(async (load) => JSON.stringify((await load()).metadata.title)),
    );
    expect(new Set(titles).size).toBe(titles.length);
  });
});
