/**
 * Synthetic revitalisation indicator values for the demo county (not real statistics): per village
 * a latent development level — 0.7 × the standardised log mean per-capita income of its registry
 * households plus a seeded village effect — drives every indicator, with a 2020–2025 trend and
 * seeded noise. 0/1 indicators switch on in an adoption year that comes earlier in more developed
 * villages. Deterministic for a seed. Pure.
 */
import type { Indicator } from '../contract.js';

export interface DemoVillageIncome {
  code: string;
  /** Mean per-capita net income (fen) by year. */
  meanFenByYear: ReadonlyMap<number, number>;
}

export interface DemoValue {
  divisionCode: string;
  year: number;
  indicatorCode: string;
  value: number;
}

/** mulberry32 on a 32-bit state seeded from (seed, key) by FNV-1a. */
function rngFor(seed: number, key: string): { next: () => number; normal: () => number } {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let s = h >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return { next, normal };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

type Maker = (c: { dev: number; t: number; year: number; e: () => number; adoptBy: (base: number, spread: number) => number; incomeYuan: number | null }) => number | null;

/** Per indicator code of the default system: how its value follows development (dev ~ N(0, 1)) and time (t = 0 in 2020, 1 in 2025). */
const MAKERS: Record<string, Maker> = {
  'industry.labour_productivity': ({ dev, t, e }) => round(clamp(1.6 * Math.exp(0.22 * dev) * (1 + 0.35 * t) + 0.12 * e(), 0.3, 8), 2),
  'industry.processing_ratio': ({ dev, t, e }) => round(clamp(0.9 + 0.3 * dev + 0.6 * t + 0.12 * e(), 0.05, 5), 2),
  'industry.tourism_visitors': ({ dev, t, year, e }) => round(clamp(Math.exp(0.4 + 0.7 * dev + 0.25 * e()) * (year === 2020 ? 0.55 : year === 2022 ? 0.8 : 1) * (1 + 0.6 * t), 0, 200), 2),
  'industry.cooperative_share': ({ dev, t, e }) => round(clamp(38 + 9 * dev + 24 * t + 4 * e(), 0, 100), 1),
  'ecology.manure_use_rate': ({ dev, t, e }) => round(clamp(66 + 5 * dev + 20 * t + 3 * e(), 0, 100), 1),
  'ecology.green_coverage': ({ dev, t, e }) => round(clamp(29 + 6 * dev + 7 * t + 2 * e(), 0, 100), 1),
  'ecology.waste_treated_share': ({ dev, t, e }) => round(clamp(72 + 6 * dev + 24 * t + 3 * e(), 0, 100), 1),
  'ecology.sanitary_toilet_rate': ({ dev, t, e }) => round(clamp(56 + 10 * dev + 30 * t + 4 * e(), 0, 100), 1),
  'culture.culture_centre': ({ year, adoptBy }) => (year >= adoptBy(2021.5, 1.2) ? 1 : 0),
  'culture.civilised_village': ({ year, adoptBy }) => (year >= adoptBy(2025, 2) ? 1 : 0),
  'culture.education_spending_share': ({ dev, t, e }) => round(clamp(9.5 + 1.4 * dev + 1.6 * t + 0.6 * e(), 2, 30), 1),
  'governance.village_plan': ({ year, adoptBy }) => (year >= adoptBy(2022.5, 1.3) ? 1 : 0),
  'governance.service_station': ({ year, adoptBy }) => (year >= adoptBy(2021.8, 1.1) ? 1 : 0),
  // The 2021 village elections made the party secretary committee director almost everywhere.
  'governance.secretary_director': ({ year, adoptBy }) => (year >= Math.min(adoptBy(2021, 0.8), 2024) ? 1 : 0),
  // Every village has village rules (a constant column: zero variance, weight 0 with a warning).
  'governance.village_rules': () => 1,
  'governance.collective_income': ({ dev, t, e }) => round(clamp(Math.exp(1.6 + 0.6 * dev + 0.9 * t + 0.3 * e()), 0, 500), 1),
  'prosperity.engel_coefficient': ({ dev, t, e }) => round(clamp(38 - 3 * dev - 6 * t + 1.2 * e(), 15, 60), 1),
  // Disposable income tracks the registry's net income (disposable nets transfers paid, adds imputed rent).
  'prosperity.disposable_income': ({ incomeYuan, e }) => (incomeYuan === null ? null : Math.round(incomeYuan * (1.12 + 0.03 * e()))),
  'prosperity.tap_water_rate': ({ dev, t, e }) => round(clamp(83 + 4 * dev + 12 * t + 2 * e(), 0, 100), 1),
  'prosperity.hardened_road_share': ({ dev, t, e }) => round(clamp(76 + 8 * dev + 20 * t + 3 * e(), 0, 100), 1),
};

/** Values of the input indicators the generator knows, for every village and year (villages without income records get none). */
export function generateDemoIndicatorValues(villages: readonly DemoVillageIncome[], indicators: readonly Indicator[], years: readonly number[], seed: number): DemoValue[] {
  const logMeans = villages.map((v) => {
    const xs = [...v.meanFenByYear.values()].filter((x) => x > 0);
    return xs.length ? xs.reduce((a, x) => a + Math.log(x), 0) / xs.length : null;
  });
  const known = logMeans.filter((x): x is number => x !== null);
  const mu = known.reduce((a, x) => a + x, 0) / Math.max(1, known.length);
  const sd = Math.sqrt(known.reduce((a, x) => a + (x - mu) ** 2, 0) / Math.max(1, known.length)) || 1;
  const out: DemoValue[] = [];
  const wanted = indicators.filter((i) => i.source === 'input' && MAKERS[i.code]);
  villages.forEach((v, k) => {
    if (logMeans[k] === null) return;
    const village = rngFor(seed, v.code);
    const dev = 0.7 * ((logMeans[k]! - mu) / sd) + 0.5 * village.normal();
    for (const ind of wanted) {
      const adopt = rngFor(seed, `${v.code}|${ind.code}|adopt`);
      const jitter = adopt.normal();
      const adoptBy = (base: number, spread: number) => Math.round(base - 0.9 * dev + spread * jitter);
      for (const year of years) {
        const noise = rngFor(seed, `${v.code}|${ind.code}|${year}`);
        const fen = v.meanFenByYear.get(year);
        const value = MAKERS[ind.code]({ dev, t: (year - 2020) / 5, year, e: noise.normal, adoptBy, incomeYuan: fen === undefined ? null : fen / 100 });
        if (value !== null && Number.isFinite(value)) out.push({ divisionCode: v.code, year, indicatorCode: ind.code, value });
      }
    }
  });
  return out;
}
