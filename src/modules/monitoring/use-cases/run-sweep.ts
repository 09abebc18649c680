import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import type { Store } from '../../../platform/db.js';
import { toLocalDate } from '../../../platform/clock.js';
import { type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { resolveForCounties } from '../../parameters/index.js';
import type { SweepResult } from '../contract.js';
import { RULE_PARAMETERS } from '../domain/rules/index.js';
import { countiesUnder } from '../store/facts-store.js';
import { buildApplySql, buildClueDigestSql, buildFiringsSql, buildFullCheckSql, buildTwoStepInsertSql, CHECK_BUCKETS, householdFilterSql, type CountyParams, type SweepFilter } from '../store/sweep-sql.js';

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
  const insert = buildTwoStepInsertSql('sweep_firing', 'sweep_new', at.toISOString());
  const updated = await sql.raw(apply.update).execute(trx);
  await sql.raw(insert.pick).execute(trx);
  const created = await sql.raw(insert.insert).execute(trx);
  const resolved = await sql.raw(apply.resolve).execute(trx);
  // Many new clues (the first sweep of a county): give the planner their statistics now, or the next
  // sweep, planned on a table it believes empty, probes it by sequential scans (minutes, not seconds).
  if (Number(created.numAffectedRows ?? 0) > 10_000) await sql.raw('ANALYZE risk_clue').execute(trx);
  const { rows } = await sql<{ firings: number; households: number }>`SELECT count(*)::int AS firings, count(DISTINCT household_id)::int AS households FROM sweep_firing`.execute(trx);
  await sql.raw('DROP TABLE sweep_firing, sweep_new').execute(trx);
  return {
    households: rows[0].households,
    firings: rows[0].firings,
    cluesCreated: Number(created.numAffectedRows ?? 0),
    cluesUpdated: Number(updated.numAffectedRows ?? 0),
    cluesResolved: Number(resolved.numAffectedRows ?? 0),
  };
}

type SweepCounts = Awaited<ReturnType<typeof sweepIn>>;

type DigestRow = { bucket: number; digest: string | null };
type CheckRow = DigestRow & { firings: number; households: number };

/**
 * The firing side of the full check (buildFullCheckSql). On a server it runs as slices of the
 * household ids side by side, each on a connection of its own reading the sweep's own snapshot,
 * without parallel workers or JIT: PostgreSQL's parallel plan recomputes the member aggregates in
 * every worker (docs/decisions/0004). As many slices as the server allows parallel workers per query
 * (max_parallel_workers_per_gather). Meanwhile the sweep's connection computes the clue side.
 * The slices do not see this transaction's own writes; it has written none in these counties yet.
 */
