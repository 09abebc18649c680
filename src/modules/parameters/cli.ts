import type { Command } from 'commander';
import { withRuntime } from '../../cli/run.js';
import { systemActor } from '../access/index.js';
import { listParameters } from './use-cases/resolve-parameter.js';
import { setParameterOverride } from './use-cases/set-parameter-override.js';
import './messages.js';

/** `ruralbridge parameters list|set`. */
export function registerParameterCommands(program: Command): void {
  const cmd = program.command('parameters').description('dated parameters (thresholds, rule settings, time limits): list values, set a county/province value with its document');
  cmd
    .command('list')
    .description('list every parameter with its value for a division on a date')
    .option('--code <code>', 'division code (province 2, county 6 digits, ...)', '52')
    .option('--date <date>', 'YYYY-MM-DD (default: today)')
    .option('--id <id>', 'only this parameter')
    .option('--json', 'print JSON')
    .action((opts: { code: string; date?: string; id?: string; json?: boolean }) =>
      withRuntime(async (deps) => {
        const items = await listParameters(deps, opts);
        if (opts.json) return void console.log(JSON.stringify(items, null, 2));
        for (const p of items) {
          const src = p.layer === 'default' ? 'default' : `${p.layer} ${p.docNo}`;
          console.log(`${p.id.padEnd(42)} ${String(p.value ?? '—').padStart(8)} ${p.unit.padEnd(22)} ${p.label.zh} [${src}, from ${p.effectiveFrom ?? '—'}]`);
        }
      }),
    );
  cmd
    .command('set <id>')
    .description('set a province or county value from a date, with the document number and title (audited)')
    .requiredOption('--code <code>', 'province (2 digits) or county (6 digits) code')
    .requiredOption('--from <date>', 'effective from YYYY-MM-DD')
    .requiredOption('--value <number>', 'value in the parameter unit (yuan for money)')
    .requiredOption('--doc-no <text>', 'document number (文号)')
    .requiredOption('--doc-title <text>', 'document title')
    .option('--reason <text>', 'why')
    .action((id: string, opts: { code: string; from: string; value: string; docNo: string; docTitle: string; reason?: string }) =>
      withRuntime(async (deps) => {
        const r = await setParameterOverride(deps, systemActor('cli'), id, {
          code: opts.code,
          effectiveFrom: opts.from,
          value: Number(opts.value),
          docNo: opts.docNo,
          docTitle: opts.docTitle,
          reason: opts.reason,
        });
        console.log(`set ${id} = ${opts.value} for ${opts.code} from ${opts.from} (override ${r.id})`);
      }),
    );
}
