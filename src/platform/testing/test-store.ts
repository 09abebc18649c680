import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { openStore, type Store } from '../db.js';
import { migrate } from '../../db/migrate.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a database of its
 * own on the server named by TEST_DATABASE_URL (created here, dropped by `close`).
 */
export async function openTestStore(): Promise<Store> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // A migrated template made once per run by the global setup saves each file the migrations.
    const templatePath = process.env.RB_PGLITE_TEMPLATE;
    const template = templatePath && existsSync(templatePath) ? new Blob([readFileSync(templatePath)]) : undefined;
    const store = await openStore({ template });
    await migrate(store);
    return store;
  }
  const name = `rb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ url: url.toString() });
  await migrate(store);
  return {
    ...store,
    async close() {
      await store.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
