import type { Deps } from '../../../platform/deps.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { translate, type Lang } from '../../../platform/messages.js';
import { toLocalDate } from '../../../platform/clock.js';
import { parseYuan } from '../../../platform/money.js';
import { canImportRegistry, withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { findPeopleByIdNumbers, maskIdNumber, parseIdNumber } from '../../registry/index.js';
import { resolveForCounties } from '../../parameters/index.js';
import type { Department, DepartmentImportReport, ImportProblem } from '../contract.js';
import { DEPARTMENT_FORMATS, type ColumnSpec, type RowValues } from '../domain/department-formats.js';
import { sanitizeText } from '../domain/sanitize.js';
import { readTable } from '../../../platform/read-table.js';
import { reportClue } from '../store/clue-store.js';

export const MAX_DEPARTMENT_ROWS = 200_000;

export interface DepartmentFileInput {
  department: Department;
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  /** Commit the matched rows and report the unmatched ones as skipped (malformed rows still block). */
  allowUnmatched?: boolean;
  lang: Lang;
}

interface ValidRow {
  row: number;
  values: RowValues;
  idNumber: string;
}

/**
 * A department's warning list (CSV/XLSX, format per docs/department-files.md): every row validated,
 * matched to a registered person in the actor's scope by ID number, and — only when no row has a
 * problem — turned into clues in one transaction (channel DEPT_WARNING, source = department, file and
 * row). A dry run reports the same problems and writes nothing; a commit with problems is refused with
 * the problems as error details, and nothing is written.
 */
export async function importDepartmentFile(deps: Deps, actor: Actor, input: DepartmentFileInput): Promise<DepartmentImportReport> {
  if (!canImportRegistry(actor)) throw forbidden(`role ${actor.role} may not import department files`);
  const format = DEPARTMENT_FORMATS[input.department];
  const lang = input.lang;
  const colName = (c: ColumnSpec) => (lang === 'en' ? c.en : c.zh);
  const problems: ImportProblem[] = [];
  const problem = (row: number, column: string, value: string, code: string, params: Record<string, unknown> = {}) =>
    problems.push({ row, column, value, code, reason: translate(lang, code, params) });
  const report = (extra: Partial<DepartmentImportReport>): DepartmentImportReport => ({
    department: input.department,
    dryRun: input.dryRun,
    committed: false,
    rowsTotal: 0,
    rowsValid: 0,
    rowsMatched: 0,
    rowsUnmatched: 0,
    cluesCreated: 0,
    cluesUpdated: 0,
    problems,
    importId: null,
    ...extra,
  });

  const table = await readTable(input.bytes);
  if (!table) {
    problem(0, '', input.fileName, 'monitoring.import.bad_file');
    return refuseOrReport(input, report({}));
  }
  if (table.rows.length === 0) {
    problem(0, '', input.fileName, 'monitoring.import.empty_file');
    return refuseOrReport(input, report({}));
  }
  if (table.rows.length > MAX_DEPARTMENT_ROWS) {
    problem(0, '', String(table.rows.length), 'monitoring.import.too_many_rows', { limit: MAX_DEPARTMENT_ROWS });
    return refuseOrReport(input, report({ rowsTotal: table.rows.length }));
  }
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const index = new Map<string, number>();
  for (const c of format.columns) {
    const i = table.header.findIndex((h) => norm(h) === norm(c.zh) || norm(h) === norm(c.en) || norm(h) === norm(c.key));
    if (i >= 0) index.set(c.key, i);
    else if (c.required) problem(1, colName(c), '', 'monitoring.import.missing_column', { column: colName(c) });
  }
  if (problems.length) return refuseOrReport(input, report({ rowsTotal: table.rows.length }));

  const today = toLocalDate(deps.clock.now());
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach(({ row: rowNo, cells }) => {
    const values: RowValues = {};
    let ok = true;
    for (const c of format.columns) {
      const raw = (index.has(c.key) ? cells[index.get(c.key)!] ?? '' : '').trim();
      if (!raw) {
        if (c.required) {
          problem(rowNo, colName(c), raw, 'monitoring.import.required');
          ok = false;
        }
        values[c.key] = null;
        continue;
      }
      const parsed = parseCell(c, raw, today);
      if ('problem' in parsed) {
        problem(rowNo, colName(c), raw, parsed.problem, parsed.params);
        ok = false;
      } else values[c.key] = parsed.value;
    }
    if (!ok) return;
    const key = [values.idNumber, ...format.eventKeys.map((k) => values[k])].join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      problem(rowNo, colName(format.columns[0]), String(values.idNumber), 'monitoring.import.duplicate_row', { row: first });
      return;
    }
    seen.set(key, rowNo);
    valid.push({ row: rowNo, values, idNumber: String(values.idNumber) });
  });

  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const ids = [...new Set(valid.map((v) => v.idNumber))];
    const people = new Map((await findPeopleByIdNumbers(trx, actor.scopePrefix, ids)).map((p) => [p.idNumber, p]));
    const idColumn = colName(format.columns[0]);
    let unmatched = 0;
    for (const v of valid) {
      if (!people.has(v.idNumber)) {
        unmatched++;
        if (!input.allowUnmatched) problem(v.row, idColumn, v.idNumber, 'monitoring.import.unmatched');
      }
    }
    const base = { rowsTotal: table.rows.length, rowsValid: valid.length, rowsMatched: valid.length - unmatched, rowsUnmatched: unmatched };
    if (problems.length || input.dryRun) return refuseOrReport(input, report(base));

    const at = deps.clock.now();
    const counties = [...new Set([...people.values()].map((p) => p.countyCode))];
    const lines = await resolveForCounties(trx, ['monitoring.medical-line-severe'], counties, today);
    const imp = await trx
      .insertInto('department_import')
      .values({ department: input.department, file_name: sanitizeText(input.fileName, 200) || 'upload', scope_code: actor.scopePrefix, rows_total: table.rows.length, rows_matched: base.rowsMatched, rows_unmatched: unmatched, clues_created: 0, clues_updated: 0, created_by: actor.userId, created_by_name: actor.name, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    let created = 0;
    let updated = 0;
    for (const v of valid) {
      const p = people.get(v.idNumber);
      if (!p) continue;
      const w = format.warning(v.values, { medicalSevereFen: lines.get(p.countyCode)?.['monitoring.medical-line-severe'] ?? Number.MAX_SAFE_INTEGER });
      if (!w) continue;
      const shown: Record<string, string | number | null> = { ...v.values, idNumber: maskIdNumber(v.idNumber) };
      const r = await reportClue(trx, at, {
        householdId: p.householdId,
        personId: p.personId,
        countyCode: p.countyCode,
        villageCode: p.villageCode,
        riskType: w.riskType,
        level: w.level,
        channel: 'DEPT_WARNING',
        source: `department:${input.department.toLowerCase()}#${imp.id}:${v.row}`,
        sourceDept: input.department,
        ruleId: null,
        fingerprint: ['dept', input.department, v.idNumber, ...format.eventKeys.map((k) => v.values[k])].join('|'),
        finding: { ruleId: `department-${input.department.toLowerCase()}`, level: w.level, values: shown },
        detail: { importId: imp.id, row: v.row, fileName: input.fileName },
      });
      if (r.created) created++;
      else updated++;
    }
    await trx.updateTable('department_import').set({ clues_created: created, clues_updated: updated }).where('id', '=', imp.id).execute();
    await recordAudit(trx, actor, at, {
      action: 'monitoring.department_import',
      entityType: 'department_import',
      entityId: imp.id,
      scopeCode: actor.scopePrefix,
      after: { department: input.department, fileName: input.fileName, ...base, cluesCreated: created, cluesUpdated: updated },
    });
    return report({ ...base, committed: true, cluesCreated: created, cluesUpdated: updated, importId: imp.id });
  });
}

