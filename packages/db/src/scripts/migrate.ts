// `pnpm db:migrate`: brings the database named by the env (or the embedded one) up to date.
import { openPglite } from '../client';
import { loadDotEnvFile, readDbEnv } from '../env';
import { migratePglite, migratePostgresServer } from '../migrate';

loadDotEnvFile();

const env = readDbEnv();
if (env.DATABASE_URL) {
  await migratePostgresServer(env.DATABASE_OWNER_URL ?? env.DATABASE_URL);
  console.log('Migrated the Postgres server.');
} else {
  const { client, close } = await openPglite(env.PGLITE_DATA_DIR);
  await migratePglite(client);
  await close();
  console.log(`Migrated the embedded database in ${env.PGLITE_DATA_DIR}.`);
}
