import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../../platform/db.js';
import { migrate } from '../../db/migrate.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from '../monitoring/testing.js';
import { defaultMonitoringThresholdFen } from '../parameters/index.js';

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return env;
}

/** Runs the real CLI on an embedded database in a temporary folder. */
function cli(dataDir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', resolve('src/cli/main.ts'), ...args],
      { env: { ...withoutDatabaseUrl(), DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, timeout: 240_000 },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

describe('ruralbridge evaluate mpi', () => {
  let dataDir: string;
  const z = defaultMonitoringThresholdFen('52', '2024-12-31')!;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rb-cli-mpi-'));
    const store = await openStore({ dataDir: join(dataDir, 'pglite') });
    await migrate(store);
    await seedTestDivisions(store);
    // Poor: income below z (1/6) + unsafe water (1/6) = 1/3. Not poor: unsafe water only (1/6).
    await insertTestHousehold(store, { villageCode: TEST_VILLAGES[0], members: [{}, {}], incomes: [{ year: 2024, wageFen: 0 }], guarantee: { waterUnsafe: true } });
    await insertTestHousehold(store, { villageCode: TEST_VILLAGES[2], members: [{}, {}, {}], incomes: [{ year: 2024, wageFen: 3 * (z + 1) }], guarantee: { waterUnsafe: true } });
    await store.close();
  }, 240_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints H, A and M0 as JSON and as tables, and refuses a malformed division with exit code 2', async () => {
    const json = await cli(dataDir, ['evaluate', 'mpi', '--division', '520527', '--year', '2024', '--json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.out);
    expect(r).toMatchObject({ households: 2, persons: 5, poorPersons: 2, H: 0.4 });
    expect(r.M0).toBeCloseTo((2 * (1 / 3)) / 5, 12);
    expect(r.children.map((c: { prefix: string; H: number }) => [c.prefix, c.H])).toEqual([
      ['520527101', 1],
      ['520527102', 0],
    ]);

    const table = await cli(dataDir, ['evaluate', 'mpi', '--division', '520527', '--year', '2024', '--by', 'household_type']);
    expect(table.code).toBe(0);
    expect(table.out).toContain('40.00%');
    expect(table.out).toMatch(/drinking_water\s+water/);
    expect(table.out).toMatch(/general\s+2\s+5/);

    const bad = await cli(dataDir, ['evaluate', 'mpi', '--division', '5205x', '--year', '2024']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--division');
  });
});
