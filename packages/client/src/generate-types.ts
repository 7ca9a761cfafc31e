import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `// Generated from openapi.json by \`pnpm --filter @replyline/client generate\`; do not edit.
// A test fails when this file and the document disagree.
`;

/** The TypeScript types (`paths`, `components`) of an OpenAPI 3.1 document. */
export async function generateTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
  });
  return HEADER + astToString(ast);
}
