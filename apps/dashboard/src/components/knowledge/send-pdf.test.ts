import { describe, expect, it } from 'vitest';
import { sendPdf, type UploadRequest } from './send-pdf';

/** An XMLHttpRequest stand-in: the test plays the network's part. */
function fakeRequest() {
  const request: UploadRequest & {
    method?: string;
    url?: string;
    body?: FormData;
    headers: Record<string, string>;
  } = {
    headers: {},
    status: 0,
    responseText: '',
    upload: { onprogress: null },
    onload: null,
    onerror: null,
    onabort: null,
    open(method, url) {
      request.method = method;
      request.url = url;
    },
    setRequestHeader(name, value) {
      request.headers[name] = value;
    },
    send(body) {
      request.body = body;
    },
  };
  const answer = (status: number, body: unknown) => {
    request.status = status;
    request.responseText = JSON.stringify(body);
    request.onload?.();
  };
  return { request, answer };
}

const file = () => new File([new Uint8Array(1_000)], 'Price list.pdf', { type: 'application/pdf' });

describe('sendPdf', () => {
  it('names the workspace the page was loaded for, so a switch since is refused', () => {
    const { request } = fakeRequest();
    void sendPdf(file(), { createRequest: () => request, workspaceId: 'w-1' }).catch(() => null);
    expect(request.headers).toEqual({ 'x-replyline-workspace': 'w-1' });
  });

  it('posts the file as the "pdf" field, reports progress and resolves with the document', async () => {
    const { request, answer } = fakeRequest();
    const progress: number[] = [];
    const sent = sendPdf(file(), {
      createRequest: () => request,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect([request.method, request.url]).toEqual(['POST', '/api/knowledge/upload']);
    expect(request.headers).toEqual({});
    expect((request.body!.get('pdf') as File).name).toBe('Price list.pdf');

    request.upload.onprogress?.({ loaded: 400, total: 1_200 });
    request.upload.onprogress?.({ loaded: 1_200, total: 1_200 });
    answer(201, { documentId: 'doc-1', status: 'queued', duplicate: false, error: null });

    await expect(sent).resolves.toEqual({
      documentId: 'doc-1',
      status: 'queued',
      duplicate: false,
      error: null,
    });
    expect(progress).toEqual([400, 1_200]);
  });

  it('rejects with the server’s own sentence', async () => {
    const { request, answer } = fakeRequest();
    const sent = sendPdf(file(), { createRequest: () => request });
    answer(413, { message: '"Price list.pdf" is 30 MB; the limit is 20 MB.' });
    await expect(sent).rejects.toThrow('"Price list.pdf" is 30 MB; the limit is 20 MB.');
  });

  it('explains a refusal without a message, and a dropped connection', async () => {
    const proxy = fakeRequest();
    const tooLarge = sendPdf(file(), { createRequest: () => proxy.request });
    proxy.request.status = 413;
    proxy.request.responseText = '<html>Request Entity Too Large</html>';
    proxy.request.onload?.();
    await expect(tooLarge).rejects.toThrow('The file is larger than this server accepts.');

    const offline = fakeRequest();
    const dropped = sendPdf(file(), { createRequest: () => offline.request });
    offline.request.onerror?.();
    await expect(dropped).rejects.toThrow(/interrupted/);
  });
});
