import { describe, expect, it } from 'vitest';
import { searchOf } from './visit-household-search';

describe('searchOf', () => {
  it('reads 18 characters ending in a digit or X as an ID number, upper-cased', () => {
    expect(searchOf(' 52052719800310101x ')).toEqual({ idNumber: '52052719800310101X' });
    expect(searchOf('520527198003101012')).toEqual({ idNumber: '520527198003101012' });
  });
  it('reads letters and digits as a household number and anything else as a name', () => {
    expect(searchOf('E2E001002001')).toEqual({ householdNo: 'E2E001002001' });
    expect(searchOf('5205270010010001')).toEqual({ householdNo: '5205270010010001' });
    expect(searchOf('杨志强')).toEqual({ q: '杨志强' });
    expect(searchOf('张')).toEqual({ q: '张' });
  });
});
