import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { BackupError } from './postgres-backup';

/** gzip's first two bytes: a quick check that a file can be a PGlite dump at all. */
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * The embedded database's data folder as PGlite's own dump (a gzipped tarball of the folder,
 * taken by the database itself, so it is consistent). Pass an open client (a running process's)
 * or a folder that no process has open.
 */
export async function backupPglite(source: PGlite | string, file: string): Promise<void> {
  const client = typeof source === 'string' ? await openExisting(source) : source;
  try {
    const dump = await client.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    if (typeof source === 'string') await client.close();
  }
}

/**
 * Replaces the data folder with a dump. The dump is loaded into a fresh folder first; the old
 * folder is kept beside it (`<folder>.before-restore-<time>`) until the operator deletes it, so
 * a bad dump loses nothing. No process may have the folder open.
 */
export async function restorePglite(
  file: string,
  dataDir: string,
): Promise<{ kept: string | null }> {
  const bytes = await readFile(file);
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1])
    throw new BackupError(`${file} is not a PGlite dump (a .tar.gz made by db:backup).`);
  const staging = `${dataDir}.restoring-${Date.now()}`;
  try {
    const client = await PGlite.create({
      dataDir: staging,
      loadDataDir: new Blob([bytes]),
      extensions: { vector },
    });
    await client.query('select 1');
    await client.close();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new BackupError(`${file} could not be loaded as a PGlite database: ${String(error)}`);
  }
  const kept = existsSync(dataDir) ? `${dataDir}.before-restore-${Date.now()}` : null;
  if (kept) await rename(dataDir, kept);
  await rename(staging, dataDir);
  return { kept };
}

async function openExisting(dataDir: string) {
  if (!existsSync(dataDir)) throw new BackupError(`There is no PGlite data folder at ${dataDir}.`);
  return PGlite.create({ dataDir, extensions: { vector } });
}
