import { LEVEL_RANK, type ClueFinding, type RiskType, type WarningLevel } from '../contract.js';
import type { HouseholdFacts, RuleContext, RuleFiring } from './facts.js';
import { RULES } from './rules/index.js';

/** Every rule over one household's facts. Pure. */
export function evaluateHousehold(f: HouseholdFacts, ctx: RuleContext): RuleFiring[] {
  return RULES.flatMap((rule) => rule.evaluate(f, ctx));
}

/** The findings for one household and risk: what a clue carries. */
export interface RiskFinding {
  householdId: number;
  riskType: RiskType;
  level: WarningLevel;
  ruleId: string;
  explanation: ClueFinding[];
  fingerprint: string;
}

/**
 * Groups firings per risk (several rules may point at the same risk, e.g. medical costs and a serious
 * illness): the highest level, the findings in rule-id order, the fingerprints joined in the same order.
 * The SQL sweep aggregates the same way.
 */
export function groupByRisk(householdId: number, firings: readonly RuleFiring[]): RiskFinding[] {
  const byRisk = new Map<RiskType, RuleFiring[]>();
  for (const fi of firings) byRisk.set(fi.riskType, [...(byRisk.get(fi.riskType) ?? []), fi]);
  const out: RiskFinding[] = [];
  for (const [riskType, list] of byRisk) {
    const sorted = [...list].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    const level = sorted.reduce<WarningLevel>((best, fi) => (LEVEL_RANK[fi.level] > LEVEL_RANK[best] ? fi.level : best), 'BLUE');
    out.push({
      householdId,
      riskType,
      level,
      ruleId: sorted[0].ruleId,
      explanation: sorted.map((fi) => ({ ruleId: fi.ruleId, level: fi.level, values: fi.values })),
      fingerprint: sorted.map((fi) => fi.fingerprint).join(';'),
    });
  }
  return out.sort((a, b) => (a.riskType < b.riskType ? -1 : a.riskType > b.riskType ? 1 : 0));
}
