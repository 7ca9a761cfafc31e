import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMBEDDING_DIMENSIONS } from '@replyline/db/schema';

/** Words the stub treats as one meaning, so vector search can find what word matching cannot. */
const SYNONYMS: Record<string, string> = {
  automobile: 'car',
  vehicle: 'car',
  cars: 'car',
  sofa: 'couch',
  settee: 'couch',
  couches: 'couch',
};

/** A deterministic "embedding": hashed bag of concepts, unit length. */
export function stubEmbedding(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-zåäöæø]+/g) ?? []) {
    const concept = SYNONYMS[word] ?? word;
    const slot = createHash('sha1').update(concept).digest().readUInt32BE(0) % EMBEDDING_DIMENSIONS;
    vector[slot]! += 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

export interface OpenAIStub {
  baseURL: string;
  apiKey: string;
  requests: { path: string; body: Record<string, unknown>; authorization?: string }[];
  /** The next N requests answer 429 with a retry-after header (the SDK must retry). */
  failNext(count: number): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

/** A local server that speaks the OpenAI embeddings wire format, for the official SDK. */
export async function startOpenAIStub(): Promise<OpenAIStub> {
  const apiKey = 'sk-stub-key-123456';
  const requests: OpenAIStub['requests'] = [];
  let failures = 0;
  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    requests.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return send(401, {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error' },
      });
    if (failures > 0) {
      failures -= 1;
      return send(
        429,
        { error: { message: 'Rate limit reached', type: 'rate_limit_error' } },
        { 'retry-after-ms': '10' },
      );
    }
    if (req.method !== 'POST' || req.url !== '/v1/embeddings')
      return send(404, { error: { message: `Unknown path ${req.url}` } });
    const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
    send(200, {
      object: 'list',
      model: body.model,
      // The SDK asks for base64 (little-endian float32) by default, as OpenAI's own clients do.
      data: inputs.map((text, index) => ({
        object: 'embedding',
        index,
        embedding:
          body.encoding_format === 'base64'
            ? Buffer.from(new Float32Array(stubEmbedding(text)).buffer).toString('base64')
            : stubEmbedding(text),
      })),
      usage: {
        prompt_tokens: inputs.join(' ').length / 4,
        total_tokens: inputs.join(' ').length / 4,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    apiKey,
    requests,
    failNext: (count) => {
      failures = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
