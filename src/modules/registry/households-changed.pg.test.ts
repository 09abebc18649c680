import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../platform/clock.js';
import { ConfigSchema } from '../../platform/config.js';
import type { Deps } from '../../platform/deps.js';
import { openTestStore } from '../../platform/testing/test-store.js';
import type { Actor } from '../access/index.js';
import { onHouseholdsChanged, type HouseholdsChange } from './households-changed.js';
import { createHousehold } from './use-cases/create-household.js';
import { updateHousehold } from './use-cases/update-household.js';
import { upsertIncome } from './use-cases/upsert-income.js';
import { setGuarantee } from './use-cases/set-guarantee.js';
import { importHouseholds } from './import-export/use-cases/import-households.js';
import { household, peopleCsv, seedImportDivisions, TEST_VILLAGE } from './import-export/testing.js';
import { buildHousehold } from './testing.js';

/** The registry side of the change event, without any subscriber module: what is announced, when, and that listeners cannot fail a change. */
describe('onHouseholdsChanged', () => {
  let deps: Deps;
  let dir: string;
  const admin: Actor = { userId: 1, name: 'admin', role: 'county_admin', scopePrefix: '520527' };
  const seen: { actor: string; change: HouseholdsChange; committed: boolean }[] = [];
  const unsubscribe: (() => void)[] = [];

  beforeAll(async () => {
    deps = { store: await openTestStore(), clock: new FixedClock('2025-06-01T02:00:00Z'), config: ConfigSchema.parse({ LOG_LEVEL: 'silent' }) };
    await seedImportDivisions(deps);
    dir = await mkdtemp(join(tmpdir(), 'rb-changed-'));
    unsubscribe.push(
      onHouseholdsChanged(async (d, actor, change) => {
        // The change is visible to a fresh read: the listener runs after the commit.
        const ids = change.kind === 'edit' ? change.householdIds : await change.householdIds();
        const found = await d.store.db.selectFrom('household').select('id').where('id', 'in', ids.length ? ids : [-1]).execute();
        seen.push({ actor: actor.name, change, committed: found.length === ids.length && ids.length > 0 });
      }),
    );
  });
  afterEach(() => {
    seen.length = 0;
  });
  afterAll(async () => {
    for (const u of unsubscribe) u();
    await deps.store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('announces each committed edit with its action and household, after the commit', async () => {
    const p = await createHousehold(deps, admin, buildHousehold(TEST_VILLAGE, { size: 2 }));
    const id = p.household.id;
    const v1 = await updateHousehold(deps, admin, id, { version: p.household.version, address: '新地址' });
    const v2 = await upsertIncome(deps, admin, id, 2024, { version: v1.household.version, wageFen: 100_000, operatingFen: 0, propertyFen: 0, transferFen: 0, productionCostFen: 0, outOfPocketMedicalFen: 0 });
    await setGuarantee(deps, admin, id, { version: v2.household.version, foodClothingOk: true, housingUnsafe: true, dropoutChild: false, memberUninsured: false, waterUnsafe: false });
    expect(seen.map((s) => [s.change.kind === 'edit' && s.change.action, s.change.kind === 'edit' && s.change.householdIds])).toEqual([
      ['registry.household.create', [id]],
      ['registry.household.update', [id]],
      ['registry.income.upsert', [id]],
      ['registry.guarantee.set', [id]],
    ]);
    expect(seen.every((s) => s.committed && s.actor === 'admin')).toBe(true);
  });

  it('announces nothing for a refused edit', async () => {
    const p = await createHousehold(deps, admin, buildHousehold(TEST_VILLAGE, { size: 2 }));
    seen.length = 0;
    await expect(updateHousehold(deps, admin, p.household.id, { version: p.household.version + 5, address: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    expect(seen).toEqual([]);
  });

  it('announces a committed import with its household count and ids, and nothing for a dry run', async () => {
    const path = join(dir, 'people.csv');
    await writeFile(path, peopleCsv([...household('CHG1', 2, 61), ...household('CHG2', 1, 62)]));
    await importHouseholds(deps, admin, { people: { path, name: 'people.csv' }, dryRun: true, workDir: await mkdtemp(join(dir, 'w')) });
    expect(seen).toEqual([]);
    const r = await importHouseholds(deps, admin, { people: { path, name: 'people.csv' }, dryRun: false, workDir: await mkdtemp(join(dir, 'w')) });
    expect(seen).toHaveLength(1);
    const change = seen[0].change;
    expect(change).toMatchObject({ kind: 'import', importId: r.importId, scopePrefix: '520527', householdCount: 2 });
    const ids = (await deps.store.db.selectFrom('household').select('id').where('household_no', 'in', ['CHG1', 'CHG2']).execute()).map((x) => Number(x.id));
    expect(change.kind === 'import' && (await change.householdIds()).sort()).toEqual(ids.sort());
    expect(seen[0].committed).toBe(true);
  });

  it('keeps the change when a listener fails, logs it, and still calls the other listeners', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn(async () => undefined);
    const off1 = onHouseholdsChanged(async () => {
      throw new Error('monitoring is down');
    });
    const off2 = onHouseholdsChanged(after);
    try {
      const p = await createHousehold(deps, admin, buildHousehold(TEST_VILLAGE, { size: 1 }));
      expect(p.household.id).toBeGreaterThan(0);
      expect(after).toHaveBeenCalledTimes(1);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('monitoring is down'));
    } finally {
      off1();
      off2();
      errors.mockRestore();
    }
  });
});
