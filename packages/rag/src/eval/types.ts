import type { EvalSet } from './datasets';

/** A retrieval method under evaluation: the baseline, or our Postgres retrieval. */
export interface RetrievalSystem {
  /** Shown in the result tables. */
  name: string;
  /** Replaces whatever was indexed before with the documents of `set`. */
  index(set: EvalSet): Promise<void>;
  /** Document ids of the indexed set, best first, at most `k`. */
  search(query: string, k: number): Promise<string[]>;
  /** Releases resources (connections, temp tables) once all sets are done. */
  close?(): Promise<void>;
}
