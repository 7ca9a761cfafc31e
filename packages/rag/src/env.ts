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
  /**
   * A document's processing job is leased to its worker for this long and renewed while it
   * works; a killed worker's document is processed again by another after about this long.
   */
  INGEST_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  OPENAI_API_KEY: z.string().min(8).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  /** Setting this (with a key) turns on vector search next to full-text search. */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** Website crawls: pause between two requests to the same site, and the largest page read. */
  CRAWL_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
  CRAWL_MAX_PAGE_MB: z.coerce.number().positive().default(5),
  /**
   * Development only: let website sources crawl a site on this machine or the local network.
   * Refused in production, where crawls reach public addresses only.
   */
  CRAWL_ALLOW_PRIVATE_ADDRESSES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
});

export type RagEnv = z.infer<typeof ragEnvSchema>;

const checkedRagEnv = ragEnvSchema.refine(
  (env) => !(env.CRAWL_ALLOW_PRIVATE_ADDRESSES && env.NODE_ENV === 'production'),
  {
    path: ['CRAWL_ALLOW_PRIVATE_ADDRESSES'],
    message: 'must not be true in production: crawls may reach public addresses only',
  },
);

export function readRagEnv(source: NodeJS.ProcessEnv = process.env): RagEnv {
  return parseEnv(checkedRagEnv, source, 'Knowledge ingestion');
}
