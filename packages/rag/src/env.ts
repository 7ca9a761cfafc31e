import { parseEnv } from '@replyline/db';
import { z } from 'zod';

const ragEnvSchema = z.object({
  /** Largest accepted upload, in megabytes. */
  RAG_MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  /** Largest accepted PDF, in pages. */
  RAG_MAX_PAGES: z.coerce.number().int().positive().default(2000),
  /** Time and memory caps of one PDF extraction (it runs in a worker thread). */
  PDF_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  PDF_MEMORY_MB: z.coerce.number().int().min(64).default(512),
  OPENAI_API_KEY: z.string().min(8).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  /** Setting this (with a key) turns on vector search next to full-text search. */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
});

export type RagEnv = z.infer<typeof ragEnvSchema>;

export function readRagEnv(source: NodeJS.ProcessEnv = process.env): RagEnv {
  return parseEnv(ragEnvSchema, source, 'Knowledge ingestion');
}
