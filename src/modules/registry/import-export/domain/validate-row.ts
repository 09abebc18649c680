/**
 * Validation of one row of the people or incomes table, cell by cell. Pure: villages and today's
 * date come in through the context. Every problem is returned (not just the first), each naming
 * its column, the value and a message key (registered in ../messages.ts).
 */
import { codeOf, type Labelled } from '../../domain/enums.js';
import { parseIdNumber } from '../../domain/id-number.js';
import { INCOME_COLUMNS, PEOPLE_COLUMNS, type ColumnSpec } from './columns.js';

export interface RowIssue {
  /** Column key (see columns.ts); '' for the whole row. */
  column: string;
  value: string;
  /** Message key, e.g. 'import.row.required'. */
  code: string;
  params?: Record<string, unknown>;
}

export type VillageStatus = 'ok' | 'unknown' | 'out_of_scope';

export interface RowContext {
  /** YYYY-MM-DD, upper bound for birth dates and income years. */
  today: string;
  villageStatus(code: string): VillageStatus;
}

export interface HouseholdValues {
  householdNo: string;
  villageCode: string;
  householdType: string;
  isRelocated: boolean;
  address: string | null;
  phone: string | null;
}

export interface PersonValues {
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string;
  relation: string;
  ethnicity: string;
  education: string | null;
  studentStatus: string | null;
  healthStatus: string;
  laborSkill: string;
  migrantMonths: number;
  migrantPlace: string | null;
  hasMedicalInsurance: boolean;
  hasPensionInsurance: boolean;
  isDibao: boolean;
  isTekun: boolean;
  publicWelfareJob: boolean;
}

export interface IncomeValues {
  householdNo: string;
  year: number;
  wageFen: number;
  operatingFen: number;
  propertyFen: number;
  transferFen: number;
  productionCostFen: number;
  outOfPocketMedicalFen: number;
}

/** Largest believable single income or cost item of a rural household in one year: 10 million yuan. */
export const MAX_AMOUNT_FEN = 1_000_000_000;
export const MIN_YEAR = 2000;

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', 't', '√', '有']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', 'f', '×', '无']);

