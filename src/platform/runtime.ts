import { resolve } from 'node:path';
import { loadConfig, type Config } from './config.js';
import { openStore } from './db.js';
import { systemClock } from './clock.js';
import type { Deps } from './deps.js';
import { migrate } from '../db/migrate.js';

/** Opens the configured database and applies pending migrations: the start of every command. */
export async function openRuntime(config: Config = loadConfig()): Promise<Deps> {
  const store = await openStore({ url: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR, 'pglite') });
  await migrate(store);
  return { store, clock: systemClock, config };
}