function refuseOrReport(input: DepartmentFileInput, r: DepartmentImportReport): DepartmentImportReport {
  if (input.dryRun || r.problems.length === 0) return r;
  throw new AppError('invalid_input', `${r.problems.length} problems; nothing imported`, {
    key: 'monitoring.import.has_problems',
    details: r.problems.slice(0, 1000).map((p) => ({ path: `row ${p.row}${p.column ? `, ${p.column}` : ''}`, message: p.reason, value: p.value })),
  });
}

function parseCell(c: ColumnSpec, raw: string, today: string): { value: string | number } | { problem: string; params?: Record<string, unknown> } {
  switch (c.type) {
    case 'id': {
      const id = raw.toUpperCase();
      return parseIdNumber(id, today).ok ? { value: id } : { problem: 'monitoring.import.bad_id_number' };
    }
    case 'date': {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
      if (!m) return { problem: 'monitoring.import.bad_date' };
      const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { problem: 'monitoring.import.bad_date' };
      if (iso > today) return { problem: 'monitoring.import.future_date' };
      return { value: iso };
    }
    case 'amount': {
      const fen = parseYuan(raw);
      return fen === null || fen < 0 ? { problem: 'monitoring.import.bad_amount' } : { value: fen };
    }
    case 'int':
      return /^\d{1,6}$/.test(raw) ? { value: Number(raw) } : { problem: 'monitoring.import.bad_number' };
    case 'enum': {
      const lower = raw.toLowerCase();
      for (const [code, labels] of Object.entries(c.values ?? {})) {
        if (code.toLowerCase() === lower || labels.some((l) => l.toLowerCase() === lower)) return { value: code };
      }
      return { problem: 'monitoring.import.bad_value', params: { allowed: Object.values(c.values ?? {}).map((l) => l[0]).join('、') } };
    }
    default: {
      const text = sanitizeText(raw, 200);
      return text ? { value: text } : { problem: 'monitoring.import.required' };
    }
  }
}
