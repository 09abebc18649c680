import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { suggestMeasures, uncoveredRisks, mergeMapping, type RiskMeasureMapping } from './suggest.js';

const mapping = (createRequire(import.meta.url)('../defaults/risk-measures.json') as { mapping: RiskMeasureMapping }).mapping;

describe('suggestMeasures', () => {
  it('fills what is missing: illness → health, unstable work → employment or a public-welfare job', () => {
    const s = suggestMeasures({ risks: ['ILLNESS', 'UNSTABLE_EMPLOYMENT'], hasLabour: true, mapping, planned: ['HEALTH'] });
    expect(s.map((x) => x.category)).toEqual(['HEALTH', 'COMPREHENSIVE_SECURITY', 'SOCIAL', 'EMPLOYMENT', 'PUBLIC_WELFARE_JOB']);
    expect(s.find((x) => x.category === 'HEALTH')).toMatchObject({ covered: true, because: ['ILLNESS'] });
  });
  it('gives a household without labour comprehensive security', () => {
    const s = suggestMeasures({ risks: ['UNSAFE_WATER'], hasLabour: false, mapping, planned: [] });
    expect(s).toEqual([
      { category: 'WATER_SAFETY', because: ['UNSAFE_WATER'], covered: false },
      { category: 'COMPREHENSIVE_SECURITY', because: ['NO_LABOUR'], covered: false },
    ]);
  });
  it('adds a developmental measure for a labour-capable household whose risks call for none', () => {
    const s = suggestMeasures({ risks: ['DISABILITY'], hasLabour: true, mapping, planned: [] });
    expect(s.map((x) => x.category)).toContain('EMPLOYMENT');
    expect(s.find((x) => x.category === 'EMPLOYMENT')!.because).toEqual(['LABOUR_NEEDS_DEVELOPMENTAL']);
  });
});

describe('uncoveredRisks', () => {
  it('lists the risks none of whose measures are planned, under the overridden mapping', () => {
    expect(uncoveredRisks(['ILLNESS', 'UNSAFE_HOUSING'], mapping, ['SOCIAL'])).toEqual(['UNSAFE_HOUSING']);
    const local = mergeMapping(mapping, { UNSAFE_HOUSING: ['SOCIAL'] });
    expect(uncoveredRisks(['ILLNESS', 'UNSAFE_HOUSING'], local, ['SOCIAL'])).toEqual([]);
  });
});
