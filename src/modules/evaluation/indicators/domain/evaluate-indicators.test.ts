import { describe, expect, it } from 'vitest';
import type { EvaluationWarning, Indicator, IndicatorSystemInput, Pillar } from '../contract.js';
import { defaultIndicatorSystem } from './default-system.js';
import { generateDemoIndicatorValues } from './demo-values.js';
import { prepareMatrix, rankOverall, rankPillar, subsystemScores, type UnitValues } from './evaluate-indicators.js';

const ind = (code: string, direction: Indicator['direction'] = 'benefit', fixedWeight: number | null = null): Indicator => ({
  code, nameZh: code, nameEn: code, unit: '', direction, best: null, lower: null, upper: null, fixedWeight, source: 'input', reference: '',
});
const pillar = (code: string, indicators: Indicator[], weightMode: Pillar['weightMode'] = 'entropy', role: Pillar['role'] = 'revitalisation', fixedWeight: number | null = null): Pillar => ({
  code, nameZh: code, nameEn: code, role, weightMode, fixedWeight, indicators,
});
const unit = (code: string, values: Record<string, number>): UnitValues => ({ code, name: code, values: new Map(Object.entries(values)) });

describe('prepareMatrix', () => {
  it('leaves out units without data, then indicators present for at most half, then incomplete units', () => {
    const warnings: EvaluationWarning[] = [];
    const units = [unit('u1', { a: 1, b: 2, c: 1 }), unit('u2', { a: 2, b: 3 }), unit('u3', { a: 3 }), unit('u4', {})];
    const m = prepareMatrix(units, [ind('a'), ind('b'), ind('c')], warnings);
    expect(m.indicators.map((i) => i.code)).toEqual(['a', 'b']);
    expect(m.units).toEqual([0, 1]);
    expect(Array.from(m.columns[0])).toEqual([1, 2]);
    expect(warnings.map((w) => w.code)).toEqual(['UNIT_NO_DATA', 'INDICATOR_DROPPED', 'UNIT_INCOMPLETE']);
    expect(warnings[2].units).toEqual(['u3']);
  });
});

describe('rankPillar', () => {
  it('ranks by closeness with a cost indicator: the unit equal to the ideal gets 1, the anti-ideal 0', () => {
    const warnings: EvaluationWarning[] = [];
    const units = [unit('u1', { a: 1, b: 3 }), unit('u2', { a: 2, b: 2 }), unit('u3', { a: 3, b: 1 })];
    const r = rankPillar(units, pillar('p', [ind('a'), ind('b', 'cost')], 'equal'), warnings);
    expect(r.closeness[2]).toBe(1);
    expect(r.closeness[0]).toBe(0);
    expect(r.closeness[1]).toBeCloseTo(0.5, 12);
    expect(r.rank).toEqual([3, 2, 1]);
  });

  it('gives fixed weights in proportion and reports too few units instead of throwing', () => {
    const warnings: EvaluationWarning[] = [];
    const r = rankPillar([unit('u1', { a: 1, b: 2 }), unit('u2', { a: 2, b: 1 })], pillar('p', [ind('a', 'benefit', 3), ind('b', 'benefit', 1)], 'fixed'), warnings);
    expect(r.weights.get('a')!.weight).toBeCloseTo(0.75, 12);
    expect(r.rank).toEqual([2, 1]);
    const alone = rankPillar([unit('u1', { a: 1 })], pillar('p', [ind('a')]), warnings);
    expect(alone.closeness).toEqual([null]);
    expect(warnings.at(-1)!.code).toBe('INSUFFICIENT_DATA');
  });
});

describe('rankOverall and subsystemScores', () => {
  const system: IndicatorSystemInput = {
    nameZh: 's', nameEn: 's', weightMode: 'fixed', version: 0,
    pillars: [pillar('x', [ind('a')], 'entropy', 'revitalisation', 3), pillar('y', [ind('b')], 'entropy', 'revitalisation', 1), pillar('c', [ind('k')], 'equal', 'consolidation')],
  };
  const units = [unit('u1', { a: 0, b: 10, k: 1 }), unit('u2', { a: 10, b: 0, k: 3 })];

  it('weights pillars by their fixed weights in the overall ranking', () => {
    const r = rankOverall(units, system, []);
    expect(r.weights.get('a')!.weight).toBeCloseTo(0.75, 12);
    expect(r.rank).toEqual([2, 1]);
  });

  it('scores a subsystem as the weighted min-max composite in [0, 1]', () => {
    expect(subsystemScores(units, system, 'revitalisation', [])).toEqual([0.25, 0.75]);
    expect(subsystemScores(units, system, 'consolidation', [])).toEqual([0, 1]);
  });
});

describe('generateDemoIndicatorValues', () => {
  it('is deterministic for a seed and differs for another', () => {
    const indicators = defaultIndicatorSystem().pillars.flatMap((p) => p.indicators);
    const villages = [1, 2, 3].map((i) => ({ code: `52052710120${i}`, meanFenByYear: new Map([[2024, 800_000 + i * 200_000]]) }));
    const a = generateDemoIndicatorValues(villages, indicators, [2024], 1);
    expect(generateDemoIndicatorValues(villages, indicators, [2024], 1)).toEqual(a);
    expect(generateDemoIndicatorValues(villages, indicators, [2024], 2)).not.toEqual(a);
    expect(a.every((v) => Number.isFinite(v.value))).toBe(true);
    expect(a.filter((v) => v.indicatorCode.startsWith('consolidation.'))).toEqual([]);
  });
});
