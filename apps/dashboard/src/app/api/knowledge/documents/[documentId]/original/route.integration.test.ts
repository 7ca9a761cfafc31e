// Opening and downloading a document's original through the route handler Next mounts: the
// session cookie says who, the workspace cookie where; another workspace's document is not there.
import { schema, withTenant, type TenantId } from '@replyline/db';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import { signedInMember, TEST_ORIGIN } from '~/testing/test-server';
import { GET } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const t = useTestServer(state);

async function storedDocument(
  tenantId: TenantId,
  document: { kind: 'markdown' | 'html' | 'web'; filename: string; text: string; url?: string },
) {
  return withTenant(t.db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(schema.documents)
      .values({
        tenantId,
        kind: document.kind,
        title: document.filename,
        contentHash: `hash-${Math.random()}`,
        mimeType: document.kind === 'markdown' ? 'text/markdown' : 'text/html',
        sourceUrl: document.url ?? null,
        status: 'ready',
      })
      .returning({ id: schema.documents.id });
    await tx.insert(schema.documentFiles).values({
      tenantId,
      documentId: row!.id,
      filename: document.filename,
      bytes: Buffer.from(document.text),
    });
    return row!.id;
  });
}

function open(documentId: string, cookie?: string, query = '') {
  const headers = new Headers();
  if (cookie) headers.set('cookie', cookie);
  return GET(
    new Request(`${TEST_ORIGIN}/api/knowledge/documents/${documentId}/original${query}`, {
      headers,
    }),
    { params: Promise.resolve({ documentId }) },
  );
}

describe('GET /api/knowledge/documents/:id/original', () => {
  it('opens Markdown as text in place, and downloads it as uploaded', async () => {
    const { tenantId, cookie } = await signedInMember(t);
    const id = await storedDocument(tenantId, {
      kind: 'markdown',
      filename: 'Packing guide.md',
      text: '# Packing\n\nTape every box twice.',
    });

    const shown = await open(id, cookie);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('text/plain');
    expect(shown.headers.get('content-disposition')).toMatch(
      /^inline; filename="Packing guide.md"/,
    );
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    // No sandbox for what is shown in place: it would keep the browser's PDF viewer out too.
    expect(shown.headers.get('content-security-policy')).toBeNull();
    expect(shown.headers.get('cache-control')).toBe('private, no-store');
    expect(await shown.text()).toBe('# Packing\n\nTape every box twice.');

    const saved = await open(id, cookie, '?download=1');
    expect(saved.headers.get('content-type')).toBe('text/markdown');
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(saved.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('never shows an uploaded HTML file in place, and sends a web page to its address', async () => {
    const { tenantId, cookie } = await signedInMember(t);
    const html = await storedDocument(tenantId, {
      kind: 'html',
      filename: 'prices.html',
      text: '<script>alert(1)</script>',
    });
    expect((await open(html, cookie)).headers.get('content-disposition')).toMatch(/^attachment; /);

    const page = await storedDocument(tenantId, {
      kind: 'web',
      filename: 'https://movers.example/prices',
      text: 'Prices',
      url: 'https://movers.example/prices',
    });
    const redirect = await open(page, cookie);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://movers.example/prices');
  });

  it('refuses the signed out, another workspace, and ids that are no document', async () => {
    const mine = await signedInMember(t);
    const id = await storedDocument(mine.tenantId, {
      kind: 'markdown',
      filename: 'secret.md',
      text: 'Ours only.',
    });
    const other = await signedInMember(t, { name: 'Other Movers' });

    expect((await open(id)).status).toBe(401);
    const foreign = await open(id, other.cookie);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('Ours only');
    // Their own workspace cookie swapped for ours: not a member there.
    expect((await open(id, other.cookie.replace(other.tenantId, mine.tenantId))).status).toBe(403);
    expect((await open('not-a-uuid', mine.cookie)).status).toBe(404);
  });
});
