/**
 * The household import/export file format (docs/import-format.md): a people table with the
 * household columns repeated on every member row, and an incomes table per household and year.
 * Headers are Chinese by default; English headers (or the column keys) are accepted. Pure.
 */
import {
  EDUCATION_LEVELS,
  HEALTH_STATUSES,
  HOUSEHOLD_TYPES,
  LABOR_SKILLS,
  RELATIONS,
  STUDENT_STATUSES,
  type Labelled,
} from '../../domain/enums.js';

export type TableKind = 'people' | 'incomes';
export type ColumnType = 'text' | 'enum' | 'bool' | 'int' | 'yuan' | 'village' | 'id' | 'household_no' | 'year' | 'phone';

export interface ColumnSpec {
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
  required: boolean;
  /** For enum columns: the code set (codes or zh/en labels accepted). */
  values?: Record<string, Labelled>;
  /** Default used when the cell is empty (a code, 'true'/'false' or a number as text). */
  fallback?: string;
  maxLength?: number;
  /** Column is part of the household (repeated on each member row and must agree). */
  household?: boolean;
  noteZh: string;
  noteEn: string;
  exampleZh: string;
  exampleEn: string;
}

export const PEOPLE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'household_no', zh: '户编号', en: 'Household number', type: 'household_no', required: true, household: true, maxLength: 32, noteZh: '必填。户的唯一编号（字母数字，最长32位）；同一户的每名成员行重复填写', noteEn: 'Required. Unique household number (letters/digits, up to 32); repeated on every member row', exampleZh: '52052700100100001', exampleEn: '52052700100100001' },
  { key: 'village_code', zh: '村代码', en: 'Village code', type: 'village', required: true, household: true, noteZh: '必填。12位村级区划代码，须在您的辖区内', noteEn: 'Required. 12-digit village division code inside your scope', exampleZh: '520527100201', exampleEn: '520527100201' },
  { key: 'household_type', zh: '户类型', en: 'Household type', type: 'enum', required: true, household: true, values: HOUSEHOLD_TYPES, noteZh: '必填。一般农户 / 脱贫户', noteEn: 'Required. general household / formerly poor household', exampleZh: '脱贫户', exampleEn: 'formerly poor household' },
  { key: 'is_relocated', zh: '是否易地搬迁', en: 'Relocated', type: 'bool', required: false, household: true, fallback: 'false', noteZh: '是/否，空为否', noteEn: 'yes/no, empty = no', exampleZh: '否', exampleEn: 'no' },
  { key: 'address', zh: '地址', en: 'Address', type: 'text', required: false, household: true, maxLength: 200, noteZh: '可空，最长200字', noteEn: 'Optional, up to 200 characters', exampleZh: '赫章县白果街道某村3组', exampleEn: 'Group 3, Baiguo, Hezhang' },
  { key: 'phone', zh: '联系电话', en: 'Phone', type: 'phone', required: false, household: true, noteZh: '可空，5-20位数字', noteEn: 'Optional, 5-20 digits', exampleZh: '13800000000', exampleEn: '13800000000' },
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, maxLength: 50, noteZh: '必填', noteEn: 'Required', exampleZh: '张三', exampleEn: '张三' },
  { key: 'id_number', zh: '身份证号', en: 'ID number', type: 'id', required: true, noteZh: '必填。18位身份证号（校验码、出生日期须正确；性别由身份证号得出）。请将单元格设为文本', noteEn: 'Required. 18-character citizen ID (checksum and birth date checked; gender comes from it). Format the cells as text', exampleZh: '520527198001010011', exampleEn: '520527198001010011' },
  { key: 'relation', zh: '与户主关系', en: 'Relation to head', type: 'enum', required: true, values: RELATIONS, noteZh: '必填。每户恰好一名户主', noteEn: 'Required. Exactly one head per household', exampleZh: '户主', exampleEn: 'head' },
  { key: 'ethnicity', zh: '民族', en: 'Ethnicity', type: 'text', required: false, maxLength: 20, fallback: '汉族', noteZh: '空为汉族', noteEn: 'Empty = Han (汉族)', exampleZh: '彝族', exampleEn: '彝族' },
  { key: 'education', zh: '文化程度', en: 'Education', type: 'enum', required: false, values: EDUCATION_LEVELS, noteZh: '可空', noteEn: 'Optional', exampleZh: '初中', exampleEn: 'junior secondary' },
  { key: 'student_status', zh: '在校生状况', en: 'Student status', type: 'enum', required: false, values: STUDENT_STATUSES, noteZh: '可空', noteEn: 'Optional', exampleZh: '非在校生', exampleEn: 'not a student' },
  { key: 'health_status', zh: '健康状况', en: 'Health status', type: 'enum', required: false, values: HEALTH_STATUSES, fallback: 'HEALTHY', noteZh: '空为健康', noteEn: 'Empty = healthy', exampleZh: '健康', exampleEn: 'healthy' },
  { key: 'labor_skill', zh: '劳动技能', en: 'Labour skill', type: 'enum', required: true, values: LABOR_SKILLS, noteZh: '必填', noteEn: 'Required', exampleZh: '普通劳动力', exampleEn: 'ordinary labour' },
  { key: 'migrant_months', zh: '务工月数', en: 'Months of migrant work', type: 'int', required: false, fallback: '0', noteZh: '0-12，空为0', noteEn: '0-12, empty = 0', exampleZh: '6', exampleEn: '6' },
  { key: 'migrant_place', zh: '务工地点', en: 'Place of migrant work', type: 'text', required: false, maxLength: 100, noteZh: '可空', noteEn: 'Optional', exampleZh: '浙江省宁波市', exampleEn: 'Ningbo, Zhejiang' },
  { key: 'has_medical_insurance', zh: '参加医保', en: 'Medical insurance', type: 'bool', required: false, fallback: 'true', noteZh: '是/否，空为是', noteEn: 'yes/no, empty = yes', exampleZh: '是', exampleEn: 'yes' },
  { key: 'has_pension_insurance', zh: '参加养老保险', en: 'Pension insurance', type: 'bool', required: false, fallback: 'false', noteZh: '是/否，空为否', noteEn: 'yes/no, empty = no', exampleZh: '是', exampleEn: 'yes' },
  { key: 'is_dibao', zh: '低保', en: 'Dibao', type: 'bool', required: false, fallback: 'false', noteZh: '是否享受最低生活保障，空为否', noteEn: 'Receives the minimum living allowance, empty = no', exampleZh: '否', exampleEn: 'no' },
  { key: 'is_tekun', zh: '特困', en: 'Tekun', type: 'bool', required: false, fallback: 'false', noteZh: '是否特困供养人员，空为否', noteEn: 'Extreme-hardship support, empty = no', exampleZh: '否', exampleEn: 'no' },
  { key: 'public_welfare_job', zh: '公益岗', en: 'Public welfare job', type: 'bool', required: false, fallback: 'false', noteZh: '是否在公益岗位就业，空为否', noteEn: 'Holds a public-welfare job, empty = no', exampleZh: '否', exampleEn: 'no' },
];

