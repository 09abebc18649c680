import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { FixedClock } from '../../../platform/clock.js';
import { ConfigSchema } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { systemActor, withActorTransaction } from '../../access/index.js';
import { createHousehold } from '../use-cases/create-household.js';
import { actorFor, buildHousehold, buildIncome, buildPerson, insertHezhangDivisions, type Fixtures } from '../testing.js';
import { findHouseholdCard, findHouseholdStanding, findPeopleByIdNumbers, householdHasLabour, LABOR_CAPABLE_SQL } from './household-reads.js';


/** The registry's reads for other modules (docs/decisions/0005-reads-across-modules.md). */
describe('household reads for other modules', () => {
  let deps: Deps;
  let f: Fixtures;
  let full: number;
  let bare: number;
  let spouseIdNumber: string;
  const system = systemActor('test');

  beforeAll(async () => {
    deps = { store: await openTestStore(), clock: new FixedClock('2025-06-01T02:00:00Z'), config: ConfigSchema.parse({ LOG_LEVEL: 'silent' }) };
    f = await insertHezhangDivisions(deps.store.db, { townships: 1, villagesPerTownship: 2 });
    const village = f.villages[0].code;
    const fullInput = buildHousehold(village, { size: 3, householdType: 'GENERAL', phone: '13800000001' });
    spouseIdNumber = fullInput.members[1].idNumber;
    full = (
      await createHousehold(deps, system, {
        ...fullInput,
        incomes: [buildIncome(2023, 5000, 3), buildIncome(2024, 6200, 3), buildIncome(2025, 9000, 3)],
        guarantee: { asOf: '2025-01-10', housingUnsafe: true, waterUnsafe: true, foodClothingOk: true, dropoutChild: false, memberUninsured: false },
      })
    ).household.id;
    // An elderly head alone: no labour, no income record, no guarantee record.
    bare = (await createHousehold(deps, system, { ...buildHousehold(f.villages[1].code, { size: 1 }), members: [buildPerson({ name: '赵老汉', laborSkill: 'NONE' })] })).household.id;
  });
  afterAll(async () => deps.store.close());

  it('finds a household card with the head and the member count, inside the scope only', async () => {
    const cadre = actorFor('village_cadre', f.villages[0].code);
    const card = await withActorTransaction(deps.store.db, cadre, (trx) => findHouseholdCard(trx, cadre.scopePrefix, full));
    expect(card).toMatchObject({ id: full, householdType: 'GENERAL', villageCode: f.villages[0].code, countyCode: '520527', headName: '王建国', size: 3 });
    expect(await withActorTransaction(deps.store.db, cadre, (trx) => findHouseholdCard(trx, cadre.scopePrefix, bare))).toBeNull();
  });

  it('gives the standing: labour, the latest income up to the year asked, and the guarantees', async () => {
    const standing = await withActorTransaction(deps.store.db, system, (trx) => findHouseholdStanding(trx, full, 2024));
    expect(standing).toEqual({
      householdType: 'GENERAL',
      size: 3,
      hasLabour: true,
      latestIncome: { year: 2024, perCapitaNetFen: 620_000 },
      guarantees: { foodClothingOk: true, housingUnsafe: true, dropoutChild: false, memberUninsured: false, waterUnsafe: true },
    });
    const alone = await withActorTransaction(deps.store.db, system, (trx) => findHouseholdStanding(trx, bare, 2025));
    expect(alone).toEqual({ householdType: 'POVERTY_EXITED', size: 1, hasLabour: false, latestIncome: null, guarantees: null });
  });

  it('answers about labour, and sees nothing of a household outside the transaction scope', async () => {
    const other = actorFor('village_cadre', f.villages[1].code);
    expect(await withActorTransaction(deps.store.db, system, (trx) => householdHasLabour(trx, full))).toBe(true);
    expect(await withActorTransaction(deps.store.db, system, (trx) => householdHasLabour(trx, bare))).toBe(false);
    // Row-level security of the reader's transaction (no scope argument): another village sees nothing.
    expect(await withActorTransaction(deps.store.db, other, (trx) => findHouseholdStanding(trx, full, 2025))).toBeNull();
    expect(await withActorTransaction(deps.store.db, other, (trx) => householdHasLabour(trx, full))).toBe(false);
  });

  it('finds people by ID number, inside the scope only', async () => {
    const cadre = actorFor('village_cadre', f.villages[0].code);
    const other = actorFor('village_cadre', f.villages[1].code);
    // One known and one unknown number: only the known one is answered.
    const found = await withActorTransaction(deps.store.db, cadre, (trx) => findPeopleByIdNumbers(trx, cadre.scopePrefix, [spouseIdNumber, '520527199901011234']));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ idNumber: spouseIdNumber, householdId: full, countyCode: '520527', villageCode: f.villages[0].code });
    expect(found[0].personId).toBeGreaterThan(0);
    // The scope argument (the public form passes '' = anywhere) and the transaction's row-level security both fence it.
    expect(await findPeopleByIdNumbers(deps.store.db, f.villages[1].code, [spouseIdNumber])).toEqual([]);
    expect(await withActorTransaction(deps.store.db, other, (trx) => findPeopleByIdNumbers(trx, '', [spouseIdNumber]))).toEqual([]);
    expect(await findPeopleByIdNumbers(deps.store.db, '', [])).toEqual([]);
  });

  it('lists the labour-capable skills for set-based SQL', async () => {
    expect(LABOR_CAPABLE_SQL).toBe("('SKILLED', 'ORDINARY', 'WEAK_OR_HALF')");
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry_person WHERE household_id = ${full} AND labor_skill IN ${sql.raw(LABOR_CAPABLE_SQL)}`.execute(deps.store.db);
    expect(rows[0].n).toBe(2);
  });

  it('publishes views that other modules can read but not write', async () => {
    const cadre = actorFor('village_cadre', f.villages[0].code);
    const rows = await withActorTransaction(deps.store.db, cadre, (trx) =>
      trx.selectFrom('registry_household').select(['id', 'head_name', 'member_count']).where('village_code', 'like', '520527%').execute(),
    );
    expect(rows).toEqual([{ id: full, head_name: '王建国', member_count: 3 }]);
    // 0013: the household's phone (visit lists) and when it last changed (the incremental sweep).
    const more = await withActorTransaction(deps.store.db, cadre, (trx) => trx.selectFrom('registry_household').select(['phone', 'updated_at']).where('id', '=', full).executeTakeFirstOrThrow());
    expect(more.phone).toBe('13800000001');
    expect(new Date(more.updated_at).toISOString()).toBe('2025-06-01T02:00:00.000Z');
    const person = await sql<Record<string, unknown>>`SELECT * FROM registry_person LIMIT 1`.execute(deps.store.db);
    expect(Object.keys(person.rows[0])).not.toContain('name');
    expect(Object.keys(person.rows[0])).not.toContain('id_number');
    for (const statement of [
      sql`UPDATE registry_household SET household_no = 'X'`,
      sql`UPDATE registry_income SET household_size = 9`,
      sql`DELETE FROM registry_guarantee`,
      sql`UPDATE cases_monitoring_case SET status = 'CLOSED'`,
      sql`DELETE FROM assistance_household_summary`,
    ]) {
      await expect(withActorTransaction(deps.store.db, cadre, (trx) => statement.execute(trx))).rejects.toThrow(/permission denied|cannot/);
    }
  });
});
