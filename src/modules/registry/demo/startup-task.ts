import type { Deps } from '../../../platform/deps.js';
import { loadDivisions } from '../../divisions/index.js';
import { DEMO_CALIBRATION } from './calibration.js';
import { createDemoAccounts, formatDemoAccounts } from './demo-accounts.js';
import { seedDemo } from './seed-demo.js';

/**
 * Default demo scale for the first start: 0.15 of the county's 185,000 registered rural households
 * (27,750 households, ~103,000 people, 166,500 income records). The full county (scale 1) costs
 * about 0.6 ms of CPU per household on embedded PGlite (~2 minutes), which breaks the 60-second
 * first-start target; load it with `ruralbridge seed demo --scale 1 --force` or SEED_SCALE=1.
 * Measured: the first `serve` at scale 0.2 used 53 s of CPU (43 user + 10 system, peak RSS 0.94 GB)
 * before the web build's ~5 s, too close to 60 s, hence 0.15. Re-measure with
 * `npm run bench -- first-start` (bench/first-start.ts).
 */
export const DEFAULT_DEMO_SCALE = 0.15;
export const DEFAULT_DEMO_SEED = 20251231;
const SETTING_KEY = 'demo.seeded';

/**
 * `serve` on an empty database: load the demo county's divisions, generate the demo county, create
 * the demo accounts and print them. Marked done in app_setting, so later starts do nothing; a
 * database that already has households (imported real data) is left alone.
 */
export async function seedDemoOnFirstStart(deps: Deps, options: { seed: boolean }): Promise<void> {
  if (!options.seed) return;
  const { db } = deps.store;
  const done = await db.selectFrom('app_setting').select('key').where('key', '=', SETTING_KEY).executeTakeFirst();
  if (done) return;
  const hasHouseholds = await db.selectFrom('household').select('id').limit(1).executeTakeFirst();
  if (hasHouseholds) {
    await markDone(deps, { skipped: 'database already had households' });
    return;
  }
  const scale = deps.config.SEED_SCALE ?? DEFAULT_DEMO_SCALE;
  const started = performance.now();
  console.log(`first start: loading the divisions of ${DEMO_CALIBRATION.countyCode} and generating the demo county (scale ${scale}) ...`);
  await loadDivisions(deps, { kind: 'county', prefix: DEMO_CALIBRATION.countyCode });
  const report = await seedDemo(deps, { scale, seed: DEFAULT_DEMO_SEED });
  const accounts = await createDemoAccounts(deps);
  await markDone(deps, { seed: report.seed, scale: report.scale, households: report.households, persons: report.persons });
  console.log(`demo county ready: ${report.households} households, ${report.persons} people, ${report.incomeRecords} income records in ${((performance.now() - started) / 1000).toFixed(1)} s (synthetic data)`);
  console.log(formatDemoAccounts(accounts));
}

async function markDone(deps: Deps, value: Record<string, unknown>): Promise<void> {
  await deps.store.db
    .insertInto('app_setting')
    .values({ key: SETTING_KEY, value: JSON.stringify({ ...value, at: deps.clock.now().toISOString() }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
