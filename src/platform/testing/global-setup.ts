import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../db.js';
import { migrate } from '../../db/migrate.js';

/**
 * Vitest global setup: on PGlite, migrate one in-memory database and save its data folder, so each
 * test file opens a copy (RB_PGLITE_TEMPLATE) instead of creating and migrating its own cluster.
 * Test files still call migrate(), which finds nothing left to apply.
 */
export async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => undefined;
  const dir = mkdtempSync(join(tmpdir(), 'rb-template-'));
  const store = await openStore({});
  await migrate(store);
  const dump = await store.snapshot!();
  await store.close();
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.RB_PGLITE_TEMPLATE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
