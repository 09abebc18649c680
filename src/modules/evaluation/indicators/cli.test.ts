import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/testing.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../platform/db.js';

describe('ruralbridge indicators import', { timeout: 300_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rb-indicators-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reports bad rows with exit code 2 and writes nothing, then imports a clean file with one audit event', async () => {
    expect((await runCli(dataDir, ['divisions', 'load', '--county', '520527'])).code).toBe(0);
    const store = await openStore({ dataDir: join(dataDir, 'pglite') });
    const villages = (await store.db.selectFrom('division').select('code').where('level', '=', 5).orderBy('code').limit(2).execute()).map((r) => r.code);
    await store.close();

    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, ['division_code,year,indicator_code,value', `${villages[0]},2024,industry.labour_productivity,1.5`, `${villages[1]},2024,ecology.green_coverage,140`].join('\n'));
    const dry = await runCli(dataDir, ['indicators', 'import', bad, '--lang', 'en']);
    expect(dry.code).toBe(2);
    expect(dry.err).toMatch(/1 problems; nothing imported/);
    expect(dry.err).toMatch(/row 3, value: The value is outside the range its unit allows \(0–100\)/);

    const good = join(dataDir, 'good.csv');
    writeFileSync(good, ['区划代码,年份,指标代码,数值', `${villages[0]},2024,industry.labour_productivity,1.5`, `${villages[1]},2024,ecology.green_coverage,40`].join('\n'));
    const checked = await runCli(dataDir, ['indicators', 'import', good, '--dry-run']);
    expect(checked.code).toBe(0);
    expect(checked.out).toMatch(/false/);
    const done = await runCli(dataDir, ['indicators', 'import', good]);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/\btrue\b/);

    const after = await openStore({ dataDir: join(dataDir, 'pglite') });
    try {
      const values = await after.db.selectFrom('indicator_value').select(['division_code', 'indicator_code', 'value', 'source']).orderBy('division_code').execute();
      expect(values).toEqual([
        { division_code: villages[0], indicator_code: 'industry.labour_productivity', value: 1.5, source: 'import' },
        { division_code: villages[1], indicator_code: 'ecology.green_coverage', value: 40, source: 'import' },
      ]);
      const events = await after.db.selectFrom('audit_event').select(['action', 'actor_name']).where('action', '=', 'evaluation.indicator_values.import').execute();
      expect(events).toEqual([{ action: 'evaluation.indicator_values.import', actor_name: 'cli' }]);
    } finally {
      await after.close();
    }
  });
});
