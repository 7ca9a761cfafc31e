import { z } from 'zod';

const benchEnvSchema = z.object({
  /**
   * Keep the retrieval bench's dataset in its database after the run, so the next run measures
   * at once instead of loading a million passages again. Any non-empty value except 0/false.
   */
  BENCH_KEEP: z
    .string()
    .optional()
    .transform((value) => Boolean(value) && !['0', 'false', 'no'].includes(value!.toLowerCase())),
});

export interface BenchEnv {
  keepDataset: boolean;
}

/** Reads the benchmark settings; `FOO=` counts as unset. */
export function readBenchEnv(source: NodeJS.ProcessEnv = process.env): BenchEnv {
  const parsed = benchEnvSchema.parse({ BENCH_KEEP: source.BENCH_KEEP || undefined });
  return { keepDataset: parsed.BENCH_KEEP };
}
