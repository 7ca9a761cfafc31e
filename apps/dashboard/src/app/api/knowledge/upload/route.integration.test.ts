// The knowledge page's PDF upload, through the route handler Next mounts: the session cookie
// says who, the workspace cookie where; the file is stored and queued for the ingestion worker.
import { readFileSync } from 'node:fs';
import { createTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { listDocuments, processDocument, searchKnowledge } from '@replyline/rag';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { signedInMember, TEST_ORIGIN, testServer } from '~/testing/test-server';
import { POST } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const PDF = readFileSync(new URL('./testing/price-list.pdf', import.meta.url));

let t: TestDatabase;
let jobs: { queue: string; data: object }[];

beforeAll(async () => {
  t = await openTestDatabase();
  ({ server: state.server, jobs } = testServer(t));
}, 120_000);
afterAll(async () => t?.close());
afterEach(() => vi.unstubAllEnvs());

const workspace = (role: 'admin' | 'agent') => signedInMember(t, { role });

function upload(
  file: Blob | null,
  init: { cookie?: string; filename?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers({
    'x-forwarded-for': '203.0.113.7',
    origin: TEST_ORIGIN,
    ...init.headers,
  });
  if (init.cookie) headers.set('cookie', init.cookie);
  const body = new FormData();
  if (file) body.append('pdf', file, init.filename ?? 'Price list.pdf');
  return POST(
    new Request(`${TEST_ORIGIN}/api/knowledge/upload`, { method: 'POST', headers, body }),
  );
}

const pdfBlob = (bytes: Uint8Array = PDF) =>
  new Blob([new Uint8Array(bytes)], { type: 'application/pdf' });
const documentsOf = (tenantId: TenantId) => listDocuments({ db: t.db }, tenantId);

describe('POST /api/knowledge/upload', () => {
  it('stores and queues a PDF from an admin, which the worker then makes searchable', async () => {
    const { tenantId, cookie } = await workspace('admin');

    const response = await upload(pdfBlob(), { cookie });
    expect(response.status).toBe(201);
    const added = (await response.json()) as { documentId: string };
    expect(added).toMatchObject({ status: 'queued', duplicate: false, error: null });
    expect(jobs.at(-1)).toEqual({
      queue: 'ingest-document',
      data: { tenantId, documentId: added.documentId },
    });

    // What the ingestion worker does with the job: the bytes arrived whole.
    const deps = { db: t.db, queue: { send: async () => null } };
    expect(await processDocument(deps, tenantId, added.documentId)).toBe('ready');
    expect(await documentsOf(tenantId)).toEqual([
      expect.objectContaining({ title: 'Price list', kind: 'pdf', status: 'ready', pagesTotal: 2 }),
    ]);
    const [hit] = await searchKnowledge(t.db, tenantId, 'piano moving', { limit: 1 });
    expect(hit).toMatchObject({ documentId: added.documentId, page: 2 });
  });

  it('answers the same file again as a duplicate, without a second document', async () => {
    const { tenantId, cookie } = await workspace('admin');
    expect((await upload(pdfBlob(), { cookie })).status).toBe(201);
    const again = await upload(pdfBlob(), { cookie, filename: 'copy.pdf' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(await documentsOf(tenantId)).toHaveLength(1);
  });

  it('refuses without a session (401), without a workspace or as an agent (403)', async () => {
    expect(await refusal(upload(pdfBlob()))).toEqual({
      status: 401,
      message: 'Sign in to upload.',
    });
    const admin = await workspace('admin');
    const cookieWithoutWorkspace = admin.cookie.replace(/; rl_workspace=.*/, '');
    expect(await refusal(upload(pdfBlob(), { cookie: cookieWithoutWorkspace }))).toEqual({
      status: 403,
      message: 'Choose a workspace first.',
    });
    const agent = await workspace('agent');
    expect(await refusal(upload(pdfBlob(), { cookie: agent.cookie }))).toEqual({
      status: 403,
      message: 'Uploading knowledge needs the admin role in this workspace.',
    });
    expect(await documentsOf(agent.tenantId)).toEqual([]);
  });

  it('refuses uploads sent from another website’s page (403)', async () => {
    const { tenantId, cookie } = await workspace('admin');
    const forged = await upload(pdfBlob(), { cookie, headers: { origin: 'https://evil.example' } });
    expect(await refusal(Promise.resolve(forged))).toEqual({
      status: 403,
      message:
        "Changes are accepted from the dashboard's own pages only, not from https://evil.example.",
    });
    const own = await upload(pdfBlob(), { cookie });
    expect(own.status).toBe(201);
    expect(await documentsOf(tenantId)).toHaveLength(1);
  });

  it('refuses an upload that does not say where it came from (no Origin)', async () => {
    const { tenantId, cookie } = await workspace('admin');
    const headers = new Headers({ cookie });
    const body = new FormData();
    body.append('pdf', pdfBlob(), 'Price list.pdf');
    const response = await POST(
      new Request(`${TEST_ORIGIN}/api/knowledge/upload`, { method: 'POST', headers, body }),
    );
    expect(response.status).toBe(403);
    expect(await documentsOf(tenantId)).toEqual([]);
  });

  it('refuses an upload from a page loaded for another workspace (409) and stores nothing', async () => {
    const { tenantId, cookie } = await workspace('admin');
    const other = await createTenant(t.db, {
      name: 'Elsewhere',
      slug: `else-${Math.random().toString(36).slice(2, 10)}`,
    });
    const response = await upload(pdfBlob(), {
      cookie,
      headers: { 'x-replyline-workspace': other.tenantId },
    });
    expect(await refusal(Promise.resolve(response))).toEqual({
      status: 409,
      message:
        'This page was loaded for another workspace; you have switched to Northwind Movers. Reload to edit Northwind Movers.',
    });
    expect(await documentsOf(tenantId)).toEqual([]);
    const same = await upload(pdfBlob(), {
      cookie,
      headers: { 'x-replyline-workspace': tenantId },
    });
    expect(same.status).toBe(201);
  });

  it('refuses a file that is not a PDF (415), whatever its name says', async () => {
    const { tenantId, cookie } = await workspace('admin');
    const zip = new Blob(['PK\u0003\u0004 not a pdf'], { type: 'application/pdf' });
    expect(await refusal(upload(zip, { cookie, filename: 'prices.pdf' }))).toEqual({
      status: 415,
      message:
        '"prices.pdf" is not a PDF. Upload PDF, Word (.docx), HTML, Markdown or plain-text files.',
    });
    expect(await documentsOf(tenantId)).toEqual([]);
  });

  it('refuses a file over the size limit (413) and stores nothing', async () => {
    vi.stubEnv('RAG_MAX_UPLOAD_MB', String(2 / 1024)); // 2 KB
    const { tenantId, cookie } = await workspace('admin');
    const padded = new Uint8Array(PDF.length + 2048);
    padded.set(PDF);
    expect(await refusal(upload(pdfBlob(padded), { cookie }))).toEqual({
      status: 413,
      message: '"Price list.pdf" is 3 KB; the limit is 2 KB.',
    });

    // A body far over the limit is refused from its declared length, before it is read.
    const huge = await upload(pdfBlob(new Uint8Array(200 * 1024)), {
      cookie,
      headers: { 'content-length': String(200 * 1024) },
    });
    expect(await refusal(Promise.resolve(huge))).toEqual({
      status: 413,
      message: 'The file is larger than 2 KB, the upload limit.',
    });
    expect(await documentsOf(tenantId)).toEqual([]);
  });

  it('asks for the file in the "pdf" field when the form has none (400)', async () => {
    const { cookie } = await workspace('admin');
    expect(await refusal(upload(null, { cookie }))).toMatchObject({ status: 400 });
  });
});

async function refusal(response: Promise<Response>) {
  const answer = await response;
  return { status: answer.status, message: ((await answer.json()) as { message: string }).message };
}
