import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../domain/id-number.js';
import { ImportState, PackedKeyMap, packIdNumber } from './import-state.js';
import type { HouseholdValues } from './validate-row.js';

const h = (no: string, over: Partial<HouseholdValues> = {}): HouseholdValues => ({
  householdNo: no, villageCode: '520527100201', householdType: 'GENERAL', isRelocated: false, address: null, phone: null, ...over,
});

describe('packIdNumber', () => {
  it('gives distinct exact integers for distinct valid numbers', () => {
    const a = packIdNumber(makeIdNumber('520527', '1980-01-01', 1));
    const b = packIdNumber(makeIdNumber('520527', '1980-01-01', 2));
    const c = packIdNumber(makeIdNumber('999999', '2099-12-31', 999));
    expect(a).not.toBe(b);
    expect(Number.isSafeInteger(c)).toBe(true);
  });
});

describe('PackedKeyMap', () => {
  it('keeps every key through growth', () => {
    const m = new PackedKeyMap(4);
    for (let i = 1; i <= 50_000; i++) m.set(i * 1_000_003, i);
    expect(m.size).toBe(50_000);
    expect(m.get(777 * 1_000_003)).toBe(777);
    expect(m.get(5)).toBeUndefined();
  });
});

describe('ImportState', () => {
  it('reports conflicting household fields, a second head, duplicate IDs and households without a head', () => {
    const s = new ImportState();
    const id1 = makeIdNumber('520527', '1980-01-01', 1);
    expect(s.addRow(2, h('A'), 'HEAD', id1)).toEqual({ issues: [], firstOfHousehold: true });
    const second = s.addRow(3, h('A', { householdType: 'POVERTY_EXITED' }), 'HEAD', id1);
    expect(second.firstOfHousehold).toBe(false);
    expect(second.issues.map((i) => [i.column, i.code, i.params?.firstRow])).toEqual([
      ['household_type', 'import.row.household_conflict', 2],
      ['relation', 'import.row.second_head', 2],
      ['id_number', 'import.row.id_duplicate', 2],
    ]);
    s.addRow(4, h('B'), 'SPOUSE', makeIdNumber('520527', '1980-01-01', 3));
    expect([...s.householdsWithoutHead()].map((x) => [x.row, x.issue.params?.householdNo])).toEqual([[4, 'B']]);
    expect(s.householdCount).toBe(2);
  });
});
