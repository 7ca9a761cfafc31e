import { z } from 'zod';
import { parseEnv, repoRoot } from '../env';

const backupEnvSchema = z.object({
  /**
   * The role backups connect as: it must bypass row-level security (every tenant table forces
   * it) and, to restore, be a member of the owner role. Defaults to DATABASE_OWNER_URL.
   */
  DATABASE_BACKUP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  /** Where pg_dump, pg_restore and psql are, when not on PATH (e.g. /usr/lib/postgresql/15/bin). */
  PG_BIN_DIR: z.string().min(1).optional(),
  /** Where backups are written when no file is named. */
  BACKUP_DIR: z.string().min(1).default(`${repoRoot}backups`),
  /** The folder the command was typed in (set by pnpm): relative file names start there. */
  INIT_CWD: z.string().optional(),
});

export type BackupEnv = z.infer<typeof backupEnvSchema>;

export function readBackupEnv(source: NodeJS.ProcessEnv = process.env): BackupEnv {
  return parseEnv(backupEnvSchema, source, 'The backup command');
}
