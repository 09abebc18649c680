import type { Command } from 'commander';
import { systemActor } from '../access/index.js';
import { renderTable } from '../measures/index.js';
import { withRuntime } from '../../cli/run.js';
import { invalidInput } from '../../platform/errors.js';
import { PovertyQuerySchema } from './contract.js';
import { evaluateIncomePoverty } from './use-cases/evaluate-income-poverty.js';
import { registerMpiCommand } from './mpi-cli.js';

/** `ruralbridge evaluate poverty --division 520527 --year 2024 [--by household_type] [--json]` on the registry. */
export function registerEvaluationCommands(program: Command): void {
  const evaluate =
    program.commands.find((c) => c.name() === 'evaluate') ?? program.command('evaluate').description('evaluation methods and evaluations on the registry');
  evaluate
    .command('poverty')
    .description('income poverty (FGT P0/P1/P2, Gini) of a division and year against the monitoring threshold')
    .requiredOption('--division <prefix>', 'division code prefix (2, 4, 6, 9 or 12 digits)')
    .requiredOption('--year <year>', 'income year')
    .option('--by <breakdown>', 'household_type | relocated | ethnicity')
    .option('--json', 'print JSON instead of a table')
    .action((opts: { division: string; year: string; by?: string; json?: boolean }) =>
      withRuntime(async (deps) => {
        const parsed = PovertyQuerySchema.safeParse({ division: opts.division, year: opts.year, by: opts.by });
        if (!parsed.success) {
          throw invalidInput('invalid options', parsed.error.issues.map((i) => ({ path: `--${i.path.join('.')}`, message: i.message })));
        }
        const r = await evaluateIncomePoverty(deps, systemActor('cli'), parsed.data);
        for (const w of r.warnings) console.error(`warning [${w.code}]: ${w.message}`);
        if (opts.json) {
          console.log(JSON.stringify(r, null, 2));
          return;
        }
        console.log(`${r.division} ${r.year}: threshold ${(r.thresholdFen / 100).toFixed(0)} yuan/person/year`);
        console.log(renderTable(['households', 'persons', 'P0', 'P1', 'P2', 'poor persons', 'gini'], [[r.households, r.persons, r.P0, r.P1, r.P2, r.poorPersons, r.gini]]));
        if (r.groups) {
          console.log('\n' + renderTable(['group', 'households', 'persons', 'popShare', 'P0', 'P1', 'P2', 'gini'], r.groups.map((g) => [g.group, g.households, g.persons, g.popShare, g.P0, g.P1, g.P2, g.gini])));
        }
      }),
    );
  registerMpiCommand(evaluate);
}
