import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../access/index.js';
import { renderTable } from '../../measures/index.js';
import { withRuntime } from '../../../cli/run.js';
import { AppError } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/messages.js';
import { importIndicatorValues } from './use-cases/import-indicator-values.js';

/** `ruralbridge indicators import FILE [--dry-run] [--lang en]`: revitalisation indicator values (docs/evaluation-revitalisation.md). */
export function registerIndicatorCommands(program: Command): void {
  const indicators = program.command('indicators').description('revitalisation indicator values');
  indicators
    .command('import')
    .description('import indicator values from CSV/XLSX (division code, year, indicator code, value); all or nothing, audited')
    .argument('<file>', 'CSV (UTF-8 or GBK) or XLSX file')
    .option('--dry-run', 'check every row and report the problems; write nothing')
    .option('--lang <lang>', 'language of the problem reasons: zh-CN or en', 'zh-CN')
    .action((file: string, opts: { dryRun?: boolean; lang: string }) =>
      withRuntime(async (deps) => {
        const lang: Lang = opts.lang === 'en' ? 'en' : 'zh-CN';
        const bytes = await readFile(file).catch(() => {
          throw new AppError('not_found', `cannot read ${file}`);
        });
        const r = await importIndicatorValues(deps, systemActor('cli'), { fileName: basename(file), bytes, dryRun: opts.dryRun === true, lang });
        console.log(renderTable(['rows', 'valid', 'divisions', 'years', 'written', 'replaced', 'committed'], [[r.rowsTotal, r.rowsValid, r.divisions, r.years.join(','), r.valuesWritten, r.valuesReplaced, String(r.committed)]]));
        if (r.problems.length) {
          console.log('\n' + renderTable(['row', 'column', 'value', 'reason'], r.problems.slice(0, 200).map((p) => [p.row, p.column, p.value, p.reason])));
            if (r.problems.length > 200) console.log(`... ${r.problems.length - 200} more`);
            process.exitCode = 2;
          }
      }),
    );
}
