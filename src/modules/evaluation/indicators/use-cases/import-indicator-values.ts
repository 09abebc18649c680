import { canImportRegistry, auditDenied, withActorTransaction, type Actor } from '../../../access/index.js';
import { recordAudit } from '../../../audit/index.js';
import { listDivisionSubtree } from '../../../divisions/index.js';
import type { Deps } from '../../../../platform/deps.js';
import { AppError } from '../../../../platform/errors.js';
import { translate, type Lang } from '../../../../platform/messages.js';
import type { ImportProblem, Indicator, IndicatorImportReport } from '../contract.js';
import { VALUE_COLUMNS, locateColumns, parseIndicatorNumber, unitRange } from '../domain/import-columns.js';
import { readTable } from '../../../../platform/read-table.js';
import { countExisting, loadValues, upsertValues, type ValueRow } from '../store/indicator-store.js';
import { loadIndicatorSystem } from './get-indicator-system.js';
import '../messages.js';

export const MAX_VALUE_ROWS = 200_000;

export interface ImportValuesInput {
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  lang: Lang;
}

/**
 * Indicator values from CSV/XLSX (long format): every row checked (division known and in scope,
 * year, indicator of the county's system and not computed, number within the unit's range, no
 * duplicate). A dry run reports the problems with row, column and reason; a commit with any problem
 * is refused and writes nothing; a clean commit writes every value in one transaction (replacing
 * values of the same division, year and indicator) with one audit event.
 */
