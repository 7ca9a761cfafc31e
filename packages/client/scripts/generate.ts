// Writes src/generated/openapi.ts from openapi.json (the API's document, written by
// `pnpm --filter @replyline/api-server openapi:write`). Run: pnpm --filter @replyline/client generate
import { readFile, writeFile } from 'node:fs/promises';
import { generateTypes } from '../src/generate-types';

const documentUrl = new URL('../openapi.json', import.meta.url);
const typesUrl = new URL('../src/generated/openapi.ts', import.meta.url);

const document = JSON.parse(await readFile(documentUrl, 'utf8')) as object;
await writeFile(typesUrl, await generateTypes(document));
console.log(`wrote ${typesUrl.pathname}`);
