import { describe, expect, it } from 'vitest';
import type { HouseholdFacts, RuleContext } from '../facts.js';
import { incomeLowRule } from './income-low.js';
import { incomeDropRule } from './income-drop.js';
import { medicalExpenseRule } from './medical-expense.js';
import { riskEventRule } from './risk-event.js';
import { migrantWorkLossRule } from './migrant-work-loss.js';
import { unsafeHousingRule } from './unsafe-housing.js';
import { unsafeWaterRule } from './unsafe-water.js';
import { schoolDropoutRule } from './school-dropout.js';
import { seriousIllnessRule } from './serious-illness.js';
import { disabilityRule } from './disability.js';
import { noLabourRule } from './no-labour.js';
import { RULES } from './index.js';

const params = {
  'monitoring.income-threshold': 760_000,
  'monitoring.income-margin': 0.1,
  'monitoring.income-drop-share': 0.3,
  'monitoring.income-drop-red-share': 0.5,
  'monitoring.income-reference-lag-years': 1,
  'monitoring.medical-line-exited': 600_000,
  'monitoring.medical-line-general': 1_000_000,
  'monitoring.medical-line-severe': 2_000_000,
  'monitoring.event-window-days': 180,
  'monitoring.event-operating-share': 0.3,
  'monitoring.migrant-wage-drop-share': 0.5,
  'monitoring.migrant-min-prior-wage': 500_000,
  'monitoring.water-min-litres': 35,
  'monitoring.water-max-trip-minutes': 20,
  'monitoring.water-max-interruption-days': 36,
  'monitoring.school-age-min': 6,
  'monitoring.school-age-max': 15,
};
const ctx: RuleContext = { asOf: '2025-06-01', params };

const income = (year: number, pc: number, extra: Partial<HouseholdFacts['incomes'][number]> = {}) => ({
  year, householdSize: 1, wageFen: pc, operatingFen: 0, propertyFen: 0, transferFen: 0, productionCostFen: 0, outOfPocketMedicalFen: 0, perCapitaNetFen: pc, ...extra,
});

function household(over: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    householdId: 1, countyCode: '520527', villageCode: '520527101201', householdType: 'GENERAL',
    members: [{ personId: 10, birthDate: '1980-01-01', healthStatus: 'HEALTHY', laborSkill: 'ORDINARY', studentStatus: null }],
    incomes: [income(2023, 2_000_000), income(2024, 2_000_000)],
    guarantee: { housingUnsafe: false, houseGrade: 'A', dropoutChild: false, waterUnsafe: false, waterLitersPerDay: 60, waterTripMinutes: 5, waterInterruptionDays: 0 },
    events: [],
    ...over,
  };
}
const levelOf = (rule: typeof incomeLowRule, f: HouseholdFacts, c = ctx) => rule.evaluate(f, c).map((x) => x.level);

describe('RULES', () => {
  it('gives every rule an id, labels in both languages, an explanation, inputs and levels', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.label.zh && r.label.en && r.explanation.zh && r.explanation.en).toBeTruthy();
      expect(r.inputs.length).toBeGreaterThan(0);
      expect(r.levels.length).toBeGreaterThan(0);
    }
  });
});

describe('incomeLowRule', () => {
  it('fires red one fen below the threshold and yellow exactly at it', () => {
    expect(levelOf(incomeLowRule, household({ incomes: [income(2024, 759_999)] }))).toEqual(['RED']);
    expect(levelOf(incomeLowRule, household({ incomes: [income(2024, 760_000)] }))).toEqual(['YELLOW']);
  });
  it('fires yellow at threshold × 1.1 and not one fen above', () => {
    expect(levelOf(incomeLowRule, household({ incomes: [income(2024, 836_000)] }))).toEqual(['YELLOW']);
    expect(levelOf(incomeLowRule, household({ incomes: [income(2024, 836_001)] }))).toEqual([]);
  });
  it('reads the last complete year and explains the values', () => {
    const [fired] = incomeLowRule.evaluate(household({ incomes: [income(2024, 500_000), income(2025, 9_000_000)] }), ctx);
    expect(fired.values).toEqual({ year: 2024, perCapitaNetFen: 500_000, thresholdFen: 760_000, margin: 0.1 });
  });
  it('does not fire without an income record for the reference year', () => {
    expect(levelOf(incomeLowRule, household({ incomes: [income(2023, 1)] }))).toEqual([]);
  });
});

