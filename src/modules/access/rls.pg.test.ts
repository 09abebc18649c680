import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore } from '../../platform/testing/test-store.js';
import type { Store } from '../../platform/db.js';
import { systemActor, type Actor } from './domain/actor.js';
import { withActorTransaction } from './use-cases/with-actor-transaction.js';

const cadre = (scopePrefix: string): Actor => ({ userId: 1, name: 'cadre', role: 'village_cadre', scopePrefix });

describe('withActorTransaction', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await store.bulk(async (s) => {
      await s.exec(`INSERT INTO division (code, prefix, name, level, parent_code) VALUES
        ('520000000000','52','贵州省',1,NULL), ('520500000000','5205','毕节市',2,'520000000000'),
        ('520527000000','520527','赫章县',3,'520500000000'), ('520527100000','520527100','城关镇',4,'520527000000'),
        ('520527100201','520527100201','甲村',5,'520527100000'), ('520527100202','520527100202','乙村',5,'520527100000')`);
      for (const [no, village] of [['H1', '520527100201'], ['H2', '520527100202']]) {
        const { rows } = await s.query<{ id: number }>(
          `INSERT INTO household (county_code, village_code, household_no, household_type) VALUES ('520527', $1, $2, 'GENERAL') RETURNING id`,
          [village, no],
        );
        await s.query(
          `INSERT INTO person (household_id, county_code, village_code, name, id_number, gender, birth_date, relation, labor_skill)
           VALUES ($1, '520527', $2, $3, $4, 'M', '1980-01-01', 'HEAD', 'ORDINARY')`,
          [rows[0].id, village, `户主${no}`, `52052719800101${no === 'H1' ? '0011' : '0022'}`],
        );
        await s.query(`INSERT INTO income_record (household_id, county_code, village_code, year, household_size) VALUES ($1, '520527', $2, 2024, 1)`, [rows[0].id, village]);
        await s.query(`INSERT INTO guarantee_status (household_id, county_code, village_code, as_of) VALUES ($1, '520527', $2, '2024-12-31')`, [rows[0].id, village]);
      }
    });
  });
  afterAll(async () => store.close());

  it('hides rows outside the scope from a raw query that forgets the scope filter', async () => {
    const seen = await withActorTransaction(store.db, cadre('520527100201'), async (trx) => ({
      households: (await sql<{ household_no: string }>`SELECT household_no FROM household ORDER BY 1`.execute(trx)).rows.map((r) => r.household_no),
      people: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM person`.execute(trx)).rows[0].n,
      incomes: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM income_record`.execute(trx)).rows[0].n,
      guarantees: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM guarantee_status`.execute(trx)).rows[0].n,
    }));
    expect(seen).toEqual({ households: ['H1'], people: 1, incomes: 1, guarantees: 1 });
  });

  it('runs as the application role, not the connecting superuser', async () => {
    const who = await withActorTransaction(store.db, cadre('520527'), async (trx) =>
      (await sql<{ role: string; scope: string; bypass: boolean }>`SELECT current_user AS role, current_setting('ruralbridge.scope') AS scope,
        (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`.execute(trx)).rows[0],
    );
    expect(who).toEqual({ role: 'ruralbridge_app', scope: '520527', bypass: false });
    const after = (await sql<{ role: string }>`SELECT current_user AS role`.execute(store.db)).rows[0].role;
    expect(after).not.toBe('ruralbridge_app');
  });

  it('refuses to update, delete or insert rows outside the scope', async () => {
    const actor = cadre('520527100201');
    const updated = await withActorTransaction(store.db, actor, async (trx) =>
      (await sql`UPDATE household SET address = 'x' WHERE household_no = 'H2'`.execute(trx)).numAffectedRows,
    );
    expect(Number(updated)).toBe(0);
    const deleted = await withActorTransaction(store.db, actor, async (trx) => (await sql`DELETE FROM person`.execute(trx)).numAffectedRows);
    expect(Number(deleted)).toBe(1);
    await expect(
      withActorTransaction(store.db, actor, (trx) =>
        sql`INSERT INTO household (county_code, village_code, household_no, household_type) VALUES ('520527', '520527100202', 'H3', 'GENERAL')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    // Moving a household out of the scope is refused too (WITH CHECK).
    await expect(
      withActorTransaction(store.db, actor, (trx) => sql`UPDATE household SET village_code = '520527100202' WHERE household_no = 'H1'`.execute(trx)),
    ).rejects.toThrow(/row-level security/);
  });

  it('lets the whole-country scope and the system actor see everything', async () => {
    const count = (actor: Actor) =>
      withActorTransaction(store.db, actor, async (trx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM household`.execute(trx)).rows[0].n);
    expect(await count(cadre(''))).toBe(2);
    expect(await count(systemActor())).toBe(2);
    expect(await count(cadre('520527100202'))).toBe(1);
  });

  it('lets the role use sequences, read divisions and users, and append to the audit chain', async () => {
    await withActorTransaction(store.db, cadre('520527100201'), async (trx) => {
      const divisions = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM division`.execute(trx)).rows[0].n;
      expect(divisions).toBe(6);
      await sql`SELECT count(*) FROM app_user`.execute(trx);
      await sql`INSERT INTO household (county_code, village_code, household_no, household_type) VALUES ('520527', '520527100201', 'H4', 'GENERAL')`.execute(trx);
      await sql`UPDATE audit_chain_head SET events = events`.execute(trx);
    });
    await expect(withActorTransaction(store.db, cadre(''), (trx) => sql`DELETE FROM audit_event`.execute(trx))).rejects.toThrow(/permission denied/);
    await expect(withActorTransaction(store.db, cadre(''), (trx) => sql`UPDATE audit_event SET reason = 'x'`.execute(trx))).rejects.toThrow(/permission denied/);
  });

  it('still lets scoped LIKE and trigram name searches use their indexes under the policies', async () => {
    const plans = await withActorTransaction(store.db, cadre('520527'), async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const plan = async (q: ReturnType<typeof sql>) => (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${q}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      return {
        like: await plan(sql`SELECT id FROM household WHERE village_code LIKE '520527100201%'`),
        trigram: await plan(sql`SELECT id FROM person WHERE name % '户主H1'`),
      };
    });
    expect(plans.like).toContain('household_village');
    expect(plans.trigram).toContain('person_name_trgm');
  });
});