export const INCOME_COLUMNS: readonly ColumnSpec[] = [
  { key: 'household_no', zh: '户编号', en: 'Household number', type: 'household_no', required: true, maxLength: 32, noteZh: '必填。须在人员表中或已在系统中', noteEn: 'Required. Must be in the people table or already registered', exampleZh: '52052700100100001', exampleEn: '52052700100100001' },
  { key: 'year', zh: '年度', en: 'Year', type: 'year', required: true, noteZh: '必填。如2024', noteEn: 'Required, e.g. 2024', exampleZh: '2024', exampleEn: '2024' },
  { key: 'wage', zh: '工资性收入', en: 'Wage income', type: 'yuan', required: false, fallback: '0', noteZh: '元，最多两位小数，空为0', noteEn: 'Yuan, up to 2 decimals, empty = 0', exampleZh: '32000', exampleEn: '32000' },
  { key: 'operating', zh: '生产经营性收入', en: 'Operating income', type: 'yuan', required: false, fallback: '0', noteZh: '元', noteEn: 'Yuan', exampleZh: '8500.5', exampleEn: '8500.5' },
  { key: 'property', zh: '财产性收入', en: 'Property income', type: 'yuan', required: false, fallback: '0', noteZh: '元', noteEn: 'Yuan', exampleZh: '600', exampleEn: '600' },
  { key: 'transfer', zh: '转移性收入', en: 'Transfer income', type: 'yuan', required: false, fallback: '0', noteZh: '元', noteEn: 'Yuan', exampleZh: '4200', exampleEn: '4200' },
  { key: 'production_cost', zh: '生产经营性支出', en: 'Production costs', type: 'yuan', required: false, fallback: '0', noteZh: '元', noteEn: 'Yuan', exampleZh: '3000', exampleEn: '3000' },
  { key: 'out_of_pocket_medical', zh: '合规自付医疗支出', en: 'Out-of-pocket medical costs', type: 'yuan', required: false, fallback: '0', noteZh: '元', noteEn: 'Yuan', exampleZh: '1200', exampleEn: '1200' },
];

