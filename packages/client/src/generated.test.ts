import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTypes } from './generate-types';

describe('generated types', () => {
  it('match openapi.json (else run `pnpm --filter @replyline/client generate`)', async () => {
    const document = JSON.parse(
      await readFile(new URL('../openapi.json', import.meta.url), 'utf8'),
    ) as object;
    const committed = await readFile(new URL('./generated/openapi.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await generateTypes(document));
  });
});
