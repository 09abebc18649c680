import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Store } from '../../../platform/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { ConfigSchema } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { systemActor } from '../../access/index.js';
import { evaluateHousehold, groupByRisk } from '../domain/evaluate.js';
import { loadHouseholdFacts } from '../store/facts-store.js';
import { buildFiringsSql } from '../store/sweep-sql.js';
import { generateRegistry, seedTestDivisions, TEST_VILLAGES } from '../testing.js';
import { countyParams, runSweep } from './run-sweep.js';
import { reevaluateHouseholds } from './reevaluate-households.js';
import { closeClue } from './change-clue-status.js';

const AS_OF = '2025-06-01';

describe('runSweep', () => {
  let store: Store;
  let deps: Deps;
  beforeAll(async () => {
    store = await openTestStore();
    await seedTestDivisions(store);
    deps = { store, clock: new FixedClock('2025-06-01T02:00:00Z'), config: ConfigSchema.parse({}) };
    await generateRegistry(store, { households: 600, villages: TEST_VILLAGES, seed: 0.7 });
    // Events: a flood in village 1 (in window), an old one (outside), a market shock in village 3.
    await store.bulk(async (s) => {
      await s.query(`INSERT INTO risk_event (id, county_code, kind, subtype, title, occurred_on, severity, created_by_name, created_at) VALUES
        (901, '520527', 'NATURAL_DISASTER', 'FLOOD', '洪涝', '2025-05-20', 'RED', 't', now()),
        (902, '520527', 'NATURAL_DISASTER', 'DROUGHT', '旱灾', '2024-01-01', 'YELLOW', 't', now()),
        (903, '520527', 'MARKET_SHOCK', '半夏', '半夏价格下跌', '2025-03-01', 'YELLOW', 't', now())`);
      await s.query(`INSERT INTO risk_event_village VALUES (901, '${TEST_VILLAGES[0]}'), (902, '${TEST_VILLAGES[0]}'), (903, '${TEST_VILLAGES[2]}')`);
    });
  });
  afterAll(async () => store.close());

  it('gives exactly the findings of the pure rules for every household of a generated registry', async () => {
    const ids = (await store.db.selectFrom('household').select('id').orderBy('id').execute()).map((r) => r.id);
    const facts = await loadHouseholdFacts(store.db, ids);
    const params = await countyParams(store.db, ['520527'], AS_OF);
    const pure = facts.flatMap((f) =>
      groupByRisk(f.householdId, evaluateHousehold(f, { asOf: AS_OF, params: params[0].values })).map((g) => ({ ...g, villageCode: f.villageCode })),
    );
    const { rows } = await sql
      .raw<{ household_id: number; village_code: string; risk_type: string; level: string; rule_id: string; explanation: unknown; fingerprint: string }>(
        `${buildFiringsSql(AS_OF, params, { scopePrefix: '' })} ORDER BY 1, 4`,
      )
      .execute(store.db);
    const viaSql = rows.map((r) => ({
      householdId: Number(r.household_id),
      riskType: r.risk_type,
      level: r.level,
      ruleId: r.rule_id,
      explanation: r.explanation,
      fingerprint: r.fingerprint,
      villageCode: r.village_code,
    }));
    const key = (x: { householdId: number; riskType: string }) => `${x.householdId}|${x.riskType}`;
    const sortBy = <T extends { householdId: number; riskType: string }>(xs: T[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    // Every rule fires somewhere, so the comparison covers all of them.
    const rulesSeen = new Set(pure.flatMap((p) => p.explanation.map((e) => e.ruleId)));
    expect([...rulesSeen].sort()).toEqual(['disability', 'income-drop', 'income-low', 'medical-expense', 'migrant-work-loss', 'no-labour', 'risk-event', 'school-dropout', 'serious-illness', 'unsafe-housing', 'unsafe-water']);
    expect(pure.length).toBeGreaterThan(100);
    expect(sortBy(viaSql)).toEqual(sortBy(pure));
  });

  it('creates one clue per household and risk, and a second sweep changes nothing', async () => {
    const first = await runSweep(deps, systemActor(), { asOf: AS_OF });
    expect(first.cluesCreated).toBe(first.firings);
    const second = await runSweep(deps, systemActor(), { asOf: AS_OF });
    expect(second).toMatchObject({ cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0, firings: first.firings });
    const dup = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT household_id, risk_type FROM risk_clue WHERE status = 'OPEN' GROUP BY 1, 2 HAVING count(*) > 1) d`.execute(store.db);
    expect(dup.rows[0].n).toBe(0);
    const audit = await store.db.selectFrom('audit_event').select('action').where('action', '=', 'monitoring.sweep').execute();
    expect(audit).toHaveLength(2);
  });

  it('does not raise a closed clue again on the same facts, but does when the facts change', async () => {
    const clue = await store.db.selectFrom('risk_clue').select(['id', 'household_id', 'version']).where('risk_type', '=', 'INCOME_LOW').where('status', '=', 'OPEN').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await closeClue(deps, systemActor(), clue.id, { reason: 'verified: not at risk', version: clue.version });
    expect((await runSweep(deps, systemActor(), { asOf: AS_OF })).cluesCreated).toBe(0);
    // The household's income is corrected lower: a new finding, a new clue.
    await sql`UPDATE income_record SET wage_fen = 1, operating_fen = 0, property_fen = 0, transfer_fen = 0 WHERE household_id = ${clue.household_id} AND year = 2024`.execute(store.db);
    const r = await reevaluateHouseholds(deps, [clue.household_id!], { asOf: AS_OF });
    expect(r.cluesCreated).toBeGreaterThanOrEqual(1);
    const open = await store.db.selectFrom('risk_clue').select(['level', 'explanation']).where('household_id', '=', clue.household_id).where('risk_type', '=', 'INCOME_LOW').where('status', '=', 'OPEN').executeTakeFirstOrThrow();
    expect(open.level).toBe('RED');
  });

  it('closes a platform clue by itself when the data no longer shows the risk', async () => {
    const clue = await store.db.selectFrom('risk_clue').select(['id', 'household_id']).where('risk_type', '=', 'UNSAFE_HOUSING').where('status', '=', 'OPEN').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE guarantee_status SET housing_unsafe = false, house_grade = 'A' WHERE household_id = ${clue.household_id}`.execute(store.db);
    const r = await reevaluateHouseholds(deps, [clue.household_id!], { asOf: AS_OF });
    expect(r.cluesResolved).toBe(1);
    const after = await store.db.selectFrom('risk_clue').select(['status', 'closed_reason']).where('id', '=', clue.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'CLOSED', closed_reason: 'resolved_by_data' });
  });

  it('leaves everything as it is when re-evaluation finds the same facts as the sweep', async () => {
    const ids = (await store.db.selectFrom('household').select('id').orderBy('id').limit(300).execute()).map((r) => r.id);
    const r = await reevaluateHouseholds(deps, ids, { asOf: AS_OF });
    expect(r).toMatchObject({ households: 300, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0 });
  });
});
