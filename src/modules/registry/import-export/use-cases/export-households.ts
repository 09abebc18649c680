/**
 * exportHouseholds: the households of a division subtree in the import format (same columns, so an
 * export re-imports unchanged), streamed from the database in keyset pages into an exceljs
 * streaming workbook or CSV. ID numbers are masked for roles that may not see them in full.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify, type Stringifier } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Deps } from '../../../../platform/deps.js';
import { AppError, forbidden } from '../../../../platform/errors.js';
import { canSeeFullIdNumbers, canSeePersonalData, withActorTransaction, type Actor } from '../../../access/index.js';
import { maskIdNumber } from '../../domain/id-number.js';
import { INCOME_COLUMNS, PEOPLE_COLUMNS, SHEET_NAMES, headerLabel, type TableKind } from '../domain/columns.js';
import { cellOf, type FileLang } from '../domain/cell-values.js';
import '../messages.js';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportInput {
  /** 12-digit division code or its significant prefix (2, 4, 6, 9 or 12 digits). */
  division: string;
  format: ExportFormat;
  lang: FileLang;
  /** XLSX: the workbook (both sheets). CSV: the people file. */
  out: Writable;
  /** CSV only: where the incomes file goes (omit to skip incomes). */
  incomesOut?: Writable | null;
  /** CSV only: write just this table to `out`. */
  only?: TableKind;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportResult {
  households: number;
  persons: number;
  incomes: number;
}

const PAGE = 1000;

/** Finds the division's significant prefix, checking it exists and lies in the actor's scope. */
export async function resolveExportScope(deps: Deps, actor: Actor, division: string): Promise<{ prefix: string; name: string }> {
  if (!canSeePersonalData(actor)) throw forbidden('this role sees aggregates only');
  const row = await deps.store.db
    .selectFrom('division')
    .select(['prefix', 'name'])
    .where((eb) => eb.or([eb('code', '=', division), eb('prefix', '=', division)]))
    .executeTakeFirst();
  if (!row) {
    throw new AppError('not_found', `unknown division ${division}`, {
      key: 'import.export.division_unknown',
      details: [{ path: 'division', message: `unknown division ${division}`, code: 'import.export.division_unknown', params: { code: division }, value: division }],
    });
  }
  if (!row.prefix.startsWith(actor.scopePrefix)) throw forbidden();
  return row;
}

interface Sink {
  row(values: (string | number)[]): Promise<void>;
  end(): Promise<void>;
}

function csvSink(out: Writable): Sink {
  const csv: Stringifier = stringify({ bom: true });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('close', resolve);
    out.on('error', reject);
    csv.on('error', reject);
  });
  csv.pipe(out);
  return {
    async row(values) {
      if (!csv.write(values)) await once(csv, 'drain');
    },
    async end() {
      csv.end();
      await finished;
    },
  };
}

