import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { toLocalDate } from '../../../platform/clock.js';
import { evaluateHousehold, groupByRisk, type RiskFinding } from '../domain/evaluate.js';
import { countiesOfHouseholds, loadHouseholdFacts } from '../store/facts-store.js';
import { buildCombinedApplySql } from '../store/sweep-sql.js';
import { countyParams, sweepIn } from './run-sweep.js';

export interface ReevaluationResult {
  households: number;
  cluesCreated: number;
  cluesUpdated: number;
  cluesResolved: number;
}

/** Above this many households the set-based sweep (same results) is cheaper than loading facts. */
const PURE_PATH_LIMIT = 2000;

/**
 * Re-evaluates the rules for the given households now (after an edit or an import) and updates their
 * clues, in its own transaction. The registry calls this after committing changes to households,
 * people, incomes or guarantee status. Small sets: facts loaded in one query and evaluated by the pure
 * rules; large sets: the set-based sweep restricted to the ids.
 */
export async function reevaluateHouseholds(deps: Deps, householdIds: readonly number[], options: { asOf?: string } = {}): Promise<ReevaluationResult> {
  const at = deps.clock.now();
  return deps.store.db.transaction().execute((trx) => reevaluateHouseholdsIn(trx, at, householdIds, options.asOf ?? toLocalDate(at)));
}

/** The same inside a caller's transaction. */
export async function reevaluateHouseholdsIn(trx: Transaction<Database>, at: Date, householdIds: readonly number[], asOf: string): Promise<ReevaluationResult> {
  const ids = [...new Set(householdIds)];
  if (ids.length === 0) return { households: 0, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0 };
  if (ids.length > PURE_PATH_LIMIT) {
    const counties = await countiesOfHouseholds(trx, ids);
    const r = await sweepIn(trx, at, asOf, counties, { householdIds: ids });
    return { households: ids.length, cluesCreated: r.cluesCreated, cluesUpdated: r.cluesUpdated, cluesResolved: r.cluesResolved };
  }
  const facts = await loadHouseholdFacts(trx, ids);
  if (facts.length === 0) return { households: 0, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0 };
  const counties = [...new Set(facts.map((f) => f.countyCode))];
  const params = new Map((await countyParams(trx, counties, asOf)).map((p) => [p.countyCode, p.values]));
  const findings: (RiskFinding & { countyCode: string; villageCode: string })[] = [];
  for (const f of facts) {
    const firings = evaluateHousehold(f, { asOf, params: params.get(f.countyCode)! });
    for (const g of groupByRisk(f.householdId, firings)) findings.push({ ...g, countyCode: f.countyCode, villageCode: f.villageCode });
  }
  const json = JSON.stringify(
    findings.map((g) => ({
      household_id: g.householdId,
      county_code: g.countyCode,
      village_code: g.villageCode,
      risk_type: g.riskType,
      level: g.level,
      rule_id: g.ruleId,
      explanation: g.explanation,
      fingerprint: g.fingerprint,
    })),
  ).replace(/'/g, "''");
  const src = `SELECT * FROM jsonb_to_recordset('${json}'::jsonb) AS x(household_id bigint, county_code text, village_code text, risk_type text, level text, rule_id text, explanation jsonb, fingerprint text)`;
  const { rows } = await sql
    .raw<{ updated: number; created: number; resolved: number }>(buildCombinedApplySql(src, at.toISOString(), { householdIds: facts.map((f) => f.householdId) }))
    .execute(trx);
  return { households: facts.length, cluesCreated: rows[0].created, cluesUpdated: rows[0].updated, cluesResolved: rows[0].resolved };
}
