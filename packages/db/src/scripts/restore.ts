// `pnpm db:restore <file> --yes`: replaces the database named by the env (or the embedded one)
// with a backup made by `pnpm db:backup`. Stop the apps first.
import { resolve } from 'node:path';
import { BackupError, readBackupEnv, restorePglite, restorePostgres } from '../backup';
import { loadDotEnvFile, readDbEnv } from '../env';

loadDotEnvFile();
const env = readDbEnv();
const backupEnv = readBackupEnv();
const serverUrl = backupEnv.DATABASE_BACKUP_URL ?? env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
const args = process.argv.slice(2);
const named = args.find((arg) => !arg.startsWith('--'));

if (!named) fail('Name the backup to restore: pnpm db:restore <file> --yes');
const file = resolve(backupEnv.INIT_CWD ?? process.cwd(), named);
const target = serverUrl
  ? 'the Postgres server'
  : `the embedded database in ${env.PGLITE_DATA_DIR}`;
if (!args.includes('--yes'))
  fail(
    `Restoring replaces every row of ${target} with ${file}. Stop the apps, then run again with --yes.`,
  );

try {
  if (serverUrl) {
    await restorePostgres(serverUrl, file, backupEnv.PG_BIN_DIR);
    console.log(`Restored ${target} from ${file}.`);
  } else {
    const { kept } = await restorePglite(file, env.PGLITE_DATA_DIR);
    console.log(`Restored ${target} from ${file}.`);
    if (kept)
      console.log(`The previous data folder is kept at ${kept}; delete it when all is well.`);
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  fail(error.message);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
