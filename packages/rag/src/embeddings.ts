import { EMBEDDING_DIMENSIONS } from '@replyline/db/schema';
import OpenAI from 'openai';
import type { RagEnv } from './env';

/** Turns texts into vectors for pgvector search. */
export interface Embedder {
  model: string;
  embed(texts: string[]): Promise<number[][]>;
}

const BATCH_SIZE = 96;

/** Any OpenAI-compatible embeddings endpoint (OpenAI, Azure, Ollama, vLLM) through the official SDK. */
export function createOpenAIEmbedder(options: {
  apiKey: string;
  baseURL?: string;
  model: string;
  client?: OpenAI;
}): Embedder {
  const client =
    options.client ??
    new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 3,
      timeout: 30_000,
    });
  return {
    model: options.model,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        const batch = texts.slice(start, start + BATCH_SIZE);
        const response = await client.embeddings.create({
          model: options.model,
          input: batch,
          dimensions: EMBEDDING_DIMENSIONS,
        });
        const ordered = [...response.data]
          .sort((a, b) => a.index - b.index)
          .map((d) => d.embedding);
        for (const vector of ordered) {
          if (vector.length !== EMBEDDING_DIMENSIONS) {
            throw new Error(
              `The embeddings model "${options.model}" returned ${vector.length} dimensions; ${EMBEDDING_DIMENSIONS} are stored. Pick a model that supports ${EMBEDDING_DIMENSIONS}.`,
            );
          }
          vectors.push(vector);
        }
      }
      return vectors;
    },
  };
}

/** Vector search is on only when both a key and an embeddings model are configured. */
export function embedderFromEnv(env: RagEnv): Embedder | null {
  if (!env.OPENAI_API_KEY || !env.EMBEDDINGS_MODEL) return null;
  return createOpenAIEmbedder({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.EMBEDDINGS_MODEL,
  });
}

/** pgvector's text form of a vector. */
export function toVectorLiteral(vector: number[]): string {
  return `[${vector.join(',')}]`;
}
