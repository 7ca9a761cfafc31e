import type { Database, PgBoss, TenantDb } from '@replyline/db';
import type { Embedder } from '../embeddings';
import type { IngestLimits } from './limits';

/** What ingestion needs from its surroundings; built once per process. */
export interface KnowledgeDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  embedder?: Embedder | null;
  limits?: Partial<IngestLimits>;
  /**
   * Runs in the transaction that stores new documents or FAQ entries, after they are written,
   * with how many are new (duplicates not counted); throwing rolls them all back. The
   * dashboard checks the plan's help-article cap here, where a count cannot go stale.
   */
  beforeCommit?: (tx: TenantDb, added: number) => Promise<void>;
}