export async function exportHouseholds(deps: Deps, actor: Actor, input: ExportInput): Promise<ExportResult> {
  const { prefix } = await resolveExportScope(deps, actor, input.division);
  const fullIds = canSeeFullIdNumbers(actor);
  const lang = input.lang;
  const like = `${prefix}%`;
  const total = Number(
    (await withActorTransaction(deps.store.db, actor, (trx) => trx.selectFrom('household').select((eb) => eb.fn.countAll().as('n')).where('village_code', 'like', like).executeTakeFirstOrThrow())).n,
  );
  const result: ExportResult = { households: 0, persons: 0, incomes: 0 };
  let progressDone = 0;
  const step = (n: number) => {
    progressDone += n;
    input.onProgress?.(progressDone, total * 2);
  };

  /** Households of the subtree in household-number order, one page at a time. */
  async function* pages() {
    let after = '';
    for (;;) {
      const page = await withActorTransaction(deps.store.db, actor, (trx) =>
        trx
          .selectFrom('household')
          .select(['id', 'household_no', 'village_code', 'household_type', 'is_relocated', 'address', 'phone'])
          .where('village_code', 'like', like)
          .where('household_no', '>', after)
          .orderBy('household_no')
          .limit(PAGE)
          .execute(),
      );
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].household_no;
      if (page.length < PAGE) return;
    }
  }

  async function writePeople(sink: Sink) {
    await sink.row(PEOPLE_COLUMNS.map((c) => headerLabel(c, lang)));
    for await (const page of pages()) {
      const ids = page.map((h) => h.id);
      const persons = await withActorTransaction(deps.store.db, actor, (trx) =>
        trx
          .selectFrom('person')
          .selectAll()
          .where('household_id', 'in', ids)
          .orderBy('household_id')
          .orderBy((eb) => eb('relation', '<>', 'HEAD'))
          .orderBy('id')
          .execute(),
      );
      const byHousehold = new Map<number, typeof persons>();
      for (const p of persons) {
        const list = byHousehold.get(p.household_id);
        if (list) list.push(p);
        else byHousehold.set(p.household_id, [p]);
      }
      for (const h of page) {
        for (const p of byHousehold.get(h.id) ?? []) {
          const values: Record<string, unknown> = {
            household_no: h.household_no,
            village_code: h.village_code,
            household_type: h.household_type,
            is_relocated: h.is_relocated,
            address: h.address,
            phone: h.phone,
            name: p.name,
            id_number: fullIds ? p.id_number : maskIdNumber(p.id_number),
            relation: p.relation,
            ethnicity: p.ethnicity,
            education: p.education,
            student_status: p.student_status,
            health_status: p.health_status,
            labor_skill: p.labor_skill,
            migrant_months: p.migrant_months,
            migrant_place: p.migrant_place,
            has_medical_insurance: p.has_medical_insurance,
            has_pension_insurance: p.has_pension_insurance,
            is_dibao: p.is_dibao,
            is_tekun: p.is_tekun,
            public_welfare_job: p.public_welfare_job,
          };
          await sink.row(PEOPLE_COLUMNS.map((c) => cellOf(c, values[c.key], lang)));
          result.persons++;
        }
        result.households++;
      }
      step(page.length);
    }
  }

  async function writeIncomes(sink: Sink) {
    await sink.row(INCOME_COLUMNS.map((c) => headerLabel(c, lang)));
    for await (const page of pages()) {
      const ids = page.map((h) => h.id);
      const rows = await withActorTransaction(deps.store.db, actor, (trx) =>
        trx.selectFrom('income_record').selectAll().where('household_id', 'in', ids).orderBy('household_id').orderBy('year').execute(),
      );
      const noOf = new Map(page.map((h) => [h.id, h.household_no]));
      const order = new Map(page.map((h, i) => [h.id, i]));
      rows.sort((a, b) => order.get(a.household_id)! - order.get(b.household_id)! || a.year - b.year);
      for (const r of rows) {
        const values: Record<string, unknown> = {
          household_no: noOf.get(r.household_id),
          year: r.year,
          wage: r.wage_fen,
          operating: r.operating_fen,
          property: r.property_fen,
          transfer: r.transfer_fen,
          production_cost: r.production_cost_fen,
          out_of_pocket_medical: r.out_of_pocket_medical_fen,
        };
        await sink.row(INCOME_COLUMNS.map((c) => cellOf(c, values[c.key], lang)));
        result.incomes++;
      }
      step(page.length);
    }
  }

  if (input.format === 'xlsx') {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: input.out, useStyles: false, useSharedStrings: false });
    const sheetSink = (name: string) => {
      const ws = wb.addWorksheet(name);
      return {
        async row(values: (string | number)[]) {
          ws.addRow(values).commit();
        },
        async end() {
          ws.commit();
        },
      } satisfies Sink;
    };
    const sheetName = (t: TableKind) => (lang === 'en' ? SHEET_NAMES[t].en : SHEET_NAMES[t].zh);
    const peopleSheet = sheetSink(sheetName('people'));
    await writePeople(peopleSheet);
    await peopleSheet.end();
    const incomeSheet = sheetSink(sheetName('incomes'));
    await writeIncomes(incomeSheet);
    await incomeSheet.end();
    await wb.commit();
  } else {
    if (input.only !== 'incomes') {
      const people = csvSink(input.out);
      await writePeople(people);
      await people.end();
    }
    const incomesOut = input.only === 'incomes' ? input.out : input.incomesOut;
    if (incomesOut && input.only !== 'people') {
      const incomes = csvSink(incomesOut);
      await writeIncomes(incomes);
      await incomes.end();
    }
  }
  return result;
}
