import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { clientDocumentPath, documentText, servedOpenApiDocument } from './openapi-document';

describe('the typed client’s copy of the OpenAPI document', () => {
  it('is the document this API serves (else run openapi:write, then the client’s generate)', async () => {
    const committed = await readFile(clientDocumentPath(), 'utf8');
    expect(committed).toBe(documentText(await servedOpenApiDocument()));
  });
});
