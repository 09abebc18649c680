/**
 * "缺什么补什么": which measure categories a household's risks call for, from the editable
 * risk → categories mapping, plus the labour rules of domain.md 3.1 / 3.3: a household without
 * labour gets comprehensive security; a labour-capable household needs at least one developmental
 * measure. Categories already in the plan are marked covered. Pure.
 */
import { DEVELOPMENTAL, type MeasureCategory } from './enums.js';

export type RiskMeasureMapping = Record<string, MeasureCategory[]>;

export interface Suggestion {
  category: MeasureCategory;
  /** The risks (or rule) that call for it. */
  because: string[];
  covered: boolean;
}

export function suggestMeasures(input: { risks: string[]; hasLabour: boolean; mapping: RiskMeasureMapping; planned: MeasureCategory[] }): Suggestion[] {
  const out = new Map<MeasureCategory, string[]>();
  const add = (c: MeasureCategory, why: string) => out.set(c, [...(out.get(c) ?? []), why]);
  for (const risk of input.risks) for (const c of input.mapping[risk] ?? []) add(c, risk);
  if (!input.hasLabour) add('COMPREHENSIVE_SECURITY', 'NO_LABOUR');
  else if (![...out.keys(), ...input.planned].some((c) => DEVELOPMENTAL.has(c))) add('EMPLOYMENT', 'LABOUR_NEEDS_DEVELOPMENTAL');
  const planned = new Set(input.planned);
  return [...out.entries()].map(([category, because]) => ({ category, because, covered: planned.has(category) }));
}

/** Risks with none of their mapped categories in the plan ("risk ⇔ measure" data-quality rules). */
export function uncoveredRisks(risks: string[], mapping: RiskMeasureMapping, planned: MeasureCategory[]): string[] {
  const have = new Set(planned);
  return risks.filter((r) => (mapping[r] ?? []).length > 0 && !(mapping[r] ?? []).some((c) => have.has(c)));
}

/** Merges the shipped mapping with overrides, most general first (later entries replace a risk's list). */
export function mergeMapping(...layers: RiskMeasureMapping[]): RiskMeasureMapping {
  return Object.assign({}, ...layers);
}
