import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { FixedClock } from '../../../platform/clock.js';
import { ConfigSchema } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { systemActor } from '../../access/index.js';
import { createHousehold } from '../use-cases/create-household.js';
import { getOverview } from '../use-cases/get-overview.js';
import { searchHouseholds } from '../use-cases/search-households.js';
import { HouseholdSearchQuerySchema } from '../contract.js';
import { actorFor, buildHousehold, buildIncome, insertHezhangDivisions, type Fixtures } from '../testing.js';
import { withRegistryScope } from './registry-store.js';

const search = (deps: Deps, actor: Parameters<typeof searchHouseholds>[1], q: Record<string, string>) => searchHouseholds(deps, actor, HouseholdSearchQuerySchema.parse(q));

describe('registry store', () => {
  let deps: Deps;
  let f: Fixtures;
  const system = systemActor('test');


  beforeAll(async () => {
    deps = { store: await openTestStore(), clock: new FixedClock('2025-06-01T02:00:00Z'), config: ConfigSchema.parse({ LOG_LEVEL: 'silent' }) };
    f = await insertHezhangDivisions(deps.store.db, { townships: 2, villagesPerTownship: 2 });
    const names: [string, string][] = [
      ['王秀英', '李国强'],
      ['王秀兰', '陈明'],
      ['王明', '赵丽'],
      ['张三丰', '周芳'],
      ['刘建华', '王桂英'],
    ];
    let n = 0;
    for (const [head, spouse] of names) {
      const village = f.villages[n % f.villages.length].code;
      const h = buildHousehold(village, { size: 2, incomes: [buildIncome(2024, [3000, 5500, 7000, 12000, 31000][n], 2)] });
      h.members[0].name = head;
      h.members[1].name = spouse;
      await createHousehold(deps, system, h);
      n++;
    }
  });
  afterAll(async () => deps.store.close());

  it('finds Chinese names by trigram similarity, the head or any member', async () => {
    const exact = await search(deps, system, { q: '王秀英' });
    expect(exact.items.map((i) => i.headName)).toEqual(['王秀英', '王秀兰']); // relevance: exact first, then the near miss
    const member = await search(deps, system, { q: '王桂英' });
    expect(member.items.map((i) => i.headName)).toEqual(['刘建华']);
    const twoChars = await search(deps, system, { q: '王秀' });
    expect(twoChars.items.map((i) => i.headName).sort()).toEqual(['王秀兰', '王秀英']);
    const none = await search(deps, system, { q: '欧阳' });
    expect(none.total).toBe(0);
  });

  it('treats one character as a surname prefix', async () => {
    const wang = await search(deps, system, { q: '王' });
    expect(wang.items.map((i) => i.headName).sort()).toEqual(['刘建华', '王明', '王秀兰', '王秀英']);
  });

  it('filters by scope with the same prefix rule everywhere, in queries and as the row-level fence', async () => {
    const village = f.villages[0].code;
    const cadre = actorFor('village_cadre', village);
    const mine = await search(deps, cadre, {});
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.villageCode === village)).toBe(true);
    const town = actorFor('township_officer', f.townships[1].prefix);
    const theirs = await search(deps, town, { pageSize: '200' });
    expect(theirs.items.every((i) => i.villageCode.startsWith(f.townships[1].prefix))).toBe(true);
    // A query written without the scope predicate still sees only the scope (second fence), where RLS is enforced.
    const visible = await withRegistryScope(deps.store.db, cadre, async (scope) => {
      const r = await sql<{ n: number }>`SELECT count(DISTINCT village_code)::int AS n FROM household`.execute(scope.trx);
      return Number(r.rows[0].n);
    });
    expect(visible).toBe(1);
  });

  it('filters by per-capita income band and sorts by it', async () => {
    const low = await search(deps, system, { year: '2024', incomeMax: '600000', sort: 'perCapitaNet' });
    expect(low.items.map((i) => i.perCapitaNetFen)).toEqual([300000, 550000]);
    const desc = await search(deps, system, { year: '2024', sort: 'perCapitaNet', order: 'desc' });
    expect(desc.items[0].perCapitaNetFen).toBe(3100000);
  });

  it('computes the overview in SQL: totals, histogram, threshold share and per-township medians', async () => {
    const o = await getOverview(deps, system, { division: '520527', year: 2024 });
    expect(o).toMatchObject({ households: 5, people: 10, formerlyPoor: 5, relocated: 0, householdsWithIncome: 5 });
    expect(o.thresholdFen).toBeGreaterThan(0);
    const below = [3000, 5500, 7000, 12000, 31000].filter((y) => y * 100 < o.thresholdFen!).length;
    expect(o.belowThreshold).toBe(below);
    expect(o.shareBelowThreshold).toBeCloseTo(below / 5);
    expect(o.histogram[3].households).toBe(1); // 3 000 yuan
    expect(o.histogram[5].households).toBe(1); // 5 500 yuan
    expect(o.histogram[30]).toEqual({ fromFen: 3_000_000, toFen: null, households: 1 }); // 31 000 yuan, open bin
    expect(o.histogram.reduce((s, b) => s + b.households, 0)).toBe(5);
    expect(o.children).toHaveLength(2);
    const [t1, t2] = o.children;
    // villages 0,1 are in township 1 (households 1, 2, 5), villages 2,3 in township 2 (households 3, 4)
    expect(t1).toMatchObject({ households: 3, people: 6, medianPerCapitaNetFen: 550000 });
    expect(t2).toMatchObject({ households: 2, people: 4, medianPerCapitaNetFen: 700000 });
  });

  it('limits the overview of a village cadre to their village', async () => {
    const village = f.villages[0].code;
    const o = await getOverview(deps, actorFor('village_cadre', village), { division: '520527', year: 2024 });
    expect(o.division.code).toBe(village);
    expect(o.children).toEqual([]);
    expect(o.households).toBe(2);
  });
});
