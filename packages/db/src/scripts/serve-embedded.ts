// Runs the embedded database server for `pnpm dev`; prints one JSON line when ready.
import { loadDotEnvFile, readDbEnv } from '../env';
import { startEmbeddedServer } from '../embedded-server';

loadDotEnvFile();

const port = Number(process.argv[2] ?? 54320);
const server = await startEmbeddedServer({ dataDir: readDbEnv().PGLITE_DATA_DIR, port });
console.log(JSON.stringify({ ready: true, url: server.url }));

const shutdown = () => void server.stop().finally(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
