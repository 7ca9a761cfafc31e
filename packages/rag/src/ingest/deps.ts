import type { Database, PgBoss } from '@replyline/db';
import type { Embedder } from '../embeddings';
import type { IngestLimits } from './limits';

/** What ingestion needs from its surroundings; built once per process. */
export interface KnowledgeDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  embedder?: Embedder | null;
  limits?: Partial<IngestLimits>;
}
