// `pnpm db:backup [file]`: the database named by the env (or the embedded one) to one file.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupPglite, backupPostgres, BackupError, readBackupEnv } from '../backup';
import { loadDotEnvFile, readDbEnv } from '../env';

loadDotEnvFile();
const env = readDbEnv();
const backupEnv = readBackupEnv();
const serverUrl = backupEnv.DATABASE_BACKUP_URL ?? env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const named = process.argv[2];
const file = named
  ? resolve(backupEnv.INIT_CWD ?? process.cwd(), named)
  : join(backupEnv.BACKUP_DIR, `replyline-${stamp}${serverUrl ? '.dump' : '.tar.gz'}`);
mkdirSync(dirname(file), { recursive: true });

try {
  if (serverUrl) await backupPostgres(serverUrl, file, backupEnv.PG_BIN_DIR);
  else await backupPglite(env.PGLITE_DATA_DIR, file);
  console.log(`Backed up the ${serverUrl ? 'Postgres server' : 'embedded database'} to ${file}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
