/**
 * `ruralbridge import households FILE [--incomes FILE] [--dry-run] [--lang en]` and
 * `ruralbridge export households --division CODE --format xlsx|csv [--out FILE]`. The CLI acts as
 * the system actor. Exit code 2 when the file has bad rows; the error report path is printed.
 */
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import { withRuntime } from '../../../cli/run.js';
import { translate, type Lang } from '../../../platform/messages.js';
import { systemActor } from '../../access/index.js';
import { describeError, writeErrorReportFile } from './io/error-report.js';
import { exportHouseholds, type ExportFormat } from './use-cases/export-households.js';
import { importHouseholds, type ImportSummary } from './use-cases/import-households.js';
import './messages.js';

const langOf = (v: string | undefined): Lang => (v === 'en' ? 'en' : 'zh-CN');

function progressBar(label: string) {
  return new cliProgress.SingleBar(
    { format: `${label} {phase} |{bar}| {percentage}% | {rows}`, noTTYOutput: true, notTTYSchedule: 2000, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
}

function subcommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function printSummary(s: ImportSummary, lang: Lang): void {
  const en = lang === 'en';
  const c = s.counts;
  console.log(en ? `file: ${s.fileName} (sha256 ${s.sha256})` : `文件：${s.fileName}（sha256 ${s.sha256}）`);
  console.log(en ? `rows: ${s.rows.people} people, ${s.rows.incomes} incomes` : `行数：人员 ${s.rows.people}，收入 ${s.rows.incomes}`);
  if (c) {
    const line = (zh: string, e: string, x: { inserted: number; updated: number; unchanged: number; removed?: number }) =>
      console.log(
        en
          ? `${e}: ${x.inserted} new, ${x.updated} changed, ${x.unchanged} unchanged${x.removed !== undefined ? `, ${x.removed} removed` : ''}`
          : `${zh}：新增 ${x.inserted}，变更 ${x.updated}，未变 ${x.unchanged}${x.removed !== undefined ? `，移出 ${x.removed}` : ''}`,
      );
    line('户', 'households', c.households);
    line('人', 'persons', c.persons);
    line('收入记录', 'income records', c.incomes);
  }
  const t = s.timings;
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    en
      ? `time: read+validate+stage ${sec(t.readMs)} s, checks ${sec(t.checkMs)} s, writes ${sec(t.writeMs)} s, commit ${sec(t.commitMs)} s`
      : `用时：读取校验暂存 ${sec(t.readMs)} 秒，数据库检查 ${sec(t.checkMs)} 秒，写入 ${sec(t.writeMs)} 秒，提交 ${sec(t.commitMs)} 秒`,
  );
  // After the commit, not part of the import: monitoring re-evaluates the imported households (decision 0003).
  if (s.committed) console.log(en ? `monitoring re-evaluation after the commit: ${sec(t.followUpMs)} s` : `提交后监测预警重新评估：${sec(t.followUpMs)} 秒`);
}

export function registerImportExportCommands(program: Command): void {
  subcommand(program, 'import', 'import data from files')
    .command('households')
    .description('import households and people (CSV or XLSX; see docs/import-format.md), optionally incomes; all-or-nothing')
    .argument('<file>', 'people file: .csv (UTF-8 or GBK) or .xlsx with sheets 人员 and 收入')
    .option('--incomes <file>', 'incomes CSV (for a CSV people file)')
    .option('--dry-run', 'check and count only, write nothing')
    .option('--lang <lang>', 'language of messages and the error report: zh-CN or en', 'zh-CN')
    .option('--report <path>', 'where to write the error report (default: FILE.errors.csv)')
    .action(async (file: string, opts: { incomes?: string; dryRun?: boolean; lang: string; report?: string }) => {
      const lang = langOf(opts.lang);
      await withRuntime(async (deps) => {
        const workDir = await mkdtemp(join(tmpdir(), 'rb-import-'));
        const bar = progressBar(lang === 'en' ? 'import' : '导入');
        bar.start(100, 0, { phase: 'reading', rows: 0 });
        try {
          const summary = await importHouseholds(deps, systemActor('cli'), {
            people: { path: file, name: basename(file) },
            incomes: opts.incomes ? { path: opts.incomes, name: basename(opts.incomes) } : null,
            dryRun: Boolean(opts.dryRun),
            workDir,
            onProgress: (p) => bar.update(Math.round(p.fraction * 100), { phase: p.phase, rows: p.rows }),
          });
          bar.stop();
          printSummary(summary, lang);
          if (summary.errorCount > 0) {
            const report = opts.report ?? `${file}.errors.csv`;
            await writeErrorReportFile(summary.errorsPath, report, lang, report.endsWith('.xlsx') ? 'xlsx' : 'csv');
            for (const e of summary.errors.slice(0, 20)) {
              const d = describeError(e, lang);
              console.error(`  ${d.table} ${lang === 'en' ? 'row' : '第'} ${d.row}${lang === 'en' ? '' : ' 行'} ${d.column} ${JSON.stringify(d.value)}: ${d.reason}`);
            }
            console.error(
              lang === 'en'
                ? `${summary.errorCount} errors; nothing was written. Report: ${report}`
                : `共 ${summary.errorCount} 处错误，未写入任何数据。错误报告：${report}`,
            );
            process.exitCode = 2;
          } else if (summary.committed) {
            console.log(lang === 'en' ? `committed (import #${summary.importId})` : `已导入（导入批次 #${summary.importId}）`);
          } else {
            console.log(lang === 'en' ? 'dry run: no errors, nothing written' : '试导入：没有错误，未写入数据');
          }
        } finally {
          bar.stop();
          await rm(workDir, { recursive: true, force: true });
        }
      });
    });

  subcommand(program, 'export', 'export data to files')
    .command('households')
    .description('export the households of a division subtree in the import format (re-imports unchanged)')
    .requiredOption('--division <code>', 'division code (12 digits) or its significant prefix, e.g. 520527')
    .option('--format <format>', 'xlsx or csv', 'xlsx')
    .option('--out <file>', 'output file (default households-CODE.xlsx / .csv)')
    .option('--incomes-out <file>', 'CSV only: incomes file (default OUT-incomes.csv)')
    .option('--lang <lang>', 'header and label language: zh-CN or en', 'zh-CN')
    .action(async (opts: { division: string; format: string; out?: string; incomesOut?: string; lang: string }) => {
      const lang = langOf(opts.lang);
      const format: ExportFormat = opts.format === 'csv' ? 'csv' : 'xlsx';
      if (opts.format !== 'csv' && opts.format !== 'xlsx') {
        console.error(`--format must be xlsx or csv`);
        process.exitCode = 2;
        return;
      }
      await withRuntime(async (deps) => {
        const out = opts.out ?? `households-${opts.division}.${format}`;
        const incomesPath = format === 'csv' ? (opts.incomesOut ?? out.replace(/\.csv$/i, '') + '-incomes.csv') : null;
        const outStream = createWriteStream(out);
        const incomesStream = incomesPath ? createWriteStream(incomesPath) : null;
        const bar = progressBar(lang === 'en' ? 'export' : '导出');
        bar.start(1, 0, { phase: '', rows: '' });
        const result = await exportHouseholds(deps, systemActor('cli'), {
          division: opts.division,
          format,
          lang,
          out: outStream,
          incomesOut: incomesStream,
          onProgress: (done, total) => {
            bar.setTotal(Math.max(1, total));
            bar.update(done, { phase: '', rows: '' });
          },
        });
        bar.stop();
        if (!outStream.writableFinished) await once(outStream, 'finish');
        console.log(
          lang === 'en'
            ? `${result.households} households, ${result.persons} persons, ${result.incomes} income records → ${out}${incomesPath ? `, ${incomesPath}` : ''}`
            : `${result.households} 户，${result.persons} 人，${result.incomes} 条收入记录 → ${out}${incomesPath ? `，${incomesPath}` : ''}`,
        );
      });
    });
}

export const cliMessage = translate;
