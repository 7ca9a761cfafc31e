import { describe, expect, it } from 'vitest';
import { PAGE_WORKSPACE_HEADER } from '~/trpc/protocol';
import { attachmentDisposition, fetchExport, filenameFromDisposition, jsonFile } from './download';

describe('file names from Content-Disposition', () => {
  it('reads the plain and the UTF-8 forms, preferring UTF-8', () => {
    expect(filenameFromDisposition('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(filenameFromDisposition('attachment; filename=b.json', 'x')).toBe('b.json');
    expect(
      filenameFromDisposition(`attachment; filename="_.csv"; filename*=UTF-8''%C3%A5.csv`, 'x'),
    ).toBe('å.csv');
    expect(filenameFromDisposition(null, 'fallback.csv')).toBe('fallback.csv');
  });

  it('round-trips any name through the header the route writes', () => {
    for (const name of ['conversations-2026-01-02.csv', 'Kundsamtal "åäö".json'])
      expect(filenameFromDisposition(attachmentDisposition(name), 'x')).toBe(name);
    expect(attachmentDisposition('å"b.csv')).toMatch(/^attachment; filename="__b\.csv"; /);
  });
});

describe('fetching an export', () => {
  it('posts the request as JSON and hands back the file with its name', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetcher = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response('"a","b"\r\n', {
        headers: { 'content-disposition': attachmentDisposition('conversations-x.csv') },
      });
    }) as typeof fetch;
    const file = await fetchExport({ format: 'csv', ids: ['c1'] }, fetcher);
    expect(calls[0]!.url).toBe('/api/inbox/export');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ format: 'csv', ids: ['c1'] });
    expect(file.filename).toBe('conversations-x.csv');
    expect(await file.blob.text()).toBe('"a","b"\r\n');
  });

  it('names the workspace its page shows, so a switched-away page cannot export', async () => {
    const calls: RequestInit[] = [];
    const fetcher = (async (_url: string, init?: RequestInit) => {
      calls.push(init ?? {});
      return new Response('{}');
    }) as typeof fetch;
    await fetchExport({ format: 'json', ids: ['c1'] }, fetcher, 'workspace-a');
    expect(new Headers(calls[0]!.headers).get(PAGE_WORKSPACE_HEADER)).toBe('workspace-a');
  });

  it("rejects with the server's message", async () => {
    const fetcher = (async () =>
      Response.json({ message: 'Sign in to export.' }, { status: 401 })) as typeof fetch;
    await expect(fetchExport({ format: 'json', ids: ['c1'] }, fetcher)).rejects.toThrow(
      'Sign in to export.',
    );
  });

  it('writes JSON files readably', async () => {
    expect(await jsonFile({ a: 1 }).text()).toBe('{\n  "a": 1\n}');
  });
});
