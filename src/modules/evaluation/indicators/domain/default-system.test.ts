import { describe, expect, it } from 'vitest';
import { defaultIndicatorSystem } from './default-system.js';

describe('defaultIndicatorSystem', () => {
  it('gives every indicator a basis users can look up, without references to our own spec files', () => {
    const indicators = defaultIndicatorSystem().pillars.flatMap((p) => p.indicators);
    expect(indicators.filter((i) => /domain\.md|methods\.md|§|\[I\]/.test(i.reference)).map((i) => i.code)).toEqual([]);
    expect(indicators.find((i) => i.code === 'industry.cooperative_share')?.reference).toContain('国乡振发〔2022〕9号');
  });
});
