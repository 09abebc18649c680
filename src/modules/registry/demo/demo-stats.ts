import type { DemoHousehold } from './generate-demo-county.js';

/**
 * Summary figures of a generated county, to compare with the calibration targets (tests) and to
 * print after seeding. Pure; memory independent of the number of households.
 */
export interface DemoStats {
  households: number;
  persons: number;
  meanHouseholdSize: number;
  formerlyPoorShare: number;
  relocatedShare: number;
  relocatedPersons: number;
  dibaoShare: { general: number; formerlyPoor: number };
  migrantHouseholdShare: { general: number; formerlyPoor: number };
  lackOfLabourShare: { general: number; formerlyPoor: number };
  disabledHouseholdShare: { general: number; formerlyPoor: number };
  ageBands: Record<string, number>;
  sexRatio: number;
  ethnicity: Record<string, number>;
  adultEducation: Record<string, number>;
  /** Household-weighted mean per-capita net income (yuan) by year and group. */
  meanPerCapitaNet: Record<number, { general: number; formerlyPoor: number; all: number }>;
  /** Share of households whose per-capita net income is below the year's monitoring threshold. */
  shareBelowThreshold: Record<number, number>;
  /** Share of households with per-capita net income below 1.2 × the threshold ("near"). */
  shareNearThreshold: Record<number, number>;
  shocks: Record<string, number>;
  componentShares2023: { general: Record<string, number>; formerlyPoor: Record<string, number> };
}

const BANDS: Array<[string, number, number]> = [
  ['0-5', 0, 5], ['6-15', 6, 15], ['16-24', 16, 24], ['25-44', 25, 44], ['45-59', 45, 59], ['60-64', 60, 64], ['65-79', 65, 79], ['80+', 80, 200],
];
const LABOUR = new Set(['SKILLED', 'ORDINARY', 'WEAK_OR_HALF']);

export class DemoStatsCollector {
  private households = 0;
  private persons = 0;
  private group = { general: 0, formerlyPoor: 0 };
  private relocated = 0;
  private relocatedPersons = 0;
  private dibao = { general: 0, formerlyPoor: 0 };
  private migrant = { general: 0, formerlyPoor: 0 };
  private noLabour = { general: 0, formerlyPoor: 0 };
  private disabled = { general: 0, formerlyPoor: 0 };
  private bands: Record<string, number> = Object.fromEntries(BANDS.map((b) => [b[0], 0]));
  private males = 0;
  private ethnic: Record<string, number> = {};
  private education: Record<string, number> = {};
  private adults = 0;
  private income: Record<number, { general: number; formerlyPoor: number }> = {};
  private perCapita: Record<number, number[]> = {};
  private shocks: Record<string, number> = {};
  private components = { general: [0, 0, 0, 0], formerlyPoor: [0, 0, 0, 0] };

  constructor(private readonly refYear = 2025) {}

  add(h: DemoHousehold): void {
    const g = h.household.householdType === 'POVERTY_EXITED' ? 'formerlyPoor' : 'general';
    this.households++;
    this.persons += h.persons.length;
    this.group[g]++;
    if (h.household.isRelocated) (this.relocated++, (this.relocatedPersons += h.persons.length));
    if (h.persons[0].isDibao) this.dibao[g]++;
    if (h.persons.some((p) => p.migrantMonths > 0)) this.migrant[g]++;
    const ageOf = (birthDate: string) => this.refYear - Number(birthDate.slice(0, 4));
    if (!h.persons.some((p) => LABOUR.has(p.laborSkill) && ageOf(p.birthDate) >= 16 && ageOf(p.birthDate) <= 59)) this.noLabour[g]++;
    if (h.persons.some((p) => p.healthStatus === 'DISABLED')) this.disabled[g]++;
    for (const p of h.persons) {
      const age = ageOf(p.birthDate);
      this.bands[BANDS.find((b) => age >= b[1] && age <= b[2])![0]]++;
      if (p.gender === 'M') this.males++;
      this.ethnic[p.ethnicity] = (this.ethnic[p.ethnicity] ?? 0) + 1;
      if (age >= 15 && p.education) {
        this.adults++;
        this.education[p.education] = (this.education[p.education] ?? 0) + 1;
      }
    }
    for (const inc of h.incomes) {
      const net = inc.wageFen + inc.operatingFen + inc.propertyFen + inc.transferFen - inc.productionCostFen;
      const pc = Math.trunc(net / inc.householdSize) / 100;
      (this.income[inc.year] ??= { general: 0, formerlyPoor: 0 })[g] += pc;
      (this.perCapita[inc.year] ??= []).push(pc);
      if (inc.year === 2023) {
        const c = this.components[g];
        c[0] += inc.wageFen / inc.householdSize;
        c[1] += (inc.operatingFen - inc.productionCostFen) / inc.householdSize;
        c[2] += inc.propertyFen / inc.householdSize;
        c[3] += inc.transferFen / inc.householdSize;
      }
    }
    for (const s of h.shocks) this.shocks[s.kind] = (this.shocks[s.kind] ?? 0) + 1;
  }

  /** `thresholdYuan(year)`: the monitoring threshold, or null when there is none for the year. */
  result(thresholdYuan: (year: number) => number | null): DemoStats {
    const share = (x: { general: number; formerlyPoor: number }) => ({ general: x.general / (this.group.general || 1), formerlyPoor: x.formerlyPoor / (this.group.formerlyPoor || 1) });
    const norm = (r: Record<string, number>, total: number) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v / (total || 1)]));
    const meanPerCapitaNet: DemoStats['meanPerCapitaNet'] = {};
    const below: Record<number, number> = {};
    const near: Record<number, number> = {};
    for (const [y, sums] of Object.entries(this.income)) {
      const year = Number(y);
      meanPerCapitaNet[year] = {
        general: sums.general / (this.group.general || 1),
        formerlyPoor: sums.formerlyPoor / (this.group.formerlyPoor || 1),
        all: (sums.general + sums.formerlyPoor) / (this.households || 1),
      };
      const t = thresholdYuan(year);
      if (t !== null) {
        const list = this.perCapita[year];
        below[year] = list.filter((x) => x < t).length / list.length;
        near[year] = list.filter((x) => x < 1.2 * t).length / list.length;
      }
    }
    const comp = (c: number[]) => {
      const total = c.reduce((a, b) => a + b, 0) || 1;
      return { wage: c[0] / total, business: c[1] / total, property: c[2] / total, transfer: c[3] / total };
    };
    return {
      households: this.households,
      persons: this.persons,
      meanHouseholdSize: this.persons / (this.households || 1),
      formerlyPoorShare: this.group.formerlyPoor / (this.households || 1),
      relocatedShare: this.relocated / (this.households || 1),
      relocatedPersons: this.relocatedPersons,
      dibaoShare: share(this.dibao),
      migrantHouseholdShare: share(this.migrant),
      lackOfLabourShare: share(this.noLabour),
      disabledHouseholdShare: share(this.disabled),
      ageBands: norm(this.bands, this.persons),
      sexRatio: (100 * this.males) / (this.persons - this.males || 1),
      ethnicity: norm(this.ethnic, this.persons),
      adultEducation: norm(this.education, this.adults),
      meanPerCapitaNet,
      shareBelowThreshold: below,
      shareNearThreshold: near,
      shocks: norm(this.shocks, this.households),
      componentShares2023: { general: comp(this.components.general), formerlyPoor: comp(this.components.formerlyPoor) },
    };
  }
}
