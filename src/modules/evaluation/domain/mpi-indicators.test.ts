import { describe, expect, it } from 'vitest';
import { MpiSpecSchema, type MpiSpec } from '../mpi-contract.js';
import { shippedMpiSpec } from '../use-cases/mpi-spec.js';
import { FACT, cutoffInForce, deprivationColumns, flattenSpec, type HouseholdFacts } from './mpi-indicators.js';

const spec = (over: Partial<MpiSpec> = {}): MpiSpec =>
  MpiSpecSchema.parse({
    name: { 'zh-CN': '测试', en: 'test' },
    k: 0.5,
    dimensions: [
      { id: 'money', label: { 'zh-CN': '收入', en: 'income' }, weight: 2, indicators: [{ id: 'income', weight: 1, cutoff: 1.5 }] },
      {
        id: 'living',
        label: { 'zh-CN': '生活', en: 'living' },
        weight: 1,
        indicators: [
          { id: 'housing', weight: 3 },
          { id: 'drinking_water', weight: 1 },
        ],
      },
      { id: 'edu', label: { 'zh-CN': '教育', en: 'education' }, weight: 1, indicators: [{ id: 'schooling', weight: 1 }] },
    ],
    ...over,
  });

function facts(rows: { pc: number; years: number; flags: number }[]): HouseholdFacts {
  return {
    n: rows.length,
    perCapitaFen: Float64Array.from(rows.map((r) => r.pc)),
    size: Float64Array.from(rows.map(() => 1)),
    adultYears: Float64Array.from(rows.map((r) => r.years)),
    flags: Uint16Array.from(rows.map((r) => r.flags)),
  };
}

describe('flattenSpec', () => {
  it('nests weights: dimension share times share within the dimension, summing to 1', () => {
    const { indicators, dimensions } = flattenSpec(spec());
    expect(indicators.map((i) => [i.id, i.dimension])).toEqual([
      ['income', 'money'],
      ['housing', 'living'],
      ['drinking_water', 'living'],
      ['schooling', 'edu'],
    ]);
    expect(indicators.map((i) => i.weight)).toEqual([0.5, 0.1875, 0.0625, 0.25]);
    expect(dimensions).toEqual({ money: ['income'], living: ['housing', 'drinking_water'], edu: ['schooling'] });
  });

  it('fills the default cutoff of an indicator that takes one and none for yes/no indicators', () => {
    const { indicators } = flattenSpec(spec());
    expect(indicators.map((i) => i.specCutoff)).toEqual([1.5, null, null, 6]);
    expect(cutoffInForce(indicators[0], 800_000)).toBe(1_200_000);
    expect(cutoffInForce(indicators[3], 800_000)).toBe(6);
    expect(cutoffInForce(indicators[1], 800_000)).toBeNull();
  });

  it('gives the shipped default six equal dimensions and the 两不愁三保障 items a quarter of theirs', () => {
    const { indicators } = flattenSpec(shippedMpiSpec);
    const w = Object.fromEntries(indicators.map((i) => [i.id, i.weight]));
    expect(w.income).toBeCloseTo(1 / 6, 15);
    expect(w.housing).toBeCloseTo(1 / 24, 15);
    expect(w.drinking_water).toBeCloseTo(1 / 6, 15);
    expect(indicators.reduce((s, i) => s + i.weight, 0)).toBeCloseTo(1, 15);
    expect(shippedMpiSpec.k).toBeCloseTo(1 / 3, 15);
  });
});

describe('deprivationColumns', () => {
  it('maps income strictly below the cutoff, schooling below the years and the yes/no facts', () => {
    const { indicators } = flattenSpec(spec());
    const cols = deprivationColumns(
      indicators,
      facts([
        { pc: 1_199_999, years: 5, flags: FACT.unsafeHousing },
        { pc: 1_200_000, years: 6, flags: FACT.unsafeWater | FACT.hasGuaranteeRecord },
        { pc: 0, years: -1, flags: FACT.noLabour },
      ]),
      800_000,
    );
    expect(cols.map((c) => Array.from(c))).toEqual([
      [1, 0, 1], // income < 1.5 × 8000 yuan
      [1, 0, 0], // housing
      [0, 1, 0], // water
      [1, 0, 0], // schooling: 5 < 6; unknown (-1) is not deprived
    ]);
  });

  it('reads each yes/no indicator from its own fact', () => {
    const all = MpiSpecSchema.parse({
      name: { 'zh-CN': '全部', en: 'all' },
      k: 1,
      dimensions: [
        {
          id: 'all',
          label: { 'zh-CN': '全部', en: 'all' },
          weight: 1,
          indicators: ['food_clothing', 'compulsory_education', 'medical_insurance', 'health', 'labour'].map((id) => ({ id, weight: 1 })),
        },
      ],
    });
    const { indicators } = flattenSpec(all);
    const cols = deprivationColumns(
      indicators,
      facts([
        { pc: 0, years: 9, flags: FACT.foodClothingProblem | FACT.uninsuredMember },
        { pc: 0, years: 9, flags: FACT.schoolDropout | FACT.seriousIllnessOrDisability | FACT.noLabour },
      ]),
      1,
    );
    expect(cols.map((c) => Array.from(c))).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });
});

describe('MpiSpecSchema', () => {
  const issues = (input: unknown) => {
    const r = MpiSpecSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('accepts the shipped default', () => {
    expect(issues(shippedMpiSpec)).toEqual([]);
  });
  it('names the field of a non-positive weight, an unknown indicator, a k outside (0, 1] and a misplaced cutoff', () => {
    const base = JSON.parse(JSON.stringify(shippedMpiSpec));
    base.dimensions[0].weight = 0;
    base.dimensions[1].indicators[2].id = 'wealth';
    base.dimensions[2].indicators[0].cutoff = 3;
    base.k = 1.5;
    expect(issues(base)).toEqual([
      'k: evaluation.mpi.k_range',
      'dimensions.0.weight: evaluation.mpi.weight_positive',
      'dimensions.1.indicators.2.id: evaluation.mpi.unknown_indicator',
    ]);
    const cut = JSON.parse(JSON.stringify(shippedMpiSpec));
    cut.dimensions[2].indicators[0].cutoff = 3;
    cut.dimensions[3].indicators[0].cutoff = 40;
    cut.dimensions[4].indicators.push({ id: 'income', weight: 1 });
    expect(issues(cut)).toEqual([
      'dimensions.2.indicators.0.cutoff: evaluation.mpi.no_cutoff',
      'dimensions.3.indicators.0.cutoff: evaluation.mpi.cutoff_range',
      'dimensions.4.indicators.1.id: evaluation.mpi.duplicate_indicator',
    ]);
  });
});