async function fullCheck(store: Store, trx: Transaction<Database>, asOf: string, params: CountyParams[], filter: SweepFilter): Promise<{ firings: CheckRow[]; clues: DigestRow[] }> {
  const clueSide = () => sql.raw<DigestRow>(buildClueDigestSql(filter)).execute(trx).then((r) => r.rows);
  const { rows } = await sql<{ slices: number; lo: number | null; hi: number | null; snapshot: string | null }>`
    SELECT current_setting('max_parallel_workers_per_gather')::int AS slices, min(h.id) AS lo, max(h.id) AS hi,
      CASE WHEN ${store.kind === 'postgres'} THEN pg_export_snapshot() END AS snapshot
    FROM registry_household h WHERE ${sql.raw(householdFilterSql('h', filter))}`.execute(trx);
  const { slices, lo, hi, snapshot } = rows[0];
  if (!store.readOnSnapshot || !snapshot || slices < 2 || lo === null || hi === null) {
    const firings = (await sql.raw<CheckRow>(buildFullCheckSql(asOf, params, filter)).execute(trx)).rows;
    return { firings, clues: await clueSide() };
  }
  const step = Math.ceil((hi + 1 - lo) / slices);
  const [sliced, clues] = await Promise.all([
    store.readOnSnapshot(snapshot, slices, async (s, i) => {
      await s.exec(`SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
      return (await s.query<CheckRow>(buildFullCheckSql(asOf, params, { ...filter, idRange: { lo: lo + i * step, hi: lo + (i + 1) * step } }))).rows;
    }),
    clueSide(),
  ]);
  return { firings: sliced.flat(), clues };
}

/**
 * A full evaluation of counties whose clues stand from earlier sweeps: every household is evaluated
 * (fingerprints only) and compared with its clues by bucket digests (fullCheck); only the households
 * of buckets whose digests differ are then evaluated with explanations and applied (sweepIn on them).
 * The clues end as sweepIn over the whole scope would leave them: the other households' clues already
 * match their findings. When most households differ (new parameters, say), sweepIn over the whole
 * scope is cheaper.
 */
async function sweepFull(store: Store, trx: Transaction<Database>, at: Date, asOf: string, params: CountyParams[], filter: SweepFilter): Promise<SweepCounts & { reevaluated: number }> {
  const counties = params.map((p) => p.countyCode);
  const check = await fullCheck(store, trx, asOf, params, filter);
  // A bucket's digest is the XOR of its slices' (each slice holds part of every bucket).
  const digests = new Map<number, bigint>();
  const xorInto = (bucket: number, digest: string | null) => digests.set(bucket, (digests.get(bucket) ?? 0n) ^ BigInt(digest ?? 0));
  let firings = 0;
  let households = 0;
  for (const r of check.firings) {
    firings += r.firings;
    households += r.households;
    xorInto(r.bucket, r.digest);
  }
  for (const r of check.clues) xorInto(r.bucket, r.digest);
  // Equal digests cancel out: what is left marks the buckets to evaluate again.
  const buckets = new Set([...digests].filter(([, d]) => d !== 0n).map(([b]) => b));
  if (buckets.size === 0) return { households, firings, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0, reevaluated: 0 };
  await sql`CREATE TEMP TABLE sweep_changed ON COMMIT DROP AS
    SELECT h.id AS household_id FROM registry_household h WHERE h.id % ${CHECK_BUCKETS} = ANY(${[...buckets]}::int[]) AND ${sql.raw(householdFilterSql('h', filter))}`.execute(trx);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sweep_changed`.execute(trx);
  let applied: SweepCounts;
  const wholeScope = rows[0].n > households / 2;
  if (wholeScope) {
    applied = await sweepIn(trx, at, asOf, counties, filter);
  } else {
    await sql.raw('ANALYZE sweep_changed').execute(trx);
    applied = await sweepIn(trx, at, asOf, counties, { ...filter, targetTable: 'sweep_changed' });
  }
  await sql.raw('DROP TABLE sweep_changed').execute(trx);
  const reevaluated = wholeScope ? (await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry_household h WHERE ${sql.raw(householdFilterSql('h', filter))}`.execute(trx)).rows[0].n : rows[0].n;
  return { households, firings, cluesCreated: applied.cluesCreated, cluesUpdated: applied.cluesUpdated, cluesResolved: applied.cluesResolved, reevaluated };
}

/** Every this many days the daily sweep evaluates every household again, whatever changed. */
export const FULL_SWEEP_EVERY_DAYS = 7;
/**
 * Changes are taken from this long before the previous sweep: an edit committed while that sweep ran
 * (its updated_at earlier than the sweep, its rows not yet visible to it) is still picked up.
 */
const CHANGE_MARGIN_MS = 24 * 3_600_000;

/**
 * The sweep (`ruralbridge monitor sweep`, the daily schedule, POST /api/monitoring/sweep): the rules
 * over the households under the scope on the evaluation date, in one transaction; recorded as a job
 * and one audit event with the counts. `households` counts households with at least one finding.
 *
 * A county is evaluated in full on its first sweep, when its rule parameters or reference year differ
 * from those of its previous sweep, when the date goes back, once every FULL_SWEEP_EVERY_DAYS, and
 * when `full` is asked. Otherwise (the usual daily run) only the households whose findings can have
 * changed since its previous sweep are evaluated: households changed in the registry since then (edits
 * and imports are also re-evaluated at once, see decision 0003: this is the safety net), households
 * in villages of a risk event recorded since then or which entered or left the event window, and
 * households with a school drop-out who entered or left the school ages. For all others the facts,
 * the parameters and the date-dependent inputs are those of the previous sweep, so their findings
 * and clues stand (docs/decisions/0004).
 * A full evaluation of a county swept before checks every household against its clues in one
 * statement and explains and applies only what differs (sweepFull). A county's first sweep, and a
 * scope narrower than a county (it is small), are evaluated with explanations for every household
 * (sweepIn).
 */
export async function runSweep(deps: Deps, actor: Actor, options: { scopePrefix?: string; asOf?: string; full?: boolean } = {}): Promise<SweepResult> {
  const started = Date.now();
  const at = deps.clock.now();
  const asOf = options.asOf ?? toLocalDate(at);
  const scopePrefix = options.scopePrefix ?? actor.scopePrefix;
  if (!scopePrefix.startsWith(actor.scopePrefix)) throw new Error('sweep scope outside the actor scope');
  return deps.store.db.transaction().execute(async (trx) => {
    // A batch job over up to millions of rows: sorts and hashes in memory rather than in temporary
    // files, and no JIT compilation of the long rule expressions (it costs more than it saves here).
    if (deps.store.kind === 'postgres') await sql`SELECT set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`.execute(trx);
    const counties = await countiesUnder(trx, scopePrefix);
    const params = await countyParams(trx, counties, asOf);
    const wholeCounties = scopePrefix.length <= 6;
    const plan = wholeCounties ? await planSweep(trx, params, asOf, at, Boolean(options.full)) : { first: counties, full: [], incremental: [] };
    const totals = { households: 0, firings: 0, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0 };
    const add = (r: typeof totals) => {
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
    };
    if (plan.first.length) add(await sweepIn(trx, at, asOf, plan.first, { scopePrefix, counties: plan.first }));
    let evaluated = 0;
    if (plan.full.length) {
      const full = await sweepFull(deps.store, trx, at, asOf, params.filter((p) => plan.full.includes(p.countyCode)), { scopePrefix, counties: plan.full });
      add(full);
      evaluated += full.reevaluated;
    }
    if (plan.incremental.length) {
      evaluated += await collectTargets(trx, params.filter((p) => plan.incremental.includes(p.countyCode)), asOf);
      if (evaluated) add(await sweepIn(trx, at, asOf, plan.incremental, { counties: plan.incremental, targetTable: 'sweep_target' }));
      await sql.raw('DROP TABLE sweep_target').execute(trx);
    }
    if (wholeCounties) await saveSweepState(trx, params, asOf, at, [...plan.first, ...plan.full]);
    const result: SweepResult = {
      asOf,
      ...totals,
      fullCounties: plan.first.length + plan.full.length,
      incrementalCounties: plan.incremental.length,
      householdsReevaluated: evaluated,
      ms: Date.now() - started,
    };
    await trx
      .insertInto('job')
      .values({ kind: 'monitoring.sweep', params: JSON.stringify({ scopePrefix, asOf, full: Boolean(options.full) }), status: 'succeeded', progress: 1, result: JSON.stringify(result), error: null, created_by: actor.userId, created_at: at, finished_at: deps.clock.now() })
      .execute();
    await recordAudit(trx, actor, at, { action: 'monitoring.sweep', entityType: 'monitoring_sweep', entityId: null, scopeCode: scopePrefix, after: result });
    return result;
  });
}

const paramsHash = (p: CountyParams) => createHash('sha256').update(JSON.stringify([p.refYear, Object.entries(p.values).sort()])).digest('hex');

/**
 * How each county is evaluated: `first` (no sweep yet, or a scope narrower than a county) by sweepIn
 * over all its households; `full` by sweepFull (compare first, then evaluate what differs);
 * `incremental`: only the households that can have changed.
 */
async function planSweep(trx: Transaction<Database>, params: CountyParams[], asOf: string, at: Date, full: boolean): Promise<{ first: string[]; full: string[]; incremental: string[] }> {
  const plan = { first: [] as string[], full: [] as string[], incremental: [] as string[] };
  if (params.length === 0) return plan;
  const states = new Map(
    (await trx.selectFrom('monitoring_sweep_state').selectAll().where('county_code', 'in', params.map((p) => p.countyCode)).execute()).map((s) => [s.county_code, s]),
  );
  for (const p of params) {
    const s = states.get(p.countyCode);
    const stale = full || !s || s.params_hash !== paramsHash(p) || s.as_of > asOf || at.getTime() - new Date(s.last_full_at).getTime() >= FULL_SWEEP_EVERY_DAYS * 86_400_000;
    plan[!s ? 'first' : stale ? 'full' : 'incremental'].push(p.countyCode);
  }
  return plan;
}

/**
 * Fills the temporary table sweep_target with the households of these counties to evaluate on `asOf`
 * (see runSweep) and returns how many there are. Each county's previous sweep (its state row) bounds
 * the changes; its parameters are those of the previous sweep (else the county is evaluated in full).
 * An event matters if it was recorded since, or entered or left the window between the two dates; a
 * school drop-out if their age entered or left the school ages. Reads the registry's published views.
 */
async function collectTargets(trx: Transaction<Database>, params: CountyParams[], asOf: string): Promise<number> {
  const int = (p: CountyParams, id: string) => Math.trunc(p.values[id] ?? 0);
  const rows = params.map((p) => `('${p.countyCode}', ${int(p, 'monitoring.event-window-days')}, ${int(p, 'monitoring.school-age-min')}, ${int(p, 'monitoring.school-age-max')})`);
  const today = `'${asOf}'::date`;
  const schoolAge = (on: string) => `date_part('year', age(${on}, pe.birth_date)) BETWEEN st.age_min AND st.age_max`;
  await sql
    .raw(
      `CREATE TEMP TABLE sweep_target ON COMMIT DROP AS
      WITH st AS (
        SELECT s.county_code, s.as_of, s.at - interval '${CHANGE_MARGIN_MS / 1000} seconds' AS since, w.days, w.age_min, w.age_max
        FROM monitoring_sweep_state s JOIN (VALUES ${rows.join(', ')}) w(county_code, days, age_min, age_max) ON w.county_code = s.county_code)
      SELECT h.id AS household_id FROM registry_household h JOIN st ON st.county_code = h.county_code WHERE h.updated_at >= st.since
      UNION
      SELECT h.id FROM st
        JOIN risk_event e ON e.county_code = st.county_code
          AND (e.created_at >= st.since
               OR (e.occurred_on > st.as_of AND e.occurred_on <= ${today})
               OR (e.occurred_on > st.as_of - st.days AND e.occurred_on <= ${today} - st.days))
        JOIN risk_event_village v ON v.event_id = e.id
        JOIN registry_household h ON h.village_code = v.village_code
      UNION
      SELECT pe.household_id FROM registry_person pe JOIN st ON st.county_code = pe.county_code
        WHERE pe.student_status = 'DROPPED_OUT' AND (${schoolAge(today)}) IS DISTINCT FROM (${schoolAge('st.as_of')})`,
    )
    .execute(trx);
  await sql.raw('ANALYZE sweep_target').execute(trx);
  const { rows: counted } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM sweep_target`.execute(trx);
  return counted[0].n;
}

/** Records what this sweep saw for each county; an incremental sweep keeps the time of the last full one. */
async function saveSweepState(trx: Transaction<Database>, params: CountyParams[], asOf: string, at: Date, fullCounties: string[]): Promise<void> {
  if (params.length === 0) return;
  await trx
    .insertInto('monitoring_sweep_state')
    .values(params.map((p) => ({ county_code: p.countyCode, as_of: asOf, at, params_hash: paramsHash(p), last_full_at: at })))
    .onConflict((oc) =>
      oc.column('county_code').doUpdateSet((eb) => ({
        as_of: eb.ref('excluded.as_of'),
        at: eb.ref('excluded.at'),
        params_hash: eb.ref('excluded.params_hash'),
        last_full_at: sql`CASE WHEN monitoring_sweep_state.county_code = ANY(${sql.val(fullCounties)}::text[]) THEN excluded.last_full_at ELSE monitoring_sweep_state.last_full_at END`,
      })),
    )
    .execute();
}