export function parseBool(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

/** Yuan text ("1,234.5", "¥800") to fen; null when not a number with at most 2 decimals. */
export function parseYuanToFen(text: string): number | null {
  const cleaned = text.replace(/[,\s，元¥￥]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const negative = cleaned.startsWith('-');
  const [whole, frac = ''] = cleaned.replace('-', '').split('.');
  if (whole.length > 13) return negative ? -Infinity : Infinity;
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -fen : fen;
}

/** codeOf with a memo per code set: the same few labels repeat on millions of rows. */
const memo = new WeakMap<object, Map<string, string | null>>();
function lookupCode(set: Record<string, Labelled>, text: string): string | null {
  let m = memo.get(set);
  if (!m) memo.set(set, (m = new Map()));
  let code = m.get(text);
  if (code === undefined) {
    code = (codeOf(set, text) as string | null) ?? null;
    if (m.size < 1000) m.set(text, code);
  }
  return code;
}

class Cells {
  readonly issues: RowIssue[] = [];
  constructor(
    private readonly specs: readonly ColumnSpec[],
    private readonly cells: string[],
  ) {}

  raw(i: number): string {
    return (this.cells[i] ?? '').trim();
  }

  private problem(i: number, value: string, code: string, params?: Record<string, unknown>) {
    this.issues.push({ column: this.specs[i].key, value, code, params });
  }

  /** The text, or the fallback when empty; records 'required'/'too_long'. */
  text(i: number): string | null {
    const spec = this.specs[i];
    const v = this.raw(i);
    if (!v) {
      if (spec.required) this.problem(i, v, 'import.row.required');
      return spec.fallback ?? null;
    }
    if (spec.maxLength && v.length > spec.maxLength) {
      this.problem(i, v, 'import.row.too_long', { max: spec.maxLength });
      return null;
    }
    return v;
  }

  enumCode(i: number): string | null {
    const spec = this.specs[i];
    const v = this.raw(i);
    if (!v) {
      if (spec.required) this.problem(i, v, 'import.row.required');
      return spec.fallback ?? null;
    }
    const code = lookupCode(spec.values as Record<string, Labelled>, v);
    if (code === null) {
      this.problem(i, v, 'import.row.enum', { allowedZh: Object.values(spec.values!).map((l) => l.zh).join('、'), allowedEn: Object.values(spec.values!).map((l) => l.en).join(', ') });
      return null;
    }
    return code as string;
  }

  bool(i: number): boolean {
    const spec = this.specs[i];
    const v = this.raw(i);
    if (!v) return spec.fallback === 'true';
    const b = parseBool(v);
    if (b === null) {
      this.problem(i, v, 'import.row.bool');
      return false;
    }
    return b;
  }

  int(i: number, min: number, max: number, code = 'import.row.int_range'): number | null {
    const spec = this.specs[i];
    const v = this.raw(i);
    if (!v) {
      if (spec.required) {
        this.problem(i, v, 'import.row.required');
        return null;
      }
      return Number(spec.fallback ?? 0);
    }
    const n = /^-?\d+(\.0+)?$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problem(i, v, code, { min, max });
      return null;
    }
    return n;
  }

  fen(i: number): number {
    const v = this.raw(i);
    if (!v) return 0;
    const fen = parseYuanToFen(v);
    if (fen === null) this.problem(i, v, 'import.row.yuan_format');
    else if (fen < 0) this.problem(i, v, 'import.row.yuan_negative');
    else if (fen > MAX_AMOUNT_FEN) this.problem(i, v, 'import.row.yuan_absurd', { max: MAX_AMOUNT_FEN / 100 });
    else return fen;
    return 0;
  }

  householdNo(i: number): string | null {
    const v = this.text(i);
    if (v && !/^[0-9A-Za-z_-]+$/.test(v)) {
      this.problem(i, v, 'import.row.household_no_format');
      return null;
    }
    return v;
  }

  record(i: number, value: string, code: string, params?: Record<string, unknown>) {
    this.problem(i, value, code, params);
  }
}

// Column positions in the spec lists (kept in step with columns.ts by the lookups below).
const P = Object.fromEntries(PEOPLE_COLUMNS.map((c, i) => [c.key, i])) as Record<string, number>;
const I = Object.fromEntries(INCOME_COLUMNS.map((c, i) => [c.key, i])) as Record<string, number>;

/** Validates one people row (cells in spec order). Values are null when any cell was bad. */
export function validatePeopleRow(
  cells: string[],
  ctx: RowContext,
): { household: HouseholdValues | null; person: PersonValues | null; relation: string | null; idNumber: string | null; issues: RowIssue[] } {
  const c = new Cells(PEOPLE_COLUMNS, cells);
  const householdNo = c.householdNo(P.household_no);
  const villageCode = c.text(P.village_code);
  let villageOk = false;
  if (villageCode) {
    if (!/^\d{12}$/.test(villageCode)) c.record(P.village_code, villageCode, 'import.row.village_format');
    else {
      const status = ctx.villageStatus(villageCode);
      if (status === 'unknown') c.record(P.village_code, villageCode, 'import.row.village_unknown');
      else if (status === 'out_of_scope') c.record(P.village_code, villageCode, 'import.row.village_out_of_scope');
      else villageOk = true;
    }
  }
  const householdType = c.enumCode(P.household_type);
  const isRelocated = c.bool(P.is_relocated);
  const address = c.text(P.address);
  const phoneText = c.raw(P.phone);
  const phone = phoneText || null;
  if (phone && !/^[0-9+\-() ]{5,20}$/.test(phone)) c.record(P.phone, phone, 'import.row.phone_format');

  const name = c.text(P.name);
  const idRaw = c.raw(P.id_number);
  let idNumber: string | null = null;
  let gender: 'M' | 'F' = 'M';
  let birthDate = '';
  if (!idRaw) c.record(P.id_number, idRaw, 'import.row.required');
  else {
    const parsed = parseIdNumber(idRaw, ctx.today);
    if (parsed.ok) {
      idNumber = idRaw.toUpperCase();
      gender = parsed.value.gender;
      birthDate = parsed.value.birthDate;
    } else if (parsed.problem === 'format' && /e\+?\d+$/i.test(idRaw)) c.record(P.id_number, idRaw, 'import.row.id_scientific');
    else c.record(P.id_number, idRaw, `import.row.id_${parsed.problem}`);
  }
  const relation = c.enumCode(P.relation);
  const ethnicity = c.text(P.ethnicity) ?? '汉族';
  const education = c.enumCode(P.education);
  const studentStatus = c.enumCode(P.student_status);
  const healthStatus = c.enumCode(P.health_status);
  const laborSkill = c.enumCode(P.labor_skill);
  const migrantMonths = c.int(P.migrant_months, 0, 12);
  const migrantPlace = c.text(P.migrant_place);
  const hasMedicalInsurance = c.bool(P.has_medical_insurance);
  const hasPensionInsurance = c.bool(P.has_pension_insurance);
  const isDibao = c.bool(P.is_dibao);
  const isTekun = c.bool(P.is_tekun);
  const publicWelfareJob = c.bool(P.public_welfare_job);

  const householdOk =
    householdNo !== null && villageOk && householdType !== null && !c.issues.some((i) => PEOPLE_COLUMNS[P[i.column]]?.household);
  const household: HouseholdValues | null = householdOk
    ? { householdNo: householdNo!, villageCode: villageCode!, householdType: householdType!, isRelocated, address, phone }
    : null;
  const person: PersonValues | null =
    c.issues.length === 0
      ? {
          name: name!,
          idNumber: idNumber!,
          gender,
          birthDate,
          relation: relation!,
          ethnicity,
          education,
          studentStatus,
          healthStatus: healthStatus ?? 'HEALTHY',
          laborSkill: laborSkill!,
          migrantMonths: migrantMonths ?? 0,
          migrantPlace,
          hasMedicalInsurance,
          hasPensionInsurance,
          isDibao,
          isTekun,
          publicWelfareJob,
        }
      : null;
  return { household, person, relation, idNumber, issues: c.issues };
}

/** Validates one incomes row (cells in spec order). */
export function validateIncomeRow(cells: string[], ctx: Pick<RowContext, 'today'>): { income: IncomeValues | null; issues: RowIssue[] } {
  const c = new Cells(INCOME_COLUMNS, cells);
  const householdNo = c.householdNo(I.household_no);
  const year = c.int(I.year, MIN_YEAR, Number(ctx.today.slice(0, 4)), 'import.row.year');
  const income: IncomeValues = {
    householdNo: householdNo ?? '',
    year: year ?? 0,
    wageFen: c.fen(I.wage),
    operatingFen: c.fen(I.operating),
    propertyFen: c.fen(I.property),
    transferFen: c.fen(I.transfer),
    productionCostFen: c.fen(I.production_cost),
    outOfPocketMedicalFen: c.fen(I.out_of_pocket_medical),
  };
  return { income: c.issues.length === 0 ? income : null, issues: c.issues };
}

/** The household cells that must agree on every member row, in a fixed order (for conflict checks). */
export const HOUSEHOLD_FIELD_KEYS = ['village_code', 'household_type', 'is_relocated', 'address', 'phone'] as const;
export function householdFieldTexts(h: HouseholdValues): string[] {
  return [h.villageCode, h.householdType, h.isRelocated ? 't' : 'f', h.address ?? '', h.phone ?? ''];
}
