import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { withRuntime } from '../../../cli/run.js';
import { invalidInput } from '../../../platform/errors.js';
import { createDemoAccounts, formatDemoAccounts } from './demo-accounts.js';
import { seedDemo } from './seed-demo.js';
import { DEFAULT_DEMO_SCALE, DEFAULT_DEMO_SEED } from './startup-task.js';

/** `ruralbridge seed demo [--scale F] [--seed N] [--force]`. */
export function registerDemoCommands(program: Command): void {
  const seed = program.command('seed').description('fill the database with synthetic data');
  seed
    .command('demo')
    .description('generate the synthetic demo county 赫章县 (520527; load its divisions first) and the demo accounts')
    .option('--scale <F>', `fraction of the county's 185,000 registered rural households; 1 = the whole county (default SEED_SCALE or ${DEFAULT_DEMO_SCALE})`)
    .option('--seed <N>', `random seed; the same seed and scale give the same data (default ${DEFAULT_DEMO_SEED})`)
    .option('--force', "delete the county's registry rows first when the database already has households")
    .action((opts: { scale?: string; seed?: string; force?: boolean }) =>
      withRuntime(async (deps) => {
        const scale = opts.scale === undefined ? (deps.config.SEED_SCALE ?? DEFAULT_DEMO_SCALE) : Number(opts.scale);
        const seedValue = opts.seed === undefined ? DEFAULT_DEMO_SEED : Number(opts.seed);
        if (!Number.isFinite(scale)) throw invalidInput('bad scale', [{ path: '--scale', message: 'a number such as 0.1', value: opts.scale }]);
        const bar = new SingleBar({ format: 'households [{bar}] {percentage}% | {value}/{total}', noTTYOutput: true, notTTYSchedule: 2000, hideCursor: true }, Presets.shades_classic);
        let started = false;
        const report = await seedDemo(deps, {
          scale,
          seed: seedValue,
          force: opts.force,
          onProgress: (done, total) => {
            if (!started) (bar.start(total, 0), (started = true));
            bar.update(done);
          },
        });
        if (started) bar.stop();
        const s = report.stats;
        const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
        console.log(`demo county ${report.countyCode}: ${report.households} households, ${report.persons} people, ${report.incomeRecords} income records in ${report.villages} villages (${(report.ms / 1000).toFixed(1)} s; seed ${report.seed}, scale ${report.scale})`);
        if (report.deletedHouseholds) console.log(`deleted first: ${report.deletedHouseholds} households`);
        console.log(`formerly poor ${pct(s.formerlyPoorShare)}, relocated ${pct(s.relocatedShare)}, mean size ${s.meanHouseholdSize.toFixed(2)}`);
        console.log(
          'below the monitoring threshold: ' + Object.entries(s.shareBelowThreshold).map(([y, x]) => `${y} ${pct(x)}`).join(', ') +
            `; mean per-capita net 2023 ${Math.round(s.meanPerCapitaNet[2023]?.all ?? 0)} yuan`,
        );
        console.log(formatDemoAccounts(await createDemoAccounts(deps)));
      }),
    );
}
