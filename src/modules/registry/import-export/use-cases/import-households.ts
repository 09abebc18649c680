/**
 * importHouseholds: one streaming pass over the people table (and the incomes table) that validates
 * every row, keeps only compact per-household state for the cross-row checks, and streams the good
 * rows into a temporary staging table by COPY; then the database checks, the change counts, and —
 * for a commit without a single bad row — the set-based upserts, the import record and one audit
 * event, all in one transaction. A dry run or any bad row rolls everything back.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deps } from '../../../../platform/deps.js';
import { AppError, forbidden } from '../../../../platform/errors.js';
import { toLocalDate } from '../../../../platform/clock.js';
import type { RawSession } from '../../../../platform/db.js';
import { canImportRegistry, type Actor } from '../../../access/index.js';
import { recordAudit } from '../../../audit/index.js';
import { columnsOf, mapHeader, headerLabel, PEOPLE_COLUMNS, type TableKind } from '../domain/columns.js';
import { ImportState } from '../domain/import-state.js';
import { validateIncomeRow, validatePeopleRow, type RowContext, type VillageStatus } from '../domain/validate-row.js';
import { ErrorSink, type ImportError } from '../io/error-report.js';
import { fileError, readRows, sniffFile, type FileKind, type RawRow, type TextEncoding } from '../io/read-table.js';
import {
  analyzeRegistry,
  ANALYZE_AFTER_ROWS,
  applyChanges,
  classifyChanges,
  createStage,
  enterActorScope,
  findDbProblems,
  leaveActorScope,
  loadVillageCodes,
  recordImport,
  rowsWritten,
  setImportMemory,
  STAGE_COLUMNS,
  type ChangeCounts,
} from '../store/import-store.js';
import { kyselyOverSession } from '../store/session-kysely.js';
import { notifyHouseholdsChanged } from '../../households-changed.js';
import '../messages.js';

export interface ImportFile {
  path: string;
  /** The name the user knows the file by (upload name or path). */
  name: string;
}

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done';
export interface ImportProgress {
  phase: ImportPhase;
  /** 0..1 over the whole import. */
  fraction: number;
  rows: number;
}

