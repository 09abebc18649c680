import { describe, expect, it } from 'vitest';
import { maskIdNumbersDeep, parseAuditInstant } from './mask.js';

describe('maskIdNumbersDeep', () => {
  it('masks ID-shaped strings at any depth and leaves other values alone', () => {
    expect(maskIdNumbersDeep({ idNumber: '52052719800101001X', members: [{ id: '520527198001010011', n: 3 }], name: '张三', no: '5205271012010001' })).toEqual({
      idNumber: '5205**********001X',
      members: [{ id: '5205**********0011', n: 3 }],
      name: '张三',
      no: '5205271012010001',
    });
  });
});

describe('parseAuditInstant', () => {
  it('reads a bare day in China Standard Time and makes `to` include the whole day', () => {
    expect(parseAuditInstant('2026-01-02', false).toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(parseAuditInstant('2026-01-02', true).toISOString()).toBe('2026-01-02T16:00:00.000Z');
    expect(parseAuditInstant('2026-01-02T03:00:00Z', true).toISOString()).toBe('2026-01-02T03:00:00.000Z');
  });
});
