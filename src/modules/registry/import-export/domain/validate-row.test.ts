import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../domain/id-number.js';
import { INCOME_COLUMNS, PEOPLE_COLUMNS, mapHeader } from './columns.js';
import { parseYuanToFen, validateIncomeRow, validatePeopleRow, type RowContext } from './validate-row.js';
import { incomeRow, peopleRow, TEST_VILLAGE } from '../testing.js';

const ctx: RowContext = {
  today: '2025-06-01',
  villageStatus: (code) => (code === TEST_VILLAGE ? 'ok' : code.startsWith('5205') ? 'unknown' : 'out_of_scope'),
};
const cells = (r: Record<string, string>) => PEOPLE_COLUMNS.map((c) => r[c.key] ?? '');
const incomeCells = (r: Record<string, string>) => INCOME_COLUMNS.map((c) => r[c.key] ?? '');

describe('validatePeopleRow', () => {
  it('accepts a valid row and derives gender and birth date from the ID number', () => {
    const r = validatePeopleRow(cells(peopleRow({ id_number: makeIdNumber('520527', '1990-05-06', 12) })), ctx);
    expect(r.issues).toEqual([]);
    expect(r.person).toMatchObject({ gender: 'F', birthDate: '1990-05-06', relation: 'HEAD', laborSkill: 'ORDINARY', migrantMonths: 6 });
    expect(r.household).toMatchObject({ householdType: 'POVERTY_EXITED', isRelocated: false, villageCode: TEST_VILLAGE });
  });

  it('accepts codes and English labels in enum cells', () => {
    const r = validatePeopleRow(cells(peopleRow({ household_type: 'general household', relation: 'HEAD', labor_skill: 'skilled labour', is_relocated: 'yes' })), ctx);
    expect(r.issues).toEqual([]);
    expect(r.household).toMatchObject({ householdType: 'GENERAL', isRelocated: true });
    expect(r.person?.laborSkill).toBe('SKILLED');
  });

  it('reports every bad cell of a row, not just the first', () => {
    const bad = makeIdNumber('520527', '1980-01-01', 11).slice(0, 17) + '0';
    const r = validatePeopleRow(cells(peopleRow({ name: '', id_number: bad, relation: '老板', migrant_months: '13', is_dibao: '也许' })), ctx);
    expect(r.issues.map((i) => [i.column, i.code])).toEqual([
      ['name', 'import.row.required'],
      ['id_number', 'import.row.id_checksum'],
      ['relation', 'import.row.enum'],
      ['migrant_months', 'import.row.int_range'],
      ['is_dibao', 'import.row.bool'],
    ]);
    expect(r.person).toBeNull();
  });

  it('flags unknown villages, villages outside the scope and ID numbers Excel turned into numbers', () => {
    expect(validatePeopleRow(cells(peopleRow({ village_code: '520527999999' })), ctx).issues[0].code).toBe('import.row.village_unknown');
    expect(validatePeopleRow(cells(peopleRow({ village_code: '110101001001' })), ctx).issues[0].code).toBe('import.row.village_out_of_scope');
    expect(validatePeopleRow(cells(peopleRow({ village_code: '5205' })), ctx).issues[0].code).toBe('import.row.village_format');
    expect(validatePeopleRow(cells(peopleRow({ id_number: '5.20527198001e+17' })), ctx).issues[0].code).toBe('import.row.id_scientific');
    expect(validatePeopleRow(cells(peopleRow({ id_number: '520527198002300011' })), ctx).issues[0].code).toBe('import.row.id_birth_date');
  });

  it('rejects birth dates after today', () => {
    const r = validatePeopleRow(cells(peopleRow({ id_number: makeIdNumber('520527', '2025-07-01', 11) })), ctx);
    expect(r.issues[0]).toMatchObject({ column: 'id_number', code: 'import.row.id_birth_date' });
  });
});

describe('validateIncomeRow', () => {
  it('converts yuan to fen', () => {
    const r = validateIncomeRow(incomeCells(incomeRow()), ctx);
    expect(r.issues).toEqual([]);
    expect(r.income).toMatchObject({ year: 2024, wageFen: 3_200_000, operatingFen: 850_050, outOfPocketMedicalFen: 120_000 });
  });

  it('rejects negative, absurd and malformed amounts and future years', () => {
    const r = validateIncomeRow(incomeCells(incomeRow({ year: '2026', wage: '-5', operating: '20000000', property: '1.234', transfer: 'abc' })), ctx);
    expect(r.issues.map((i) => [i.column, i.code])).toEqual([
      ['year', 'import.row.year'],
      ['wage', 'import.row.yuan_negative'],
      ['operating', 'import.row.yuan_absurd'],
      ['property', 'import.row.yuan_format'],
      ['transfer', 'import.row.yuan_format'],
    ]);
  });
});

describe('parseYuanToFen', () => {
  it('reads thousands separators and currency signs exactly', () => {
    expect(parseYuanToFen('1,234.56')).toBe(123_456);
    expect(parseYuanToFen('¥0.1')).toBe(10);
    expect(parseYuanToFen('8500.5')).toBe(850_050);
  });
});

describe('mapHeader', () => {
  it('maps Chinese, English and key headers in any order and lists missing required columns', () => {
    const m = mapHeader('people', ['Name', '户编号', 'village_code', 'ID number', '其他列']);
    expect(m.positions[PEOPLE_COLUMNS.findIndex((c) => c.key === 'name')]).toBe(0);
    expect(m.positions[0]).toBe(1);
    expect(m.unknown).toEqual(['其他列']);
    expect(m.missing.map((c) => c.key)).toEqual(['household_type', 'relation', 'labor_skill']);
  });

  it('ignores spacing, case and unit notes such as (元)', () => {
    const m = mapHeader('incomes', ['户编号', 'YEAR', '工资性收入（元）', 'wage income']);
    expect(m.missing).toEqual([]);
    expect(m.duplicated).toEqual(['wage income']);
  });
});