export interface ImportInput {
  people: ImportFile;
  incomes?: ImportFile | null;
  dryRun: boolean;
  /** Folder for the error list (errors.ndjson). */
  workDir: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportSummary {
  dryRun: boolean;
  committed: boolean;
  fileName: string;
  sha256: string;
  incomesFileName: string | null;
  incomesSha256: string | null;
  encoding: TextEncoding | null;
  rows: { people: number; incomes: number };
  counts: ChangeCounts | null;
  errorCount: number;
  /** The first errors (all are in errorsPath). */
  errors: ImportError[];
  errorsPath: string;
  importId: number | null;
  /**
   * Milliseconds spent: reading + validating + COPY to staging, database checks and counts, writes,
   * the COMMIT itself, and the follow-up after the commit (the subscribers of the registry's change
   * event: monitoring re-evaluates the imported households, or sweeps the scope; decision 0003).
   */
  timings: { readMs: number; checkMs: number; writeMs: number; commitMs: number; followUpMs: number };
}

/** How many problems of one database check are reported. */
const DB_PROBLEM_LIMIT = 100_000;
const NULLS = (n: number) => new Array<null>(n).fill(null);
const TAIL_H = NULLS(24);
const MID_P = NULLS(4);
const TAIL_P = NULLS(7);
const MID_I = NULLS(22);

class RollBack extends Error {
  constructor(readonly summary: ImportSummary) {
    super('roll back');
  }
}

export async function importHouseholds(deps: Deps, actor: Actor, input: ImportInput): Promise<ImportSummary> {
  if (!canImportRegistry(actor)) throw forbidden('only a county administrator may import the registry');
  const peopleKind = await sniffFile(input.people.path, input.people.name);
  const incomesKind = input.incomes ? await sniffFile(input.incomes.path, input.incomes.name) : null;
  const totalBytes = (await stat(input.people.path)).size + (input.incomes ? (await stat(input.incomes.path)).size : 0);
  const progress = input.onProgress ?? (() => undefined);
  const at = deps.clock.now();
  const today = toLocalDate(at);
  const sink = new ErrorSink(join(input.workDir, 'errors.ndjson'));

  let bytesRead = 0;
  let rowsRead = 0;
  let lastReport = 0;
  const onBytes = (n: number) => {
    bytesRead += n;
    const now = Date.now();
    if (now - lastReport > 250) {
      lastReport = now;
      progress({ phase: 'reading', fraction: 0.85 * (bytesRead / Math.max(1, totalBytes)), rows: rowsRead });
    }
  };

  let encoding: TextEncoding | null = null;
  const people = readRows({ path: input.people.path, displayName: input.people.name, kind: peopleKind, table: peopleKind === 'csv' ? 'people' : undefined, onBytes, onEncoding: (e) => (encoding = e) });
  const incomes = input.incomes && incomesKind ? readRows({ path: input.incomes.path, displayName: input.incomes.name, kind: incomesKind, table: 'incomes', onBytes }) : null;
  const counts = { people: 0, incomes: 0 };

  const base = (): ImportSummary => ({
    dryRun: input.dryRun,
    committed: false,
    fileName: input.people.name,
    sha256: people.sha256(),
    incomesFileName: input.incomes?.name ?? null,
    incomesSha256: incomes?.sha256() ?? null,
    encoding,
    rows: { ...counts },
    counts: null,
    errorCount: sink.count,
    errors: sink.sample,
    errorsPath: sink.path,
    importId: null,
    timings: { ...timings },
  });
  const timings = { readMs: 0, checkMs: 0, writeMs: 0, commitMs: 0, followUpMs: 0 };
  let mark = Date.now();
  const lap = (key: keyof typeof timings) => {
    const now = Date.now();
    timings[key] = now - mark;
    mark = now;
  };

  try {
    const summary = await deps.store.bulk(async (s) => {
      await s.query('SELECT pg_advisory_xact_lock(7319004)');
      if (deps.store.kind === 'postgres') await setImportMemory(s);
      await createStage(s);
      const villages = await loadVillageCodes(s, actor.scopePrefix);
      const ctx: RowContext = {
        today,
        villageStatus: (code: string): VillageStatus => (villages.has(code) ? 'ok' : code.startsWith(actor.scopePrefix) ? 'unknown' : 'out_of_scope'),
      };
      const state = new ImportState();

      async function* stageRows(): AsyncGenerator<unknown[]> {
        const sources: { rows: AsyncGenerator<RawRow>; file: ImportFile; kind: FileKind }[] = [{ rows: people.rows, file: input.people, kind: peopleKind }];
        if (incomes && input.incomes && incomesKind) sources.push({ rows: incomes.rows, file: input.incomes, kind: incomesKind });
        const seenTables = new Set<TableKind>();
        for (const source of sources) {
          let positions: number[] | null = null;
          let currentTable: TableKind | null = null;
          let headerWidth = 0;
          for await (const raw of source.rows) {
            if (raw.table !== currentTable) {
              // first row of a table: its header
              currentTable = raw.table;
              seenTables.add(raw.table);
              const mapping = mapHeader(raw.table, raw.cells);
              if (mapping.missing.length || mapping.duplicated.length) throw headerError(source.file.name, raw.table, mapping.missing.map((c) => c.key), mapping.duplicated);
              positions = mapping.positions;
              headerWidth = raw.cells.length;
              continue;
            }
            rowsRead++;
            const cells = positions!.map((p) => (p >= 0 ? raw.cells[p] ?? '' : ''));
            const short = raw.cells.length < headerWidth;
            if (source.kind === 'csv' && (short || raw.cells.slice(headerWidth).some((c) => c.trim() !== ''))) {
              await sink.add(raw.table, raw.row, { column: '', value: '', code: 'import.row.column_count', params: { found: raw.cells.length, expected: headerWidth } });
              continue;
            }
            if (raw.table === 'people') {
              counts.people++;
              const { household: h, person: p, relation, idNumber, issues } = validatePeopleRow(cells, ctx);
              for (const issue of issues) await sink.add('people', raw.row, issue);
              if (!h) {
                const no = cells[0].trim();
                if (no) state.markBroken(no);
                continue;
              }
              const cross = state.addRow(raw.row, h, relation, idNumber);
              for (const issue of cross.issues) await sink.add('people', raw.row, issue);
              if (cross.firstOfHousehold) yield ['H', raw.row, h.householdNo, h.villageCode, h.householdType, h.isRelocated, h.address, h.phone, ...TAIL_H];
              if (p && cross.issues.length === 0) {
                yield ['P', raw.row, h.householdNo, h.villageCode, ...MID_P, p.name, p.idNumber, p.gender, p.birthDate, p.relation, p.ethnicity, p.education, p.studentStatus, p.healthStatus, p.laborSkill, p.migrantMonths, p.migrantPlace, p.hasMedicalInsurance, p.hasPensionInsurance, p.isDibao, p.isTekun, p.publicWelfareJob, ...TAIL_P];
              }
            } else {
              counts.incomes++;
              const { income, issues } = validateIncomeRow(cells, ctx);
              for (const issue of issues) await sink.add('incomes', raw.row, issue);
              if (income) yield ['I', raw.row, income.householdNo, ...MID_I, income.year, income.wageFen, income.operatingFen, income.propertyFen, income.transferFen, income.productionCostFen, income.outOfPocketMedicalFen];
            }
          }
        }
        if (!seenTables.has('people')) throw fileError(peopleKind === 'xlsx' ? 'import.file.no_people_sheet' : 'import.file.empty', input.people.name);
        if (counts.people === 0) throw fileError('import.file.no_rows', input.people.name);
        if (input.incomes && !seenTables.has('incomes')) throw fileError('import.file.empty', input.incomes.name);
      }

      mark = Date.now();
      await s.copyRows('import_stage', [...STAGE_COLUMNS], stageRows());
      for (const { row, issue } of state.householdsWithoutHead()) await sink.add('people', row, issue);
      lap('readMs');

      progress({ phase: 'checking', fraction: 0.88, rows: rowsRead });
      for (const p of await findDbProblems(s, actor.scopePrefix, DB_PROBLEM_LIMIT)) {
        await sink.add(p.table, p.row, { column: p.column, value: p.value, code: p.code, params: p.params });
      }
      const changeCounts = await classifyChanges(s);
      lap('checkMs');
      if (sink.count > 0 || input.dryRun) throw new RollBack({ ...base(), counts: changeCounts });

      progress({ phase: 'writing', fraction: 0.92, rows: rowsRead });
      const scoped = actor.role !== 'system';
      if (scoped) await enterActorScope(s, actor.scopePrefix);
      await applyChanges(s, at);
      if (scoped) await leaveActorScope(s);
      if (rowsWritten(changeCounts) >= ANALYZE_AFTER_ROWS) await analyzeRegistry(s);
      const result: ImportSummary = { ...base(), counts: changeCounts, committed: true };
      const importId = await recordImport(s, {
        at,
        actorId: actor.userId,
        actorName: actor.name,
        scopeCode: actor.scopePrefix,
        fileName: result.fileName,
        fileSha256: result.sha256,
        incomesFileName: result.incomesFileName,
        incomesSha256: result.incomesSha256,
        summary: { rows: result.rows, counts: changeCounts },
      });
      await auditImport(s, actor, at, importId, result);
      lap('writeMs');
      return { ...result, importId };
    });
    lap('commitMs');
    if (summary.committed && summary.importId !== null) await announceImport(deps, actor, summary.importId);
    lap('followUpMs');
    summary.timings = { ...timings };
    progress({ phase: 'done', fraction: 1, rows: rowsRead });
    return summary;
  } catch (e) {
    if (e instanceof RollBack) {
      progress({ phase: 'done', fraction: 1, rows: rowsRead });
      return e.summary;
    }
    throw e;
  } finally {
    await sink.close();
  }
}

/** After the commit: tells the subscribers (monitoring) which households the import inserted or changed. */
async function announceImport(deps: Deps, actor: Actor, importId: number): Promise<void> {
  const changed = deps.store.db.selectFrom('registry_import_change').where('import_id', '=', importId);
  let n: string | number;
  try {
    ({ n } = await changed.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow());
  } catch (e) {
    // The import has committed: a failure here must not turn it into a failed job.
    console.error(JSON.stringify({ level: 'error', msg: 'could not announce the import to its subscribers', importId, error: e instanceof Error ? e.message : String(e) }));
    return;
  }
  await notifyHouseholdsChanged(deps, actor, {
    kind: 'import',
    importId,
    scopePrefix: actor.scopePrefix,
    householdCount: Number(n),
    householdIds: async () => (await changed.select('household_id').execute()).map((r) => Number(r.household_id)),
  });
}

async function auditImport(s: RawSession, actor: Actor, at: Date, importId: number, r: ImportSummary) {
  await recordAudit(kyselyOverSession(s), actor, at, {
    action: 'registry.import',
    entityType: 'registry_import',
    entityId: importId,
    scopeCode: actor.scopePrefix || null,
    after: {
      fileName: r.fileName,
      sha256: r.sha256,
      incomesFileName: r.incomesFileName,
      incomesSha256: r.incomesSha256,
      rows: r.rows,
      counts: r.counts,
    },
  });
}

function headerError(file: string, table: TableKind, missing: string[], duplicated: string[]): AppError {
  const specs = columnsOf(table);
  const label = (key: string) => {
    const c = specs.find((x) => x.key === key)!;
    return `${headerLabel(c, 'zh-CN')} / ${headerLabel(c, 'en')}`;
  };
  const details = [
    ...missing.map((key) => ({ path: `${file}: ${label(key)}`, message: `missing required column ${label(key)}`, code: 'import.file.missing_columns', params: { table: tableLabel(table), columns: label(key) } })),
    ...duplicated.map((h) => ({ path: `${file}: ${h}`, message: `duplicate column ${h}`, code: 'import.file.duplicate_columns', params: { table: tableLabel(table), columns: h } })),
  ];
  const what = missing.length ? `missing required columns: ${missing.map(label).join(', ')}` : `duplicate columns: ${duplicated.join(', ')}`;
  return new AppError('invalid_input', `${file}: ${what}`, { key: 'import.file.bad_input', details });
}

const tableLabel = (t: TableKind) => (t === 'people' ? '人员 / people' : '收入 / incomes');

export const PEOPLE_COLUMN_COUNT = PEOPLE_COLUMNS.length;
