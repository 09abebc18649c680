import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.js';
import { checkGuarantee, checkIncomeYears, checkMemberIdentity, checkMembers, deriveIncome, hasGuaranteeProblem } from './validate-household.js';

const head = makeIdNumber('520527', '1975-03-01', 11); // male
const wife = makeIdNumber('520527', '1978-08-01', 12); // female
const TODAY = '2025-06-01';

describe('checkMemberIdentity', () => {
  it('reads gender and birth date from a valid ID number', () => {
    expect(checkMemberIdentity({ idNumber: head.toLowerCase(), relation: 'HEAD' }, TODAY)).toEqual({
      identity: { idNumber: head.toUpperCase(), gender: 'M', birthDate: '1975-03-01' },
      problems: [],
    });
  });
  it('names the field and the problem for a wrong checksum, an impossible date and a bad format', () => {
    const wrongCheck = head.slice(0, 17) + (head[17] === '0' ? '1' : '0');
    expect(checkMemberIdentity({ idNumber: wrongCheck, relation: 'HEAD' }, TODAY, 'members.2').problems).toEqual([
      expect.objectContaining({ path: 'members.2.idNumber', code: 'registry.id_number.checksum' }),
    ]);
    expect(checkMemberIdentity({ idNumber: '520527197502300011', relation: 'HEAD' }, TODAY).problems[0]).toMatchObject({ path: 'idNumber', code: 'registry.id_number.birth_date' });
    expect(checkMemberIdentity({ idNumber: '5205271975', relation: 'HEAD' }, TODAY).problems[0]).toMatchObject({ code: 'registry.id_number.format' });
  });
  it('refuses a birth date after today inside the ID number', () => {
    const future = makeIdNumber('520527', '2025-12-01', 1);
    expect(checkMemberIdentity({ idNumber: future, relation: 'CHILD' }, TODAY).problems[0]).toMatchObject({ code: 'registry.id_number.birth_date' });
  });
  it('refuses a gender or birth date that disagrees with the ID number', () => {
    const r = checkMemberIdentity({ idNumber: head, gender: 'F', birthDate: '1975-03-02', relation: 'HEAD' }, TODAY, 'members.0');
    expect(r.identity).toBeNull();
    expect(r.problems).toEqual([
      expect.objectContaining({ path: 'members.0.gender', code: 'registry.gender.mismatch', params: { expected: 'M' } }),
      expect.objectContaining({ path: 'members.0.birthDate', code: 'registry.birth_date.mismatch', params: { expected: '1975-03-01' } }),
    ]);
  });
});

describe('checkMembers', () => {
  it('accepts a household with exactly one head', () => {
    expect(checkMembers([{ idNumber: head, relation: 'HEAD' }, { idNumber: wife, relation: 'SPOUSE' }], TODAY).problems).toEqual([]);
  });
  it('refuses a household without a head', () => {
    expect(checkMembers([{ idNumber: wife, relation: 'SPOUSE' }], TODAY).problems).toEqual([expect.objectContaining({ path: 'members', code: 'registry.head.missing' })]);
  });
  it('points at the second head', () => {
    expect(checkMembers([{ idNumber: head, relation: 'HEAD' }, { idNumber: wife, relation: 'HEAD' }], TODAY).problems).toEqual([
      expect.objectContaining({ path: 'members.1.relation', code: 'registry.head.multiple' }),
    ]);
  });
  it('refuses the same person twice in one household', () => {
    expect(checkMembers([{ idNumber: head, relation: 'HEAD' }, { idNumber: head.toLowerCase(), relation: 'CHILD' }], TODAY).problems).toEqual([
      expect.objectContaining({ path: 'members.1.idNumber', code: 'registry.id_number.duplicate_in_request' }),
    ]);
  });
});

describe('checkIncomeYears', () => {
  it('refuses a future year and a repeated year, by index', () => {
    expect(checkIncomeYears([2024, 2026, 2024], TODAY)).toEqual([
      expect.objectContaining({ path: 'incomes.1.year', code: 'registry.year.future', params: { currentYear: 2025 } }),
      expect.objectContaining({ path: 'incomes.2.year', code: 'registry.income.duplicate_year' }),
    ]);
  });
  it('accepts the current year', () => {
    expect(checkIncomeYears([2025], TODAY)).toEqual([]);
  });
});

describe('checkGuarantee', () => {
  it('requires unsafe housing for a house graded C or D', () => {
    expect(checkGuarantee({ housingUnsafe: false, houseGrade: 'D' })).toEqual([expect.objectContaining({ path: 'guarantee.housingUnsafe', code: 'registry.guarantee.grade_mismatch' })]);
    expect(checkGuarantee({ housingUnsafe: true, houseGrade: 'C' })).toEqual([]);
    expect(checkGuarantee({ housingUnsafe: false, houseGrade: 'A' })).toEqual([]);
  });
});

describe('hasGuaranteeProblem', () => {
  it('is true when any guarantee fails', () => {
    const ok = { foodClothingOk: true, housingUnsafe: false, dropoutChild: false, memberUninsured: false, waterUnsafe: false };
    expect(hasGuaranteeProblem(ok)).toBe(false);
    expect(hasGuaranteeProblem({ ...ok, waterUnsafe: true })).toBe(true);
    expect(hasGuaranteeProblem({ ...ok, foodClothingOk: false })).toBe(true);
  });
});

describe('deriveIncome', () => {
  it('derives net and per-capita net as domain.md 13.5 (toward zero)', () => {
    expect(deriveIncome({ wageFen: 1_000_000, operatingFen: 500_000, propertyFen: 0, transferFen: 200_001, productionCostFen: 300_000 }, 4)).toEqual({
      netIncomeFen: 1_400_001,
      perCapitaNetFen: 350_000,
    });
  });
});
