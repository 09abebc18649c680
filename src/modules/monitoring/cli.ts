import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { withRuntime } from '../../cli/run.js';
import { systemActor } from '../access/index.js';
import './messages.js';
import { DepartmentSchema, type RiskEventRequest } from './contract.js';
import { createRiskEvent } from './use-cases/risk-events.js';
import { importDepartmentFile } from './use-cases/import-department-file.js';
import { reevaluateHouseholds } from './use-cases/reevaluate-households.js';
import { runSweep } from './use-cases/run-sweep.js';

/** `ruralbridge monitor sweep | reevaluate | import-department`. */
export function registerMonitoringCommands(program: Command): void {
  const cmd = program.command('monitor').description('dynamic monitoring: early-warning sweep, re-evaluation, department warning files');
  cmd
    .command('sweep')
    .description('evaluate every early-warning rule over the registry and update the risk clues')
    .option('--scope <prefix>', 'division code prefix (default: everything)', '')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: today, China time)')
    .option('--full', 'evaluate every household, not only those that can have changed since the last sweep')
    .action((opts: { scope: string; asOf?: string; full?: boolean }) =>
      withRuntime(async (deps) => {
        const r = await runSweep(deps, systemActor('cli'), { scopePrefix: opts.scope, asOf: opts.asOf, full: opts.full });
        console.log(
          `sweep ${r.asOf}: ${r.fullCounties} counties in full, ${r.incrementalCounties} incrementally (${r.householdsReevaluated} households re-evaluated); ` +
            `${r.households} households with findings, ${r.firings} household-risk findings; clues created ${r.cluesCreated}, updated ${r.cluesUpdated}, resolved ${r.cluesResolved} (${r.ms} ms)`,
        );
      }),
    );
  cmd
    .command('reevaluate <householdIds...>')
    .description('re-evaluate the rules for some households now (after an edit)')
    .action((ids: string[]) =>
      withRuntime(async (deps) => {
        const r = await reevaluateHouseholds(deps, ids.map(Number).filter(Number.isSafeInteger));
        console.log(`re-evaluated ${r.households} households: clues created ${r.cluesCreated}, updated ${r.cluesUpdated}, resolved ${r.cluesResolved}`);
      }),
    );
  cmd
    .command('event')
    .description('record a risk event (disaster, market shock, epidemic, other) and screen the households of its villages')
    .requiredOption('--kind <kind>', 'NATURAL_DISASTER | MARKET_SHOCK | EPIDEMIC | OTHER')
    .requiredOption('--title <text>', 'what happened')
    .requiredOption('--date <date>', 'when it happened, YYYY-MM-DD')
    .requiredOption('--villages <codes>', 'the affected villages: 12-digit codes separated by commas')
    .option('--severity <level>', 'RED | YELLOW | BLUE', 'YELLOW')
    .option('--subtype <text>', 'FLOOD, DROUGHT, GEOLOGICAL, … or the product of a market shock')
    .option('--industry <text>', 'the affected industry (market shocks)')
    .option('--description <text>', 'details', '')
    .action((opts: { kind: string; title: string; date: string; villages: string; severity: string; subtype?: string; industry?: string; description: string }) =>
      withRuntime(async (deps) => {
        const e = await createRiskEvent(deps, systemActor('cli'), {
          kind: opts.kind.toUpperCase() as RiskEventRequest['kind'],
          title: opts.title,
          occurredOn: opts.date,
          villageCodes: opts.villages.split(',').map((v) => v.trim()).filter(Boolean),
          severity: opts.severity.toUpperCase() as RiskEventRequest['severity'],
          subtype: opts.subtype,
          industry: opts.industry,
          description: opts.description,
        });
        console.log(`risk event ${e.id} recorded: ${e.screening?.households ?? 0} households screened, clues created ${e.screening?.cluesCreated ?? 0}, updated ${e.screening?.cluesUpdated ?? 0}`);
      }),
    );
  cmd
    .command('import-department <file>')
    .description('import a department warning file (CSV UTF-8/GBK or XLSX; formats in docs/department-files.md); all-or-nothing')
    .requiredOption('--department <name>', 'medical | civil | education | housing | water | emergency | hr')
    .option('--dry-run', 'check and report only, write nothing')
    .option('--allow-unmatched', 'import the matched rows and skip ID numbers not in the registry')
    .option('--lang <lang>', 'language of the report: zh-CN or en', 'zh-CN')
    .action((file: string, opts: { department: string; dryRun?: boolean; allowUnmatched?: boolean; lang: string }) =>
      withRuntime(async (deps) => {
        const department = DepartmentSchema.parse(opts.department.toUpperCase());
        const r = await importDepartmentFile(deps, systemActor('cli'), {
          department,
          fileName: basename(file),
          bytes: readFileSync(file),
          dryRun: Boolean(opts.dryRun),
          allowUnmatched: Boolean(opts.allowUnmatched),
          lang: opts.lang === 'en' ? 'en' : 'zh-CN',
        });
        for (const p of r.problems) console.log(`row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.reason}${p.value ? ` (${p.value})` : ''}`);
        console.log(
          `${r.committed ? 'imported' : r.dryRun ? 'dry run' : 'not imported'}: ${r.rowsTotal} rows, ${r.rowsValid} valid, ${r.rowsMatched} matched, ${r.rowsUnmatched} unmatched; clues created ${r.cluesCreated}, updated ${r.cluesUpdated}`,
        );
        if (r.problems.length && !r.committed) process.exitCode = 2;
      }),
    );
}