describe('incomeDropRule', () => {
  it('fires yellow at a 30 % fall and not at 29.99 %', () => {
    expect(levelOf(incomeDropRule, household({ incomes: [income(2023, 1_000_000), income(2024, 700_000)] }))).toEqual(['YELLOW']);
    expect(levelOf(incomeDropRule, household({ incomes: [income(2023, 1_000_000), income(2024, 700_001)] }))).toEqual([]);
  });
  it('fires red at a 50 % fall', () => {
    expect(levelOf(incomeDropRule, household({ incomes: [income(2023, 1_000_000), income(2024, 500_000)] }))).toEqual(['RED']);
  });
  it('ignores a previous year without positive income', () => {
    expect(levelOf(incomeDropRule, household({ incomes: [income(2023, 0), income(2024, -5)] }))).toEqual([]);
  });
});

describe('medicalExpenseRule', () => {
  const withOop = (oop: number, type: HouseholdFacts['householdType'] = 'GENERAL') =>
    household({ householdType: type, incomes: [income(2024, 2_000_000, { outOfPocketMedicalFen: oop })] });
  it('uses the lower line for a formerly poor household', () => {
    expect(levelOf(medicalExpenseRule, withOop(600_001, 'POVERTY_EXITED'))).toEqual(['YELLOW']);
    expect(levelOf(medicalExpenseRule, withOop(600_000, 'POVERTY_EXITED'))).toEqual([]);
    expect(levelOf(medicalExpenseRule, withOop(600_001))).toEqual([]);
  });
  it('fires yellow above 10,000 yuan and red above 20,000 yuan for a general household', () => {
    expect(levelOf(medicalExpenseRule, withOop(1_000_001))).toEqual(['YELLOW']);
    expect(levelOf(medicalExpenseRule, withOop(2_000_000))).toEqual(['YELLOW']);
    expect(levelOf(medicalExpenseRule, withOop(2_000_001))).toEqual(['RED']);
  });
});

describe('riskEventRule', () => {
  const ev = (id: number, kind: HouseholdFacts['events'][number]['kind'], occurredOn: string, severity: 'RED' | 'YELLOW' | 'BLUE' = 'YELLOW') => ({ eventId: id, kind, occurredOn, severity });
  it('fires for a disaster inside the window with the event severity, not one day outside it', () => {
    expect(riskEventRule.evaluate(household({ events: [ev(1, 'NATURAL_DISASTER', '2024-12-04', 'RED')] }), ctx).map((f) => [f.riskType, f.level])).toEqual([['NATURAL_DISASTER', 'RED']]);
    expect(riskEventRule.evaluate(household({ events: [ev(1, 'NATURAL_DISASTER', '2024-12-03')] }), ctx)).toEqual([]);
    expect(riskEventRule.evaluate(household({ events: [ev(1, 'NATURAL_DISASTER', '2025-06-02')] }), ctx)).toEqual([]);
  });
  it('takes the most severe event per risk', () => {
    const fired = riskEventRule.evaluate(household({ events: [ev(1, 'NATURAL_DISASTER', '2025-05-01', 'BLUE'), ev(2, 'NATURAL_DISASTER', '2025-01-01', 'RED')] }), ctx);
    expect(fired).toHaveLength(1);
    expect(fired[0].values.eventId).toBe(2);
  });
  it('applies a market shock only to households living mainly on operating income', () => {
    const shock = [ev(3, 'MARKET_SHOCK', '2025-05-01')];
    const farming = household({ events: shock, incomes: [income(2024, 1_000_000, { wageFen: 700_000, operatingFen: 300_000 })] });
    const wages = household({ events: shock, incomes: [income(2024, 1_000_000, { wageFen: 700_001, operatingFen: 299_999 })] });
    expect(riskEventRule.evaluate(farming, ctx).map((f) => f.riskType)).toEqual(['INDUSTRY_FAILURE']);
    expect(riskEventRule.evaluate(wages, ctx)).toEqual([]);
  });
});

describe('migrantWorkLossRule', () => {
  const wages = (before: number, now: number, skill = 'ORDINARY') =>
    household({
      members: [{ personId: 1, birthDate: '1980-01-01', healthStatus: 'HEALTHY', laborSkill: skill, studentStatus: null }],
      incomes: [income(2023, 1_000_000, { wageFen: before }), income(2024, 1_000_000, { wageFen: now })],
    });
  it('fires when wages halve from at least the minimum', () => {
    expect(levelOf(migrantWorkLossRule, wages(1_000_000, 500_000))).toEqual(['YELLOW']);
    expect(levelOf(migrantWorkLossRule, wages(1_000_000, 500_001))).toEqual([]);
  });
  it('does not fire below the minimum prior wage or without labour', () => {
    expect(levelOf(migrantWorkLossRule, wages(499_999, 0))).toEqual([]);
    expect(levelOf(migrantWorkLossRule, wages(1_000_000, 0, 'LOST'))).toEqual([]);
  });
});

