import { describe, expect, it } from 'vitest';
import { makeIdNumber, maskIdNumber, parseIdNumber } from './id-number.js';

describe('parseIdNumber', () => {
  it('accepts the GB 11643 example number and reads birth date and gender', () => {
    // The standard's worked example: 11010519491231002X (female, born 1949-12-31).
    expect(parseIdNumber('11010519491231002x')).toEqual({ ok: true, value: { areaCode: '110105', birthDate: '1949-12-31', gender: 'F' } });
  });
  it('names the problem: format, impossible birth date, checksum', () => {
    expect(parseIdNumber('12345')).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber(makeIdNumber('520527', '1990-02-30', 1).replace('19900230', '19900230'))).toMatchObject({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
  });
  it('refuses a birth date after today', () => {
    expect(parseIdNumber(makeIdNumber('520527', '2030-01-01', 5), '2026-11-28')).toEqual({ ok: false, problem: 'birth_date' });
  });
});

describe('makeIdNumber', () => {
  it('builds numbers that parse back to the same facts', () => {
    const id = makeIdNumber('520527', '2001-07-15', 123);
    expect(parseIdNumber(id)).toEqual({ ok: true, value: { areaCode: '520527', birthDate: '2001-07-15', gender: 'M' } });
  });
});

describe('maskIdNumber', () => {
  it('hides birth date and sequence', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