export async function importIndicatorValues(deps: Deps, actor: Actor, input: ImportValuesInput): Promise<IndicatorImportReport> {
  if (!canImportRegistry(actor)) {
    await auditDenied(deps, actor, { entityType: 'indicator_value', reason: '角色无权导入指标数据', attempted: 'indicator_value.import' });
    throw new AppError('forbidden', `role ${actor.role} may not import indicator values`, { key: 'evaluation.indicators.forbidden_role' });
  }
  const lang = input.lang;
  const problems: ImportProblem[] = [];
  const problem = (row: number, column: string, value: string, code: string, params: Record<string, unknown> = {}) =>
    problems.push({ row, column, value, code, reason: translate(lang, code, params) });
  const colName = (key: string) => {
    const c = VALUE_COLUMNS.find((x) => x.key === key)!;
    return lang === 'en' ? c.en : c.zh;
  };
  const report = (extra: Partial<IndicatorImportReport> = {}): IndicatorImportReport => ({
    dryRun: input.dryRun,
    committed: false,
    rowsTotal: 0,
    rowsValid: 0,
    valuesWritten: 0,
    valuesReplaced: 0,
    divisions: 0,
    years: [],
    problems,
    ...extra,
  });

  const table = await readTable(input.bytes);
  if (!table) {
    problem(0, '', input.fileName, 'evaluation.indicators.import.bad_file');
    return refuseOrReport(input, report());
  }
  if (table.rows.length === 0) {
    problem(0, '', input.fileName, 'evaluation.indicators.import.empty_file');
    return refuseOrReport(input, report());
  }
  if (table.rows.length > MAX_VALUE_ROWS) {
    problem(0, '', String(table.rows.length), 'evaluation.indicators.import.too_many_rows', { limit: MAX_VALUE_ROWS });
    return refuseOrReport(input, report({ rowsTotal: table.rows.length }));
  }
  const at = locateColumns(table.header);
  for (const c of VALUE_COLUMNS) if (c.required && at[c.key] < 0) problem(1, colName(c.key), '', 'evaluation.indicators.import.missing_column', { column: colName(c.key) });
  if (problems.length) return refuseOrReport(input, report({ rowsTotal: table.rows.length }));

  // Known divisions and indicator systems of the counties the file names (inside the actor's scope).
  const cell = (cells: string[], key: keyof typeof at) => (at[key] >= 0 ? (cells[at[key]] ?? '').trim() : '');
  const counties = new Set<string>();
  for (const r of table.rows) {
    const d = cell(r.cells, 'division');
    if (/^\d{12}$/.test(d) && d.startsWith(actor.scopePrefix.slice(0, 6))) counties.add(d.slice(0, 6));
  }
  const known = new Set<string>();
  const indicatorsByCounty = new Map<string, Map<string, Indicator>>();
  for (const county of counties) {
    const divisions = await listDivisionSubtree(deps, county, [4, 5]).catch(() => []);
    for (const d of divisions) known.add(d.code);
    const system = await loadIndicatorSystem(deps, county);
    indicatorsByCounty.set(county, new Map(system.pillars.flatMap((p) => p.indicators.map((i) => [i.code, i] as const))));
  }

  const valid: ValueRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const division = cell(cells, 'division');
    const yearText = cell(cells, 'year');
    const code = cell(cells, 'indicator');
    const valueText = cell(cells, 'value');
    let ok = true;
    const fail = (key: string, value: string, msg: string, params?: Record<string, unknown>) => {
      problem(row, colName(key), value, msg, params);
      ok = false;
    };
    if (!division) fail('division', division, 'evaluation.indicators.import.required');
    else if (!/^\d{12}$/.test(division)) fail('division', division, 'evaluation.indicators.import.bad_division');
    else if (!division.startsWith(actor.scopePrefix)) fail('division', division, 'evaluation.indicators.import.division_out_of_scope');
    else if (!known.has(division)) fail('division', division, 'evaluation.indicators.import.unknown_division');
    const year = Number(yearText);
    if (!yearText) fail('year', yearText, 'evaluation.indicators.import.required');
    else if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) fail('year', yearText, 'evaluation.indicators.import.bad_year');
    const indicators = indicatorsByCounty.get(division.slice(0, 6));
    const indicator = indicators?.get(code);
    if (!code) fail('indicator', code, 'evaluation.indicators.import.required');
    else if (indicators && !indicator) fail('indicator', code, 'evaluation.indicators.import.unknown_indicator');
    else if (indicator?.source === 'computed') fail('indicator', code, 'evaluation.indicators.import.computed_indicator');
    const value = parseIndicatorNumber(valueText);
    if (!valueText) fail('value', valueText, 'evaluation.indicators.import.required');
    else if (value === null) fail('value', valueText, 'evaluation.indicators.import.bad_value');
    else if (indicator) {
      const range = unitRange(indicator.unit);
      if (range && (value < range.min || value > range.max || (range.integer && !Number.isInteger(value)))) {
        fail('value', valueText, 'evaluation.indicators.import.out_of_range', { range: range.integer ? '0, 1' : `${range.min}–${range.max}` });
      }
    }
    if (!ok) continue;
    const key = `${division}|${year}|${code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem(row, colName('indicator'), code, 'evaluation.indicators.import.duplicate', { row: first });
      continue;
    }
    seen.set(key, row);
    valid.push({ divisionCode: division, year, indicatorCode: code, value: value!, source: 'import' });
  }
  const years = [...new Set(valid.map((v) => v.year))].sort((a, b) => a - b);
  const divisions = new Set(valid.map((v) => v.divisionCode)).size;
  const base = { rowsTotal: table.rows.length, rowsValid: valid.length, divisions, years };
  if (problems.length || input.dryRun) {
    if (input.dryRun && !problems.length) {
      const replaced = await withActorTransaction(deps.store.db, actor, (trx) => countExisting(trx, valid));
      return report({ ...base, valuesReplaced: replaced });
    }
    return refuseOrReport(input, report(base));
  }

  const now = deps.clock.now();
  const replaced = await withActorTransaction(deps.store.db, actor, async (trx) => {
    const n = await countExisting(trx, valid);
    const before = n > 0 && n <= 1000 ? await previousValues(trx, valid) : null;
    await upsertValues(trx, valid, now);
    await recordAudit(trx, actor, now, {
      action: 'evaluation.indicator_values.import',
      entityType: 'indicator_value',
      entityId: input.fileName,
      scopeCode: commonPrefix(valid.map((v) => v.divisionCode)) || actor.scopePrefix,
      before: n > 0 ? { replaced: n, values: before } : null,
      after: { file: input.fileName, values: valid.length, divisions, years, indicators: [...new Set(valid.map((v) => v.indicatorCode))].sort() },
    });
    return n;
  });
  return report({ ...base, committed: true, valuesWritten: valid.length, valuesReplaced: replaced });
}

async function previousValues(trx: Parameters<typeof countExisting>[0], rows: readonly ValueRow[]): Promise<{ d: string; y: number; c: string; v: number }[]> {
  const wanted = new Set(rows.map((r) => `${r.divisionCode}|${r.year}|${r.indicatorCode}`));
  const prefix = commonPrefix(rows.map((r) => r.divisionCode));
  const years = [...new Set(rows.map((r) => r.year))];
  const codes = [...new Set(rows.map((r) => r.indicatorCode))];
  const existing = await loadValues(trx, prefix, years, codes);
  return existing.filter((e) => wanted.has(`${e.divisionCode}|${e.year}|${e.indicatorCode}`)).map((e) => ({ d: e.divisionCode, y: e.year, c: e.indicatorCode, v: e.value }));
}

function commonPrefix(codes: readonly string[]): string {
  if (!codes.length) return '';
  let p = codes[0];
  for (const c of codes) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function refuseOrReport(input: ImportValuesInput, r: IndicatorImportReport): IndicatorImportReport {
  if (input.dryRun) return r;
  throw new AppError('invalid_input', `${r.problems.length} problems; nothing imported`, {
    key: 'evaluation.indicators.import_has_problems',
    details: r.problems.slice(0, 1000).map((p) => ({ path: `row ${p.row}${p.column ? `, ${p.column}` : ''}`, message: p.reason, value: p.value })),
  });
}
