/**
 * From an MPI specification and one year's household facts to the inputs of Alkire-Foster: the
 * flattened indicator list with nested weights, and one 0/1 deprivation column per indicator.
 * Pure: no I/O. The meaning of every indicator is documented in docs/evaluation-mpi.md.
 */
import { MPI_CUTOFF_INDICATORS, type MpiIndicatorId, type MpiSpec } from '../mpi-contract.js';

/** Bits of `HouseholdFacts.flags` (one household's yes/no facts, from the registry). */
export const FACT = {
  /** 不愁吃穿 not met (registry_guarantee.food_clothing_ok = false). */
  foodClothingProblem: 1 << 0,
  /** A compulsory-school-age child out of school (dropout_child, or a member of school age DROPPED_OUT). */
  schoolDropout: 1 << 1,
  /** A member without basic medical insurance (member_uninsured, or a member with has_medical_insurance = false). */
  uninsuredMember: 1 << 2,
  /** Housing unsafe (housing_unsafe, or dangerous-house grade C or D). */
  unsafeHousing: 1 << 3,
  /** Drinking water unsafe (water_unsafe). */
  unsafeWater: 1 << 4,
  /** A member with a serious illness (大病) or a disability. */
  seriousIllnessOrDisability: 1 << 5,
  /** No labour-capable member of working age (16–59). */
  noLabour: 1 << 6,
  /** The household has a guarantee-status record (otherwise the 三保障 and water facts read as no problem). */
  hasGuaranteeRecord: 1 << 7,
} as const;

/** One year's households of a division subtree as columns (one entry per household with an income record). */
export interface HouseholdFacts {
  n: number;
  /** Per-capita net income, fen per person per year. */
  perCapitaFen: Float64Array;
  /** Household size (the person weight). */
  size: Float64Array;
  /** Highest years of schooling of a member aged 16 or more who is not in school; -1 when none is known. */
  adultYears: Float64Array;
  flags: Uint16Array;
}

const FLAG_OF: Partial<Record<MpiIndicatorId, number>> = {
  food_clothing: FACT.foodClothingProblem,
  compulsory_education: FACT.schoolDropout,
  medical_insurance: FACT.uninsuredMember,
  housing: FACT.unsafeHousing,
  drinking_water: FACT.unsafeWater,
  health: FACT.seriousIllnessOrDisability,
  labour: FACT.noLabour,
};

export interface FlatIndicator {
  id: MpiIndicatorId;
  dimension: string;
  /** Nested weight: dimension share × share within the dimension (sums to 1). */
  weight: number;
  /** Cutoff as written in the spec (income: multiple of the threshold; schooling: years); null for yes/no indicators. */
  specCutoff: number | null;
}

/** The spec's indicators in order with nested equal-or-given weights: w_j = (W_d / ΣW) × (w_j / Σ_{i∈d} w_i). */
export function flattenSpec(spec: MpiSpec): { indicators: FlatIndicator[]; dimensions: Record<string, string[]> } {
  let total = 0;
  for (const d of spec.dimensions) total += d.weight;
  const indicators: FlatIndicator[] = [];
  const dimensions: Record<string, string[]> = {};
  for (const d of spec.dimensions) {
    let within = 0;
    for (const i of d.indicators) within += i.weight;
    dimensions[d.id] = d.indicators.map((i) => i.id);
    for (const i of d.indicators) {
      const range = MPI_CUTOFF_INDICATORS[i.id];
      indicators.push({ id: i.id, dimension: d.id, weight: (d.weight / total) * (i.weight / within), specCutoff: range ? (i.cutoff ?? range.default) : null });
    }
  }
  return { indicators, dimensions };
}

/** The cutoff in the data's units: income in fen per person per year (multiple × threshold), schooling in years. */
export function cutoffInForce(ind: FlatIndicator, thresholdFen: number): number | null {
  if (ind.specCutoff === null) return null;
  return ind.id === 'income' ? ind.specCutoff * thresholdFen : ind.specCutoff;
}

/**
 * One 0/1 column per indicator. Income: deprived iff per-capita net income < cutoff (strict, as the
 * income-poverty measures). Schooling: deprived iff the best-educated adult has fewer years than the
 * cutoff (a household without a known adult education is not deprived). Yes/no indicators: the fact.
 */
export function deprivationColumns(indicators: readonly FlatIndicator[], facts: HouseholdFacts, thresholdFen: number): Uint8Array[] {
  return indicators.map((ind) => {
    const col = new Uint8Array(facts.n);
    if (ind.id === 'income') {
      const z = cutoffInForce(ind, thresholdFen)!;
      for (let i = 0; i < facts.n; i++) col[i] = facts.perCapitaFen[i] < z ? 1 : 0;
    } else if (ind.id === 'schooling') {
      const years = ind.specCutoff!;
      for (let i = 0; i < facts.n; i++) {
        const y = facts.adultYears[i];
        col[i] = y >= 0 && y < years ? 1 : 0;
      }
    } else {
      const bit = FLAG_OF[ind.id]!;
      for (let i = 0; i < facts.n; i++) col[i] = facts.flags[i] & bit ? 1 : 0;
    }
    return col;
  });
}
