import { describe, expect, it } from 'vitest';
import { groupByRisk } from './evaluate.js';

describe('groupByRisk', () => {
  it('merges two rules on the same risk into one finding with the higher level, in rule order', () => {
    const out = groupByRisk(7, [
      { ruleId: 'serious-illness', riskType: 'ILLNESS', level: 'YELLOW', values: { n: 1 }, fingerprint: 'b' },
      { ruleId: 'medical-expense', riskType: 'ILLNESS', level: 'RED', values: { oop: 3 }, fingerprint: 'a' },
      { ruleId: 'no-labour', riskType: 'LACK_OF_LABOR', level: 'BLUE', values: {}, fingerprint: 'c' },
    ]);
    expect(out).toEqual([
      { householdId: 7, riskType: 'ILLNESS', level: 'RED', ruleId: 'medical-expense', fingerprint: 'a;b', explanation: [
        { ruleId: 'medical-expense', level: 'RED', values: { oop: 3 } },
        { ruleId: 'serious-illness', level: 'YELLOW', values: { n: 1 } },
      ] },
      { householdId: 7, riskType: 'LACK_OF_LABOR', level: 'BLUE', ruleId: 'no-labour', fingerprint: 'c', explanation: [{ ruleId: 'no-labour', level: 'BLUE', values: {} }] },
    ]);
  });
});
