// `pnpm db:seed`: migrates, then creates the demo workspace if it is not there yet.
import { openDatabase, openPglite } from '../client';
import { loadDotEnvFile, readDbEnv } from '../env';
import { migratePglite, migratePostgresServer } from '../migrate';
import { DEMO_TENANT } from '../seed/demo-content';
import { seedDemoTenant } from '../seed/seed-demo-tenant';

loadDotEnvFile();

const env = readDbEnv();
const handle = env.DATABASE_URL
  ? await migratePostgresServer(env.DATABASE_OWNER_URL ?? env.DATABASE_URL).then(() =>
      openDatabase({ kind: 'postgres', url: env.DATABASE_URL! }),
    )
  : await openPglite(env.PGLITE_DATA_DIR).then(async (embedded) => {
      await migratePglite(embedded.client);
      return embedded;
    });
const { created } = await seedDemoTenant(handle.db);
await handle.close();
console.log(
  created
    ? `Seeded the demo workspace "${DEMO_TENANT.name}" (publishable key ${DEMO_TENANT.publishableKey}).`
    : `The demo workspace "${DEMO_TENANT.name}" is already there.`,
);
