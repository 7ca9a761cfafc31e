// Copies the served OpenAPI document into @replyline/client, whose types are generated from
// it. Run: pnpm --filter @replyline/api-server openapi:write && pnpm --filter @replyline/client generate
import { writeFile } from 'node:fs/promises';
import { clientDocumentPath, documentText, servedOpenApiDocument } from './openapi-document';

const path = clientDocumentPath();
await writeFile(path, documentText(await servedOpenApiDocument()));
console.log(`wrote ${path}`);
