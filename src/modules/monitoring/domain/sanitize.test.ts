import { describe, expect, it } from 'vitest';
import { sanitizeText } from './sanitize.js';
import { RateLimiter } from './rate-limit.js';

describe('sanitizeText', () => {
  it('removes markup brackets and control characters and collapses whitespace', () => {
    expect(sanitizeText('  <script>alert(1)</script>\u0000 家里\n\n有人 生病 ', 100)).toBe('scriptalert(1)/script 家里 有人 生病');
  });
  it('neutralises a leading formula character and cuts to the limit', () => {
    expect(sanitizeText('=HYPERLINK("x")', 100)).toBe(`'=HYPERLINK("x")`);
    expect(sanitizeText('一二三四五', 3)).toBe('一二三');
  });
});

describe('RateLimiter', () => {
  it('limits one key and then everyone, and forgets after the window', () => {
    const l = new RateLimiter({ perKey: 2, perKeyWindowMs: 1000, global: 3, globalWindowMs: 1000 });
    expect([l.allow('a', 0), l.allow('a', 1), l.allow('a', 2)]).toEqual([true, true, false]);
    expect([l.allow('b', 3), l.allow('c', 4)]).toEqual([true, false]);
    expect(l.allow('a', 1000)).toBe(true);
  });
});
