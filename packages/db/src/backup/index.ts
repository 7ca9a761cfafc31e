export { backupPglite, restorePglite } from './pglite-backup';
export { BackupError, backupPostgres, restorePostgres, restorableEntries } from './postgres-backup';
export { readBackupEnv, type BackupEnv } from './env';
