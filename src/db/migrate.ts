import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Store } from '../platform/db.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Applies the SQL files in src/db/migrations in name order, each once, each in its own transaction. */
export async function migrate(store: Store): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
  const applied = await store.bulk(async (s) => {
    await s.exec('CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await s.query<{ name: string }>('SELECT name FROM schema_migration');
    return new Set(rows.map((r) => r.name));
  });
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    await store.bulk(async (s) => {
      await s.exec(sql);
      await s.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
    });
    done.push(file);
  }
  return done;
}
