import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createLogger } from '../../logger';
import type { AppContext } from '../../router';
import { createApiServer, defaultRoutes } from '../../server';

/** The document GET /v1/openapi.json serves, read from this API on a loopback port. */
export async function servedOpenApiDocument(): Promise<object> {
  const server = createApiServer(
    { logger: createLogger('silent') } as AppContext,
    defaultRoutes({ production: false }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/v1/openapi.json`);
    return (await res.json()) as object;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Where @replyline/client keeps the copy its types are generated from. */
export function clientDocumentPath(): string {
  // The package's entry is src/index.ts; the document sits at the package's root.
  const entry = createRequire(import.meta.url).resolve('@replyline/client');
  return join(dirname(entry), '..', 'openapi.json');
}

/** The document as committed: two-space JSON and a final newline. */
export function documentText(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