describe('unsafeHousingRule', () => {
  const g = household().guarantee!;
  it('is red for grade D or the flag, yellow for C, silent for B', () => {
    expect(levelOf(unsafeHousingRule, household({ guarantee: { ...g, houseGrade: 'D' } }))).toEqual(['RED']);
    expect(levelOf(unsafeHousingRule, household({ guarantee: { ...g, housingUnsafe: true } }))).toEqual(['RED']);
    expect(levelOf(unsafeHousingRule, household({ guarantee: { ...g, houseGrade: 'C' } }))).toEqual(['YELLOW']);
    expect(levelOf(unsafeHousingRule, household({ guarantee: { ...g, houseGrade: 'B' } }))).toEqual([]);
  });
});

describe('unsafeWaterRule', () => {
  const g = household().guarantee!;
  it('is yellow below 35 litres, above 20 minutes or above 36 days, silent at the limits', () => {
    expect(levelOf(unsafeWaterRule, household({ guarantee: { ...g, waterLitersPerDay: 34.9 } }))).toEqual(['YELLOW']);
    expect(levelOf(unsafeWaterRule, household({ guarantee: { ...g, waterTripMinutes: 21 } }))).toEqual(['YELLOW']);
    expect(levelOf(unsafeWaterRule, household({ guarantee: { ...g, waterInterruptionDays: 37 } }))).toEqual(['YELLOW']);
    expect(levelOf(unsafeWaterRule, household({ guarantee: { ...g, waterLitersPerDay: 35, waterTripMinutes: 20, waterInterruptionDays: 36 } }))).toEqual([]);
  });
  it('is red when water is marked unsafe', () => {
    expect(levelOf(unsafeWaterRule, household({ guarantee: { ...g, waterUnsafe: true } }))).toEqual(['RED']);
  });
});

describe('schoolDropoutRule', () => {
  const child = (birthDate: string) => household({ members: [...household().members, { personId: 11, birthDate, healthStatus: 'HEALTHY', laborSkill: 'NONE', studentStatus: 'DROPPED_OUT' }] });
  it('fires for a dropped-out child of 6 to 15 on the evaluation date', () => {
    expect(levelOf(schoolDropoutRule, child('2009-06-02'))).toEqual(['RED']); // 15
    expect(levelOf(schoolDropoutRule, child('2019-06-01'))).toEqual(['RED']); // 6 today
  });
  it('does not fire at 16 or at 5', () => {
    expect(levelOf(schoolDropoutRule, child('2009-06-01'))).toEqual([]);
    expect(levelOf(schoolDropoutRule, child('2019-06-02'))).toEqual([]);
  });
  it('fires on the guarantee flag alone', () => {
    expect(levelOf(schoolDropoutRule, household({ guarantee: { ...household().guarantee!, dropoutChild: true } }))).toEqual(['RED']);
  });
});

describe('seriousIllnessRule', () => {
  it('fires for a seriously ill member and changes its fingerprint when another member falls ill', () => {
    const one = household({ members: [{ personId: 1, birthDate: '1970-01-01', healthStatus: 'SERIOUS_ILLNESS', laborSkill: 'LOST', studentStatus: null }] });
    const two = household({ members: [...one.members, { personId: 2, birthDate: '1972-01-01', healthStatus: 'SERIOUS_ILLNESS', laborSkill: 'LOST', studentStatus: null }] });
    const [a] = seriousIllnessRule.evaluate(one, ctx);
    const [b] = seriousIllnessRule.evaluate(two, ctx);
    expect(a.level).toBe('YELLOW');
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(seriousIllnessRule.evaluate(household(), ctx)).toEqual([]);
  });
});

describe('disabilityRule', () => {
  it('fires for a disabled member only', () => {
    expect(levelOf(disabilityRule, household({ members: [{ personId: 1, birthDate: '1970-01-01', healthStatus: 'DISABLED', laborSkill: 'WEAK_OR_HALF', studentStatus: null }] }))).toEqual(['YELLOW']);
    expect(levelOf(disabilityRule, household({ members: [{ personId: 1, birthDate: '1970-01-01', healthStatus: 'CHRONIC', laborSkill: 'WEAK_OR_HALF', studentStatus: null }] }))).toEqual([]);
  });
});

describe('noLabourRule', () => {
  it('fires blue when nobody can work and stays silent with one weak labourer', () => {
    const m = (skill: string) => ({ personId: 1, birthDate: '1940-01-01', healthStatus: 'HEALTHY', laborSkill: skill, studentStatus: null });
    expect(levelOf(noLabourRule, household({ members: [m('LOST'), { ...m('NONE'), personId: 2 }] }))).toEqual(['BLUE']);
    expect(levelOf(noLabourRule, household({ members: [m('LOST'), { ...m('WEAK_OR_HALF'), personId: 2 }] }))).toEqual([]);
  });
});
