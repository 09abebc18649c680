import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ConfigSchema } from '../../../platform/config.js';
import { FixedClock } from '../../../platform/clock.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { getDivision } from './get-division.js';
import { listDivisionChildren } from './list-division-children.js';
import { countDivisionSubtree, listDivisionSubtree } from './list-division-subtree.js';
import { loadDivisions } from './load-divisions.js';
import { searchDivisions } from './search-divisions.js';

let deps: Deps;
beforeAll(async () => {
  deps = { store: await openTestStore(), clock: new FixedClock('2025-06-01T00:00:00Z'), config: ConfigSchema.parse({}) };
}, 600_000);
afterAll(async () => deps?.store.close());

describe('loadDivisions', { timeout: 300_000 }, () => {
  it('loads 赫章县 with its ancestors, its 30 townships and 481 villages', async () => {
    const report = await loadDivisions(deps, { kind: 'county', prefix: '520527' });
    expect(report.byLevel).toEqual({ 1: 1, 2: 1, 3: 1, 4: 30, 5: 481 });
    expect(report).toMatchObject({ staged: 514, inserted: 514, updated: 0, unchanged: 0, skipped: [] });
    expect(await countDivisionSubtree(deps, '520527')).toEqual({ 4: 30, 5: 481 });
  });

  it('changes nothing when the same part is loaded again', async () => {
    const again = await loadDivisions(deps, { kind: 'county', prefix: '520527' });
    expect(again).toMatchObject({ staged: 514, inserted: 0, updated: 0, unchanged: 514 });
    const rows = await deps.store.db.selectFrom('division').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(514);
  });

  it('repairs a row changed by hand and keeps flags set by others', async () => {
    await deps.store.db.updateTable('division').set({ name: '改错的名字', flags: JSON.stringify({ isPovertyExitCounty: true }) }).where('code', '=', '520527000000').execute();
    const report = await loadDivisions(deps, { kind: 'county', prefix: '520527' });
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 513 });
    const row = await deps.store.db.selectFrom('division').select(['name', 'flags']).where('code', '=', '520527000000').executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '赫章县', flags: { isPovertyExitCounty: true } });
  });

  it('folds a placeholder county into its city (东莞市 has no counties)', async () => {
    const report = await loadDivisions(deps, { kind: 'county', prefix: '441900' });
    expect(report.skipped).toEqual(['441900']);
    expect(report.byLevel[3]).toBeUndefined();
    const town = (await listDivisionChildren(deps, '4419'))[0];
    expect(town).toMatchObject({ level: 4, parentCode: '441900000000' });
    expect(town.childCount).toBeGreaterThan(0);
    const detail = await getDivision(deps, town.prefix);
    expect(detail.ancestors.map((a) => a.name)).toEqual(['广东省', '东莞市']);
  });

  it('refuses a county that is not in the data, naming the parameter', async () => {
    await expect(loadDivisions(deps, { kind: 'county', prefix: '529999' })).rejects.toMatchObject({ code: 'invalid_input', details: [{ path: 'county' }] });
  });
});

describe('getDivision', () => {
  it('finds a village by 12-digit code or prefix with its ancestors', async () => {
    const byCode = await getDivision(deps, '520527001001');
    expect(byCode).toMatchObject({ name: '前河社区居民委员会', level: 5, parentCode: '520527001000', childCount: 0 });
    expect(byCode.ancestors.map((a) => a.name)).toEqual(['贵州省', '毕节市', '赫章县', '双河街道']);
    expect((await getDivision(deps, '520527')).childCount).toBe(30);
  });

  it('tells a malformed code from an unknown one', async () => {
    await expect(getDivision(deps, '5205271')).rejects.toMatchObject({ code: 'invalid_input', details: [{ path: 'code' }] });
    await expect(getDivision(deps, '999999')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('listDivisionChildren', () => {
  it('lists the townships of the county in code order with their village counts', async () => {
    const towns = await listDivisionChildren(deps, '520527000000');
    expect(towns).toHaveLength(30);
    expect(towns[0]).toMatchObject({ prefix: '520527001', name: '双河街道' });
    expect(towns.reduce((n, t) => n + t.childCount, 0)).toBe(481);
  });
});

describe('listDivisionSubtree', () => {
  it('returns the villages of a township only', async () => {
    const villages = await listDivisionSubtree(deps, '520527102', [5]);
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v) => v.prefix.startsWith('520527102') && v.level === 5)).toBe(true);
  });
});

describe('searchDivisions', () => {
  it('finds divisions by part of the name inside a subtree, with their path', async () => {
    const hits = await searchDivisions(deps, { q: '妈姑', within: '520527' });
    expect(hits[0]).toMatchObject({ name: '妈姑镇', level: 4, path: ['贵州省', '毕节市', '赫章县'] });
    expect(await searchDivisions(deps, { q: '妈姑', within: '4419' })).toEqual([]);
  });

  it('treats % and _ as plain characters', async () => {
    expect(await searchDivisions(deps, { q: '%' })).toEqual([]);
  });

  it('finds a division nationwide by a middle part of its name', async () => {
    const hits = await searchDivisions(deps, { q: '白族彝族' });
    expect(hits).toEqual([expect.objectContaining({ name: '松林坡白族彝族苗族乡', level: 4, path: ['贵州省', '毕节市', '赫章县'] })]);
  });

  it('finds one or two characters as a plain substring search does, through the index over the characters', async () => {
    const like = async (q: string) =>
      (await sql<{ name: string }>`SELECT name FROM division WHERE name LIKE ${`%${q}%`} ORDER BY level, length(name), code LIMIT 20`.execute(deps.store.db)).rows.map((r) => r.name);
    for (const q of ['妈', '妈姑', '族乡', '苗苗']) expect((await searchDivisions(deps, { q })).map((h) => h.name)).toEqual(await like(q));
    expect((await searchDivisions(deps, { q: '妈' })).length).toBeGreaterThan(1);
    expect(await searchDivisions(deps, { q: '𠀀' })).toEqual([]); // one character outside the BMP (two UTF-16 units)
    const plan = await deps.store.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT code FROM division WHERE string_to_array(name, NULL) @> ${['妈', '姑']}::text[]`.execute(trx);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('division_name_chars');
  });

  it('looks a name of three or more characters up in the trigram index', async () => {
    const plan = await deps.store.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT code FROM division WHERE name LIKE ${'%白族彝族%'}`.execute(trx);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('division_name_trgm');
  });
});