export const SHEET_NAMES: Record<TableKind, { zh: string; en: string }> = {
  people: { zh: '人员', en: 'People' },
  incomes: { zh: '收入', en: 'Incomes' },
};

export const columnsOf = (kind: TableKind): readonly ColumnSpec[] => (kind === 'people' ? PEOPLE_COLUMNS : INCOME_COLUMNS);

/** Which table a sheet name means (zh, en, or the kind itself), or null. */
export function tableOfSheet(name: string): TableKind | null {
  const n = normaliseHeader(name);
  for (const kind of ['people', 'incomes'] as const) {
    const s = SHEET_NAMES[kind];
    if (n === normaliseHeader(s.zh) || n === normaliseHeader(s.en) || n === kind) return kind;
  }
  return null;
}

/** Lower-case, no spaces, underscores, asterisks or trailing unit notes like "(元)". */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^)）]*[)）]\s*$/, '')
    .replace(/[\s_*＊\-]/g, '')
    .toLowerCase();
}

export interface HeaderMapping {
  /** For each spec column (by index in the spec list): the file column index, or -1 when absent. */
  positions: number[];
  missing: ColumnSpec[];
  unknown: string[];
  duplicated: string[];
}

let lookupCache: Map<TableKind, Map<string, number>> | null = null;
function lookupFor(kind: TableKind): Map<string, number> {
  lookupCache ??= new Map();
  let m = lookupCache.get(kind);
  if (!m) {
    m = new Map();
    columnsOf(kind).forEach((c, i) => {
      for (const name of [c.zh, c.en, c.key]) m!.set(normaliseHeader(name), i);
    });
    lookupCache.set(kind, m);
  }
  return m;
}

/** Maps a header row onto the columns of a table: Chinese, English or key names, in any order. */
export function mapHeader(kind: TableKind, header: string[]): HeaderMapping {
  const specs = columnsOf(kind);
  const lookup = lookupFor(kind);
  const positions = specs.map(() => -1);
  const unknown: string[] = [];
  const duplicated: string[] = [];
  header.forEach((h, idx) => {
    const text = h.trim();
    if (!text) return;
    const i = lookup.get(normaliseHeader(text));
    if (i === undefined) unknown.push(text);
    else if (positions[i] !== -1) duplicated.push(text);
    else positions[i] = idx;
  });
  const missing = specs.filter((c, i) => c.required && positions[i] === -1);
  return { positions, missing, unknown, duplicated };
}

export const headerLabel = (c: ColumnSpec, lang: 'zh-CN' | 'en'): string => (lang === 'en' ? c.en : c.zh);
