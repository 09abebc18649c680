/**
 * Analyst CLI on CSV/XLSX files (no database):
 *   ruralbridge measure fgt|gini|mpi --input FILE --spec SPEC.json [--json]
 *   ruralbridge evaluate entropy|topsis|coupling --input FILE --spec SPEC.json [--json]
 * Bad input ends with a clear message and exit code 2. Spec shapes: docs/measures.md.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { z } from 'zod';
import { reportCliError } from '../../cli/run.js';
import { invalidInput } from '../../platform/errors.js';
import { hasMessage, translate } from '../../platform/messages.js';
import './messages.js';
import {
  CouplingSpecSchema,
  EntropySpecSchema,
  FgtSpecSchema,
  GiniSpecSchema,
  MpiSpecSchema,
  TopsisSpecSchema,
} from './contract.js';
import type { MethodWarning } from './domain/method-error.js';
import { renderTable, type Cell } from './io/format-table.js';
import { readTable, type ColumnTable, type TableRequest } from './io/read-table.js';
import { evaluateCoupling, couplingColumns } from './use-cases/evaluate-coupling.js';
import { evaluateEntropy, entropyColumns } from './use-cases/evaluate-entropy.js';
import { evaluateTopsis, topsisColumns } from './use-cases/evaluate-topsis.js';
import { measureFgt, fgtColumns } from './use-cases/measure-fgt.js';
import { measureGini, giniColumns } from './use-cases/measure-gini.js';
import { measureMpi, mpiColumns } from './use-cases/measure-mpi.js';

interface FileCommandOptions {
  input: string;
  spec: string;
  json?: boolean;
}

/** Reads and validates a spec file; messages name the key. */
export async function readSpec<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw invalidInput(`cannot read spec file ${path}`, [{ path: 'spec', message: 'the file does not exist or cannot be read', value: path }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalidInput(`spec file ${path} is not valid JSON: ${(e as Error).message}`, [{ path: 'spec', message: 'malformed JSON' }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      path: i.path.length ? `spec.${i.path.join('.')}` : 'spec',
      // A schema's message key, in the system's default language (the CLI has no other).
      message: hasMessage(i.message) ? translate('zh-CN', i.message, 'params' in i ? i.params : undefined) : i.message,
    }));
    throw invalidInput(`spec file ${path} is invalid: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  return parsed.data;
}

function printWarnings(warnings: readonly MethodWarning[]): void {
  for (const w of warnings) {
    const rows = w.rows?.length ? ` (rows ${w.rows.slice(0, 10).join(', ')}${w.rows.length > 10 ? ', …' : ''})` : '';
    console.error(`warning [${w.code}]: ${w.message}${rows}`);
  }
}

function fileCommand<S extends z.ZodType, O>(
  parent: Command,
  name: string,
  description: string,
  schema: S,
  columns: (spec: z.output<S>) => TableRequest,
  run: (table: ColumnTable, spec: z.output<S>) => { output: O; warnings: MethodWarning[] },
  render: (output: O) => string,
): void {
  parent
    .command(name)
    .description(description)
    .requiredOption('--input <file>', 'CSV (UTF-8 or GBK) or XLSX (first sheet) with a header row')
    .requiredOption('--spec <file>', 'spec JSON (see docs/measures.md)')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: FileCommandOptions) => {
      try {
        const spec = await readSpec(opts.spec, schema);
        const table = await readTable(opts.input, columns(spec));
        const { output, warnings } = run(table, spec);
        printWarnings(warnings);
        console.log(opts.json ? JSON.stringify(output, null, 2) : render(output));
      } catch (e) {
        reportCliError(e);
      }
    });
}

const pct = (x: number | null): Cell => (x === null ? null : x * 100);

export function registerMeasuresCommands(program: Command): void {
  const measure = program.command('measure').description('poverty and inequality measures on a CSV/XLSX file');
  fileCommand(measure, 'fgt', 'FGT poverty measures P0, P1, P2', FgtSpecSchema, fgtColumns, measureFgt, (o) => {
    let out = renderTable(['n', 'P0', 'P1', 'P2'], [[o.n, o.P0, o.P1, o.P2]]);
    if (o.groups) {
      out += '\n\n' + renderTable(
        ['group', 'n', 'popShare', 'P0', 'P1', 'P2', 'P0 contrib %', 'P1 contrib %', 'P2 contrib %'],
        o.groups.map((g) => [g.group, g.n, g.popShare, g.P0, g.P1, g.P2, pct(g.contribution.P0), pct(g.contribution.P1), pct(g.contribution.P2)]),
      );
    }
    return out;
  });
  fileCommand(measure, 'gini', 'Gini coefficient (population formula)', GiniSpecSchema, giniColumns, measureGini, (o) => {
    let out = renderTable(['n', 'gini'], [[o.n, o.gini]]);
    if (o.groups) out += '\n\n' + renderTable(['group', 'n', 'popShare', 'gini'], o.groups.map((g) => [g.group, g.n, g.popShare, g.gini]));
    return out;
  });
  fileCommand(measure, 'mpi', 'Alkire-Foster multidimensional poverty (H, A, M0, M1, M2)', MpiSpecSchema, mpiColumns, measureMpi, (o) => {
    let out = renderTable(['n', 'H', 'A', 'M0', 'M1', 'M2'], [[o.n, o.H, o.A, o.M0, o.M1, o.M2]]);
    out += '\n\n' + renderTable(
      ['indicator', 'uncensored h', 'censored h', 'contribution %'],
      Object.entries(o.indicators).map(([c, v]) => [c, v.uncensoredHeadcount, v.censoredHeadcount, pct(v.contribution)]),
    );
    if (o.groups) {
      out += '\n\n' + renderTable(
        ['group', 'n', 'popShare', 'H', 'A', 'M0', 'M1', 'M2', 'contribution %'],
        o.groups.map((g) => [g.group, g.n, g.popShare, g.H, g.A, g.M0, g.M1, g.M2, pct(g.contribution)]),
      );
    }
    return out;
  });

  const evaluate = program.commands.find((c) => c.name() === 'evaluate') ?? program.command('evaluate').description('evaluation methods (entropy weights, TOPSIS, coupling coordination)');
  fileCommand(evaluate, 'entropy', 'entropy weights of the criteria', EntropySpecSchema, entropyColumns, evaluateEntropy, (o) =>
    renderTable(['criterion', 'weight'], Object.entries(o.weights).map(([c, w]) => [c, w])),
  );
  fileCommand(evaluate, 'topsis', 'TOPSIS closeness and ranks', TopsisSpecSchema, topsisColumns, evaluateTopsis, (o) => {
    const crit = Object.keys(o.weights);
    return (
      renderTable(['criterion', 'weight', 'ideal best', 'ideal worst'], crit.map((c) => [c, o.weights[c], o.idealBest[c], o.idealWorst[c]])) +
      '\n\n' +
      renderTable(['id', 'D+', 'D-', 'closeness', 'rank'], o.alternatives.map((a) => [String(a.id), a.dPlus, a.dMinus, a.closeness, a.rank]))
    );
  });
  fileCommand(evaluate, 'coupling', 'coupling coordination degree (C, T, D, level)', CouplingSpecSchema, couplingColumns, evaluateCoupling, (o) =>
    renderTable(['id', 'C', 'T', 'D', 'level', '等级', 'grade'], o.alternatives.map((a) => [String(a.id), a.C, a.T, a.D, a.level, a.levelName.zh, a.levelName.en])),
  );
}
