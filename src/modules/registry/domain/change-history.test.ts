import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './change-history.js';

describe('diffSnapshots', () => {
  it('lists only changed fields, with dotted paths', () => {
    expect(diffSnapshots({ phone: '1', address: 'a', members: [{ name: '甲' }] }, { phone: '2', address: 'a', members: [{ name: '乙' }] }, false)).toEqual([
      { path: 'phone', before: '1', after: '2' },
      { path: 'members.0.name', before: '甲', after: '乙' },
    ]);
  });
  it('treats a creation as every field going from null', () => {
    expect(diffSnapshots(null, { householdNo: 'X1' }, false)).toEqual([{ path: 'householdNo', before: null, after: 'X1' }]);
  });
  it('masks ID numbers when asked', () => {
    expect(diffSnapshots({ idNumber: '11010519491231002X' }, null, true)).toEqual([{ path: 'idNumber', before: '1101**********002X', after: null }]);
  });
});
