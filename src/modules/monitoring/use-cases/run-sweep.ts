import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { toLocalDate } from '../../../platform/clock.js';
import { type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { resolveForCounties } from '../../parameters/index.js';
import type { SweepResult } from '../contract.js';
import { RULE_PARAMETERS } from '../domain/rules/index.js';
import { countiesUnder } from '../store/facts-store.js';
import { buildApplySql, buildFiringsSql, type CountyParams, type SweepFilter } from '../store/sweep-sql.js';

type Db = Deps['store']['db'] | Transaction<Database>;
export type CountyParamsDb = Db;

/** Parameter rows for the sweep: every rule parameter per county on the date, and the reference year. */
export async function countyParams(db: Db, counties: readonly string[], asOf: string): Promise<CountyParams[]> {
  const resolved = await resolveForCounties(db, RULE_PARAMETERS, counties, asOf);
  return counties.map((countyCode) => {
    const values = resolved.get(countyCode)!;
    return { countyCode, refYear: Number(asOf.slice(0, 4)) - (values['monitoring.income-reference-lag-years'] ?? 1), values };
  });
}

/**
 * Set-based evaluation of the rules over the households in `filter`, applied to the clues, inside `trx`:
 * firings into a temporary table (one SELECT over the registry), then update / insert / resolve.
 */
export async function sweepIn(trx: Transaction<Database>, at: Date, asOf: string, counties: readonly string[], filter: SweepFilter) {
  if (counties.length === 0) return { households: 0, firings: 0, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0 };
  const params = await countyParams(trx, counties, asOf);
  await sql.raw(`CREATE TEMP TABLE sweep_firing ON COMMIT DROP AS ${buildFiringsSql(asOf, params, filter)}`).execute(trx);
  // Statistics and an index, so the three apply statements join by hash or index, never by nested scans.
  await sql.raw('CREATE INDEX ON sweep_firing (household_id, risk_type)').execute(trx);
  await sql.raw('ANALYZE sweep_firing').execute(trx);
  const apply = buildApplySql('sweep_firing', at.toISOString(), filter);
  const updated = await sql.raw(apply.update).execute(trx);
  const created = await sql.raw(apply.insert).execute(trx);
  const resolved = await sql.raw(apply.resolve).execute(trx);
  const { rows } = await sql<{ firings: number; households: number }>`SELECT count(*)::int AS firings, count(DISTINCT household_id)::int AS households FROM sweep_firing`.execute(trx);
  await sql.raw('DROP TABLE sweep_firing').execute(trx);
  return {
    households: rows[0].households,
    firings: rows[0].firings,
    cluesCreated: Number(created.numAffectedRows ?? 0),
    cluesUpdated: Number(updated.numAffectedRows ?? 0),
    cluesResolved: Number(resolved.numAffectedRows ?? 0),
  };
}

/**
 * The full sweep (`ruralbridge monitor sweep`, the daily schedule, POST /api/monitoring/sweep): every
 * rule over every household under the scope, on the evaluation date, in one transaction; recorded as a
 * job and one audit event with the counts. `households` counts households with at least one finding.
 */
export async function runSweep(deps: Deps, actor: Actor, options: { scopePrefix?: string; asOf?: string } = {}): Promise<SweepResult> {
  const started = Date.now();
  const at = deps.clock.now();
  const asOf = options.asOf ?? toLocalDate(at);
  const scopePrefix = options.scopePrefix ?? actor.scopePrefix;
  if (!scopePrefix.startsWith(actor.scopePrefix)) throw new Error('sweep scope outside the actor scope');
  return deps.store.db.transaction().execute(async (trx) => {
    const counties = await countiesUnder(trx, scopePrefix);
    const r = await sweepIn(trx, at, asOf, counties, { scopePrefix });
    const result: SweepResult = { asOf, ...r, ms: Date.now() - started };
    await trx
      .insertInto('job')
      .values({ kind: 'monitoring.sweep', params: JSON.stringify({ scopePrefix, asOf }), status: 'succeeded', progress: 1, result: JSON.stringify(result), error: null, created_by: actor.userId, created_at: at, finished_at: deps.clock.now() })
      .execute();
    await recordAudit(trx, actor, at, { action: 'monitoring.sweep', entityType: 'monitoring_sweep', entityId: null, scopeCode: scopePrefix, after: result });
    return result;
  });
}
