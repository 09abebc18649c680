import { describe, expect, it } from 'vitest';
import { DivisionRowBuilder } from './division-rows.js';

describe('DivisionRowBuilder', () => {
  it('builds zero-padded rows that point at their parent', () => {
    const b = new DivisionRowBuilder();
    expect(b.add({ prefix: '52', name: '贵州省', level: 1, parentPrefix: null })).toEqual({ code: '520000000000', prefix: '52', name: '贵州省', level: 1, parentCode: null });
    expect(b.add({ prefix: '520527102001', name: '村', level: 5, parentPrefix: '520527102' })?.parentCode).toBe('520527102000');
  });

  it('skips a placeholder whose padded code equals its parent and hangs its children on the parent', () => {
    const b = new DivisionRowBuilder();
    b.add({ prefix: '4419', name: '东莞市', level: 2, parentPrefix: '44' });
    expect(b.add({ prefix: '441900', name: '东莞市', level: 3, parentPrefix: '4419' })).toBeNull();
    expect(b.add({ prefix: '441900003', name: '东城街道', level: 4, parentPrefix: '441900' })).toMatchObject({ code: '441900003000', parentCode: '441900000000', level: 4 });
    expect(b.skipped.map((s) => s.prefix)).toEqual(['441900']);
  });

  it('follows a chain of placeholders (金门县 township and village)', () => {
    const b = new DivisionRowBuilder();
    b.add({ prefix: '350527', name: '金门县', level: 3, parentPrefix: '3505' });
    expect(b.add({ prefix: '350527000', name: '金门县', level: 4, parentPrefix: '350527' })).toBeNull();
    expect(b.add({ prefix: '350527000000', name: '金门县', level: 5, parentPrefix: '350527000' })).toBeNull();
    expect(b.skipped).toHaveLength(2);
  });
});
