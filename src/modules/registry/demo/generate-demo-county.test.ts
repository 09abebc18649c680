import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../domain/id-number.js';
import { DEMO_CALIBRATION as C } from './calibration.js';
import { DemoStatsCollector } from './demo-stats.js';
import { generateDemoCounty, planVillages, type DemoCountyInput, type DemoHousehold } from './generate-demo-county.js';
import { villagesFromPackage } from './testing.js';

const villages = villagesFromPackage();
const input = (seed: number, scale: number): DemoCountyInput => ({ seed, scale, county: { code: '520527', name: '赫章县' }, villages });
const THRESHOLD: Record<number, number> = { 2021: 6000, 2022: 6600, 2023: 7000, 2024: 7600, 2025: 8100 };

function digest(households: Iterable<DemoHousehold>): string {
  const h = createHash('sha256');
  for (const x of households) h.update(JSON.stringify(x));
  return h.digest('hex');
}

describe('generateDemoCounty', { timeout: 300_000 }, () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const a = digest(generateDemoCounty(input(7, 0.01)));
    expect(digest(generateDemoCounty(input(7, 0.01)))).toBe(a);
    expect(digest(generateDemoCounty(input(8, 0.01)))).not.toBe(a);
  });

  it('makes valid, unique ID numbers that match birth date and sex, and unique household numbers', () => {
    const ids = new Set<string>();
    const numbers = new Set<string>();
    let people = 0;
    for (const h of generateDemoCounty(input(3, 0.02))) {
      expect(h.household.householdNo.startsWith(h.household.villageCode)).toBe(true);
      numbers.add(h.household.householdNo);
      expect(h.persons.filter((p) => p.relation === 'HEAD')).toHaveLength(1);
      for (const p of h.persons) {
        const parsed = parseIdNumber(p.idNumber, '2025-12-31');
        expect(parsed).toEqual({ ok: true, value: { areaCode: '520527', birthDate: p.birthDate, gender: p.gender } });
        ids.add(p.idNumber);
        people++;
      }
    }
    expect(ids.size).toBe(people);
    expect(numbers.size).toBe(Math.round(C.householdsAtScale1 * 0.02));
  });

  it('uses the real villages and puts relocated households in 街道 communities', () => {
    const plans = planVillages(input(1, 0.1));
    expect(plans).toHaveLength(481);
    expect(plans.reduce((n, p) => n + p.relocated + p.regular, 0)).toBe(18_500);
    for (const p of plans) if (p.relocated) expect(p.village.townshipName.endsWith('街道')).toBe(true);
    const first = generateDemoCounty(input(1, 0.1)).next().value as DemoHousehold;
    expect(first.household.address).toMatch(/^赫章县.+(街道|镇|乡).+(社区|村)/);
  });
});

describe('calibration of the demo county', { timeout: 300_000 }, () => {
  const stats = (() => {
    const c = new DemoStatsCollector();
    for (const h of generateDemoCounty(input(20251231, 0.06))) c.add(h);
    return c.result((y) => THRESHOLD[y] ?? null);
  })();
  const near = (actual: number, target: number, tolerance: number) => expect(Math.abs(actual - target), `${actual} vs ${target}`).toBeLessThanOrEqual(tolerance);

  it('matches household size, formerly-poor and relocated shares', () => {
    near(stats.meanHouseholdSize, 3.68, 0.1);
    near(stats.formerlyPoorShare, C.formerlyPoorShare, 0.015);
    near(stats.relocatedShare, 0.052, 0.01);
  });

  it('matches the age structure, sex ratio and ethnic mix', () => {
    const a = stats.ageBands;
    near(a['0-5'] + a['6-15'], 0.25, 0.03);
    near(a['16-24'] + a['25-44'] + a['45-59'], 0.58, 0.04);
    near(a['60-64'] + a['65-79'] + a['80+'], 0.17, 0.03);
    near(stats.sexRatio, C.sexRatio, 4);
    near(stats.ethnicity['汉族'], C.ethnicity.han, 0.02);
    near(stats.ethnicity['彝族'], C.ethnicity.yi, 0.015);
    near(stats.ethnicity['苗族'], C.ethnicity.miao, 0.015);
    near(stats.ethnicity['回族'], C.ethnicity.hui, 0.006);
  });

  it('matches adult education, disability, migrant work and 低保 shares', () => {
    near(stats.adultEducation.NONE, C.educationAdults.noneOrIlliterate, 0.03);
    near(stats.adultEducation.PRIMARY, C.educationAdults.primary, 0.06);
    near(stats.disabledHouseholdShare.general, C.risk.disabilityInHousehold.general, 0.04);
    near(stats.disabledHouseholdShare.formerlyPoor, C.risk.disabilityInHousehold.formerlyPoor, 0.05);
    near(stats.migrantHouseholdShare.general, C.hasMigrantWorker.general, 0.03);
    near(stats.migrantHouseholdShare.formerlyPoor, C.hasMigrantWorker.formerlyPoor, 0.03);
    near(stats.dibaoShare.general, C.dibaoGivenGeneral, 0.015);
    near(stats.dibaoShare.formerlyPoor, C.dibaoGivenFormerlyPoor, 0.06);
  });

  it('hits the 2023 group income means and follows the county income index', () => {
    near(stats.meanPerCapitaNet[2023].general / C.groupTargetMeans2023.general, 1, 0.03);
    near(stats.meanPerCapitaNet[2023].formerlyPoor / C.groupTargetMeans2023.formerlyPoor, 1, 0.04);
    near(stats.meanPerCapitaNet[2025].all / stats.meanPerCapitaNet[2021].all, C.targetMeanPerCapita[2025] / C.targetMeanPerCapita[2021], 0.04);
    expect(stats.componentShares2023.formerlyPoor.wage).toBeGreaterThan(0.58);
  });

  it('leaves a small share of households below the monitoring threshold each year', () => {
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      expect(stats.shareBelowThreshold[year]).toBeGreaterThan(0.03);
      expect(stats.shareBelowThreshold[year]).toBeLessThan(0.13);
    }
    expect(stats.shocks.illness).toBeGreaterThan(0.1);
  });
});
