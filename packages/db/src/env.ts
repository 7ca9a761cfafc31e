import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL');

const dbEnvSchema = z
  .object({
    /** The app's connection (as the replyline_app role). Unset: embedded PGlite in .data/. */
    DATABASE_URL: postgresUrl.optional(),
    /** The table owner's connection, used only to run migrations. Defaults to DATABASE_URL. */
    DATABASE_OWNER_URL: postgresUrl.optional(),
    /**
     * Connections one process keeps to the Postgres server. A request waits for a free one, so
     * under load this bounds how many transactions run at once; the server's max_connections
     * must cover every process (the default Postgres allows 100).
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    /**
     * How often the job queue looks for jobs whose worker stopped renewing their lease (a killed
     * process) and queues them again; one process of all does it per interval.
     */
    QUEUE_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
    PGLITE_DATA_DIR: z.string().min(1).default(`${repoRoot}.data/pglite`),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Encrypts tenant secrets at rest. Any long random string; required in production. */
    ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.ENCRYPTION_KEY, {
    path: ['ENCRYPTION_KEY'],
    message: 'is required in production (generate one with `openssl rand -base64 48`)',
  });

export type DbEnv = z.infer<typeof dbEnvSchema>;

export class InvalidEnvError extends Error {}

/**
 * Validates settings against a zod schema and names every problem in one readable error, so a
 * missing or malformed secret stops start-up with a message a person can act on.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: NodeJS.ProcessEnv,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(emptyAsUnset(source));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new InvalidEnvError(
    `${what} cannot start, its settings are invalid:\n${problems.join('\n')}`,
  );
}

/** Reads and validates the database settings. */
export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  return parseEnv(dbEnvSchema, source, 'The database client');
}

/** `FOO=` in a .env file means "not set", not "set to the empty string". */
export function emptyAsUnset(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

export { repoRoot };

/**
 * Loads the repo's `.env` (if there is one) into process.env for local runs; variables already
 * set in the environment win. Production passes settings through the environment instead.
 */
export function loadDotEnvFile(path = `${repoRoot}.env`): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
