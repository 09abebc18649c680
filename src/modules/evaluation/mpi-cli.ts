import type { Command } from 'commander';
import { systemActor } from '../access/index.js';
import { renderTable } from '../measures/index.js';
import { withRuntime } from '../../cli/run.js';
import { invalidInput } from '../../platform/errors.js';
import { MpiQuerySchema } from './mpi-contract.js';
import { evaluateMpi } from './use-cases/evaluate-mpi.js';

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);
const num = (x: number | null): string => (x === null ? '—' : x.toFixed(4));

/** `ruralbridge evaluate mpi --division 520527 --year 2024 [--by category] [--json]` on the registry. */
export function registerMpiCommand(evaluate: Command): void {
  evaluate
    .command('mpi')
    .description('multidimensional poverty (Alkire-Foster H, A, M0) of a division and year with the county’s specification')
    .requiredOption('--division <prefix>', 'division code prefix (2, 4, 6, 9 or 12 digits)')
    .requiredOption('--year <year>', 'income year')
    .option('--by <breakdown>', 'household_type | category | relocated | ethnicity')
    .option('--json', 'print JSON instead of tables')
    .action((opts: { division: string; year: string; by?: string; json?: boolean }) =>
      withRuntime(async (deps) => {
        const parsed = MpiQuerySchema.safeParse({ division: opts.division, year: opts.year, by: opts.by });
        if (!parsed.success) {
          throw invalidInput('invalid options', parsed.error.issues.map((i) => ({ path: `--${i.path.join('.')}`, message: i.message })));
        }
        const r = await evaluateMpi(deps, systemActor('cli'), parsed.data);
        for (const w of r.warnings) console.error(`warning [${w.code}]: ${w.message}`);
        if (opts.json) {
          console.log(JSON.stringify(r, null, 2));
          return;
        }
        console.log(`${r.division} ${r.year}: ${r.spec.name.en} (${r.spec.source}${r.spec.scopeCode ? ` ${r.spec.scopeCode}` : ''}, v${r.spec.version}); k = ${num(r.k)}; threshold ${(r.thresholdFen / 100).toFixed(0)} yuan`);
        console.log(renderTable(['households', 'persons', 'H', 'A', 'M0', 'poor persons'], [[r.households, r.persons, pct(r.H), pct(r.A), num(r.M0), r.poorPersons]]));
        console.log('\n' + renderTable(['indicator', 'dimension', 'weight', 'uncensored', 'censored', 'contribution'], r.indicators.map((i) => [i.id, i.dimension, num(i.weight), pct(i.uncensoredHeadcount), pct(i.censoredHeadcount), pct(i.contribution)])));
        if (r.groups) console.log('\n' + renderTable(['group', 'households', 'persons', 'H', 'A', 'M0', 'contribution'], r.groups.map((g) => [g.group, g.households, g.persons, pct(g.H), pct(g.A), num(g.M0), pct(g.contribution)])));
        if (r.children.length) console.log('\n' + renderTable(['code', 'name', 'households', 'persons', 'H', 'A', 'M0'], r.children.map((c) => [c.prefix, c.name, c.households, c.persons, pct(c.H), pct(c.A), num(c.M0)])));
      }),
    );
}
