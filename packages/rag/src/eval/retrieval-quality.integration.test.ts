import { afterAll, describe, expect, it } from 'vitest';
import { createBm25Baseline } from './baseline';
import { loadEvalSets } from './datasets';
import { evaluate } from './evaluate';
import { createOurRetrieval } from './our-system';
import { evalDataForTests } from './testing';

// A smaller run of `pnpm eval:retrieval`: our retrieval, through the real ingestion path, must
// reach at least the Recall@5 of a plain BM25 baseline on public FAQ data in three languages.
const data = evalDataForTests('retrieval quality against the BM25 baseline');

describe.runIf(data.exists)('retrieval quality', () => {
  const ours = createOurRetrieval();
  afterAll(() => ours.close?.());

  it.each([
    ['stackfaq', 300],
    ['covid-de-paraphrase', 120],
    ['covid-sv-qa', 64],
  ] as const)(
    '%s: Recall@5 at least the baseline',
    async (name, maxQueries) => {
      const [set] = await loadEvalSets({ only: [name], maxQueries });
      const baseline = createBm25Baseline();
      await Promise.all([baseline.index(set!), ours.index(set!)]);
      const [theirs, mine] = [await evaluate(baseline, set!), await evaluate(ours, set!)];
      console.log(
        `${name}: Recall@5 ours ${mine.recall5.toFixed(3)} vs baseline ${theirs.recall5.toFixed(3)} (${mine.queries} queries)`,
      );
      expect(mine.recall5).toBeGreaterThanOrEqual(theirs.recall5);
    },
    300_000,
  );
});
