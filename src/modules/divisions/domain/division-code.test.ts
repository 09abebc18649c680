import { describe, expect, it } from 'vitest';
import { ancestorPrefixes, levelOfPrefix, parseDivisionCode, shortVillageName, toCode12 } from './division-code.js';

describe('parseDivisionCode', () => {
  it('reads a 12-digit code as a code and shorter significant prefixes as prefixes', () => {
    expect(parseDivisionCode('520527000000')).toEqual({ by: 'code', code: '520527000000' });
    expect(parseDivisionCode(' 520527 ')).toEqual({ by: 'prefix', prefix: '520527' });
    expect(parseDivisionCode('52')).toEqual({ by: 'prefix', prefix: '52' });
    expect(parseDivisionCode('520527102')).toEqual({ by: 'prefix', prefix: '520527102' });
  });
  it('rejects lengths other than 2, 4, 6, 9 or 12 digits and non-digits', () => {
    for (const bad of ['', '5', '520', '5205271', '52052710', '5205271020001', '52a527', '５２']) expect(parseDivisionCode(bad)).toBeNull();
  });
});

describe('levelOfPrefix', () => {
  it('maps prefix lengths to the five levels', () => {
    expect(['52', '5205', '520527', '520527102', '520527102001'].map(levelOfPrefix)).toEqual([1, 2, 3, 4, 5]);
    expect(levelOfPrefix('5205271')).toBeNull();
  });
});

describe('ancestorPrefixes', () => {
  it('lists the ancestors from the province down', () => {
    expect(ancestorPrefixes('520527102001')).toEqual(['52', '5205', '520527', '520527102']);
    expect(ancestorPrefixes('52')).toEqual([]);
  });
});

describe('toCode12', () => {
  it('pads with zeros', () => expect(toCode12('520527')).toBe('520527000000'));
});

describe('shortVillageName', () => {
  it('shortens committee names the way people say them', () => {
    expect(shortVillageName('何家冲村村民委员会')).toBe('何家冲村');
    expect(shortVillageName('石板河村民委员会')).toBe('石板河村');
    expect(shortVillageName('前河社区居民委员会')).toBe('前河社区');
    expect(shortVillageName('双河街道')).toBe('双河街道');
  });
});
