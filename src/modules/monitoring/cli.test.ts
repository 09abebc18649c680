import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/testing.js';
import { openStore } from '../../platform/db.js';
import { toLocalDate } from '../../platform/clock.js';
import { migrate } from '../../db/migrate.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from './testing.js';

describe('ruralbridge monitor event and sweep', { timeout: 300_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rb-cli-monitor-'));
    const store = await openStore({ dataDir: join(dataDir, 'pglite') });
    await migrate(store);
    await seedTestDivisions(store);
    await insertTestHousehold(store, { villageCode: TEST_VILLAGES[0] });
    await insertTestHousehold(store, { villageCode: TEST_VILLAGES[0] });
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('records a flood, screens the households of its village, and refuses bad input naming the field', async () => {
    const today = toLocalDate(new Date()); // the CLI runs on the real clock
    const ok = await runCli(dataDir, ['monitor', 'event', '--kind', 'natural_disaster', '--title', '洪涝灾害', '--date', today, '--villages', TEST_VILLAGES[0], '--severity', 'red']);
    expect(ok.err).toBe('');
    expect(ok.out).toMatch(/risk event \d+ recorded: 2 households screened, clues created [1-9]/);

    const badKind = await runCli(dataDir, ['monitor', 'event', '--kind', 'meteor', '--title', 'x', '--date', '2025-05-20', '--villages', TEST_VILLAGES[0]]);
    expect(badKind.code).toBe(2);
    expect(badKind.err).toContain('kind:');
    const unknownVillage = await runCli(dataDir, ['monitor', 'event', '--kind', 'OTHER', '--title', 'x', '--date', '2025-05-20', '--villages', '520527999999']);
    expect(unknownVillage.code).toBe(2);
    expect(unknownVillage.err).toContain('villageCodes: 没有这个村：520527999999 ("520527999999")');

    const full = await runCli(dataDir, ['monitor', 'sweep', '--as-of', '2025-06-01', '--full']);
    expect(full.out).toMatch(/1 counties in full, 0 incrementally/);
    const daily = await runCli(dataDir, ['monitor', 'sweep', '--as-of', '2025-06-02']);
    expect(daily.out).toMatch(/0 counties in full, 1 incrementally/);
  });
});
