import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Store } from './db.js';
import { openTestStore } from './testing/test-store.js';

/** Store.readOnSnapshot: the full sweep's check reads the sweep's snapshot on connections of its own. */
describe('readOnSnapshot', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('reads what the exporting transaction reads, each on a connection of its own, and writes nothing (PGlite has none)', async () => {
    if (store.kind === 'pglite') {
      expect(store.readOnSnapshot).toBeUndefined();
      return;
    }
    await store.bulk((s) => s.exec('CREATE TABLE snapshot_probe (n int); INSERT INTO snapshot_probe VALUES (1)'));
    const seen = await store.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
      // Committed after the export: not in the snapshot.
      await store.bulk((s) => s.exec('INSERT INTO snapshot_probe VALUES (2)'));
      return store.readOnSnapshot!(rows[0].id, 2, async (s, i) => {
        const { rows: r } = await s.query<{ n: number; pid: number }>('SELECT count(*)::int AS n, pg_backend_pid() AS pid FROM snapshot_probe');
        return { slice: i, ...r[0] };
      });
    });
    expect(seen.map((r) => [r.slice, r.n])).toEqual([[0, 1], [1, 1]]);
    expect(new Set(seen.map((r) => r.pid)).size).toBe(2);
    await store.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
      await expect(store.readOnSnapshot!(rows[0].id, 1, (s) => s.exec('INSERT INTO snapshot_probe VALUES (3)'))).rejects.toThrow(/read-only/);
    });
    await expect(store.readOnSnapshot!("x'; DROP TABLE snapshot_probe; --", 1, async () => 0)).rejects.toThrow('bad snapshot id');
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM snapshot_probe`.execute(store.db);
    expect(rows[0].n).toBe(2);
  });
});
