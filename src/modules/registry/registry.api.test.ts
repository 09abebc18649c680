import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerRegistryRoutes } from './http.js';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import type { HouseholdProfile, HouseholdSearchResult, RegistryOverview } from './contract.js';
import { buildHousehold, insertHezhangDivisions, uniqueIdNumber, type Fixtures } from './testing.js';

describe('registry API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let f: Fixtures;
  let admin: TestSession;
  let villageA: string;
  let villageB: string;
  let cadreA: TestSession;

  const body = (r: { json(): unknown }) => r.json() as HouseholdProfile;
  const errorOf = (r: { json(): unknown }) => (r.json() as { error: { code: string; message: string; details: { path: string; code?: string; message: string }[] } }).error;

  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
    f = await insertHezhangDivisions(t.deps.store.db, { townships: 2, villagesPerTownship: 2 });
    villageA = f.villages[0].code;
    villageB = f.villages[1].code;
    admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
    cadreA = await signInAs(t.app, t.deps, 'village_cadre', villageA);
  });
  afterAll(async () => t.close());

  it('creates a household with members, incomes and guarantees, and returns the profile with derived income and history', async () => {
    const input = buildHousehold(villageA, {
      size: 3,
      incomes: [{ year: 2024, wageFen: 2_000_000, operatingFen: 400_000, propertyFen: 0, transferFen: 100_000, productionCostFen: 100_000, outOfPocketMedicalFen: 0 }],
      guarantee: { foodClothingOk: true, housingUnsafe: false, dropoutChild: false, memberUninsured: false, waterUnsafe: true },
    });
    const res = await cadreA.request({ method: 'POST', url: '/api/households', payload: input });
    expect(res.statusCode).toBe(201);
    const p = body(res);
    expect(p.household).toMatchObject({ householdNo: input.householdNo, villageCode: villageA, villageName: f.villages[0].name, townshipName: f.townships[0].name, version: 1 });
    expect(p.members.map((m) => m.relation)).toEqual(['HEAD', 'SPOUSE', 'CHILD']);
    expect(p.members[0]).toMatchObject({ name: '王建国', gender: 'M', birthDate: expect.stringMatching(/^1975-03-/), idNumberMasked: false });
    expect(p.incomes).toEqual([expect.objectContaining({ year: 2024, householdSize: 3, netIncomeFen: 2_400_000, perCapitaNetFen: 800_000 })]);
    expect(p.guarantee).toMatchObject({ waterUnsafe: true, hasProblem: true, asOf: '2025-06-01' });
    expect(p.history).toHaveLength(1);
    expect(p.history[0]).toMatchObject({ action: 'registry.household.create' });
    expect(p.history[0].changes).toContainEqual({ path: 'members.0.name', before: null, after: '王建国' });
  });

  it('answers bad input with 422 and field paths in the user language, writing nothing', async () => {
    const input = buildHousehold(villageA, { size: 3 });
    const id = input.members[2].idNumber;
    input.members[2].idNumber = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    input.members[1].relation = 'HEAD';
    const res = await admin.request({ method: 'POST', url: '/api/households', payload: input, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(422);
    const e = errorOf(res);
    expect(e.code).toBe('invalid_input');
    expect(e.details).toContainEqual(expect.objectContaining({ path: 'members.2.idNumber', code: 'registry.id_number.checksum', message: 'The ID number check character is wrong (GB 11643)' }));
    expect(e.details).toContainEqual(expect.objectContaining({ path: 'members.1.relation', code: 'registry.head.multiple' }));
    const search = await admin.request({ method: 'GET', url: `/api/households?householdNo=${input.householdNo}` });
    expect((search.json() as HouseholdSearchResult).total).toBe(0);
  });

  it('translates schema errors (negative amounts, unknown codes) and names the field', async () => {
    const input = { ...buildHousehold(villageA), householdType: 'RICH', incomes: [{ year: 2024, wageFen: -5 }] };
    const res = await admin.request({ method: 'POST', url: '/api/households', payload: input });
    expect(res.statusCode).toBe(422);
    const details = errorOf(res).details;
    expect(details).toContainEqual(expect.objectContaining({ path: 'body.householdType', code: 'registry.enum.household_type' }));
    expect(details).toContainEqual(expect.objectContaining({ path: 'body.incomes.0.wageFen', code: 'registry.amount.negative', message: '金额不能为负数' }));
  });

  it('refuses an unknown village (422), a taken household number and a person already in another household (409, naming it)', async () => {
    const unknown = await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold('520527999999') });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).details[0]).toMatchObject({ path: 'villageCode', code: 'registry.village.unknown' });

    const first = buildHousehold(villageB);
    expect((await admin.request({ method: 'POST', url: '/api/households', payload: first })).statusCode).toBe(201);
    const sameNo = await admin.request({ method: 'POST', url: '/api/households', payload: { ...buildHousehold(villageB), householdNo: first.householdNo } });
    expect(sameNo.statusCode).toBe(409);
    expect(errorOf(sameNo).details[0]).toMatchObject({ path: 'householdNo', code: 'registry.household_no.taken' });

    const second = buildHousehold(villageB);
    second.members[1].idNumber = first.members[1].idNumber;
    const samePerson = await admin.request({ method: 'POST', url: '/api/households', payload: second, headers: { 'accept-language': 'en' } });
    expect(samePerson.statusCode).toBe(409);
    expect(errorOf(samePerson).details[0]).toMatchObject({ path: 'members.1.idNumber', code: 'registry.id_number.taken', message: expect.stringContaining(first.householdNo) });

    // A village cadre elsewhere learns that the person is registered, not where.
    const cadreB = await signInAs(t.app, t.deps, 'village_cadre', villageA, 'cadre_a2');
    const third = buildHousehold(villageA);
    third.members[0].idNumber = first.members[0].idNumber;
    const hidden = await cadreB.request({ method: 'POST', url: '/api/households', payload: third });
    expect(hidden.statusCode).toBe(409);
    expect(errorOf(hidden).details[0]).toMatchObject({ path: 'members.0.idNumber', code: 'registry.id_number.taken_elsewhere' });
    expect(JSON.stringify(hidden.json())).not.toContain(first.householdNo);
  });

  it('searches by division, fuzzy name, household number and ID number', async () => {
    const zhang = buildHousehold(villageB, { size: 2 });
    zhang.members[0].name = '张国华';
    zhang.members[1].name = '刘桂英';
    const created = body(await admin.request({ method: 'POST', url: '/api/households', payload: zhang }));

    const byName = (await admin.request({ method: 'GET', url: `/api/households?q=${encodeURIComponent('张国')}` })).json() as HouseholdSearchResult;
    expect(byName.items.map((i) => i.householdNo)).toEqual([zhang.householdNo]);
    const byMember = (await admin.request({ method: 'GET', url: `/api/households?q=${encodeURIComponent('刘桂英')}` })).json() as HouseholdSearchResult;
    expect(byMember.items[0]).toMatchObject({ householdNo: zhang.householdNo, headName: '张国华', size: 2 });
    const byId = (await admin.request({ method: 'GET', url: `/api/households?idNumber=${zhang.members[1].idNumber}` })).json() as HouseholdSearchResult;
    expect(byId.items.map((i) => i.id)).toEqual([created.household.id]);
    const byNo = (await admin.request({ method: 'GET', url: `/api/households?householdNo=${zhang.householdNo.slice(0, 14)}` })).json() as HouseholdSearchResult;
    expect(byNo.items.map((i) => i.householdNo)).toContain(zhang.householdNo);
    const byDivision = (await admin.request({ method: 'GET', url: `/api/households?division=${villageB}&pageSize=200` })).json() as HouseholdSearchResult;
    expect(byDivision.items.every((i) => i.villageCode === villageB)).toBe(true);
    expect(byDivision.total).toBe(byDivision.items.length);
    expect(byDivision.totalIsCapped).toBe(false);
  });

  it('keeps a village cadre inside their village: search shows none of another village, a profile there is 404 and audited', async () => {
    const other = body(await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageB) }));
    const list = (await cadreA.request({ method: 'GET', url: '/api/households?pageSize=200' })).json() as HouseholdSearchResult;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.villageCode === villageA)).toBe(true);
    const viaDivision = (await cadreA.request({ method: 'GET', url: `/api/households?division=${villageB}` })).json() as HouseholdSearchResult;
    expect(viaDivision.total).toBe(0);

    const res = await cadreA.request({ method: 'GET', url: `/api/households/${other.household.id}` });
    expect(res.statusCode).toBe(404);
    const missing = await cadreA.request({ method: 'GET', url: '/api/households/99999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(res.json());

    const patch = await cadreA.request({ method: 'PATCH', url: `/api/households/${other.household.id}`, payload: { version: 1, phone: '13800000000' } });
    expect(patch.statusCode).toBe(404);

    const denied = await t.deps.store.db.selectFrom('audit_event').selectAll().where('action', '=', 'access.denied').where('entity_id', '=', String(other.household.id)).execute();
    expect(denied.map((d) => d.actor_name)).toEqual([`village_cadre_${villageA}`, `village_cadre_${villageA}`]);
  });

  it('masks ID numbers for task-force members and experts, not for county staff', async () => {
    const p = body(await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageA) }));
    const full = p.members[0].idNumber;
    expect(full).toMatch(/^\d{17}[\dX]$/);
    for (const role of ['task_force', 'expert'] as const) {
      const s = await signInAs(t.app, t.deps, role, '520527');
      const profile = body(await s.request({ method: 'GET', url: `/api/households/${p.household.id}` }));
      expect(profile.members[0]).toMatchObject({ idNumber: `${full.slice(0, 4)}**********${full.slice(14)}`, idNumberMasked: true });
      expect(JSON.stringify(profile)).not.toContain(full);
      const list = (await s.request({ method: 'GET', url: `/api/households?householdNo=${p.household.householdNo}` })).json() as HouseholdSearchResult;
      expect(list.items[0].headIdNumber).toBe(`${full.slice(0, 4)}**********${full.slice(14)}`);
    }
    const mine = (await admin.request({ method: 'GET', url: `/api/households?householdNo=${p.household.householdNo}` })).json() as HouseholdSearchResult;
    expect(mine.items[0].headIdNumber).toBe(full);
  });

  it('refuses personal data to analysts (403) but gives them the overview', async () => {
    const analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
    const list = await analyst.request({ method: 'GET', url: '/api/households' });
    expect(list.statusCode).toBe(403);
    expect(errorOf(list).message).toBe('您的角色只能查看汇总数据，不能查看个人信息');
    expect((await analyst.request({ method: 'GET', url: '/api/households/1' })).statusCode).toBe(403);
    const overview = await analyst.request({ method: 'GET', url: '/api/registry/overview?division=520527&year=2024' });
    expect(overview.statusCode).toBe(200);
    const o = overview.json() as RegistryOverview;
    const households = (await t.deps.store.db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(o.households).toBe(Number(households));
    expect(o.children.map((c) => c.name)).toEqual(f.townships.map((x) => x.name));
    expect(o.children.reduce((s, c) => s + c.households, 0)).toBe(o.households);
    expect(o.histogram).toHaveLength(31);
  });

  it('refuses edits by read-only roles', async () => {
    const expert = await signInAs(t.app, t.deps, 'expert', '520527', 'expert2');
    const res = await expert.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageA) });
    expect(res.statusCode).toBe(403);
  });

  it('edits with optimistic concurrency: the stale version gets 409', async () => {
    const p = body(await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageA) }));
    const ok = await admin.request({ method: 'PATCH', url: `/api/households/${p.household.id}`, payload: { version: 1, phone: '13800000000', isRelocated: true, reason: '核实' } });
    expect(ok.statusCode).toBe(200);
    expect(body(ok).household).toMatchObject({ version: 2, phone: '13800000000', isRelocated: true });
    expect(body(ok).history[0]).toMatchObject({ action: 'registry.household.update', reason: '核实', changes: expect.arrayContaining([{ path: 'isRelocated', before: false, after: true }]) });
    const stale = await admin.request({ method: 'PATCH', url: `/api/households/${p.household.id}`, payload: { version: 1, phone: '13900000000' } });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).details[0]).toMatchObject({ path: 'version', code: 'registry.version.stale' });
  });

  it('moves a household to another village with its members, incomes and guarantee', async () => {
    const p = body(await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageA, { incomes: [{ year: 2024, wageFen: 100, operatingFen: 0, propertyFen: 0, transferFen: 0, productionCostFen: 0, outOfPocketMedicalFen: 0 }] }) }));
    const moved = await admin.request({ method: 'PATCH', url: `/api/households/${p.household.id}`, payload: { version: 1, villageCode: villageB } });
    expect(moved.statusCode).toBe(200);
    const rows = await t.deps.store.db.selectFrom('person').select('village_code').where('household_id', '=', p.household.id).execute();
    expect(new Set(rows.map((r) => r.village_code))).toEqual(new Set([villageB]));
    expect((await cadreA.request({ method: 'GET', url: `/api/households/${p.household.id}` })).statusCode).toBe(404);
  });

  it('adds, edits, hands over the head role, and removes members', async () => {
    let p = body(await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageA, { size: 2 }) }));
    const id = p.household.id;
    const child = { name: '王小明', idNumber: uniqueIdNumber('2010-02-01', 'M'), relation: 'CHILD', laborSkill: 'NONE', studentStatus: 'JUNIOR' };
    const added = await admin.request({ method: 'POST', url: `/api/households/${id}/members`, payload: { ...child, version: 1 } });
    expect(added.statusCode).toBe(201);
    p = body(added);
    expect(p.members).toHaveLength(3);
    expect(p.household.version).toBe(2);

    const secondHead = await admin.request({ method: 'POST', url: `/api/households/${id}/members`, payload: { ...child, idNumber: uniqueIdNumber('2011-02-01', 'F'), relation: 'HEAD' } });
    expect(secondHead.statusCode).toBe(422);
    expect(errorOf(secondHead).details[0]).toMatchObject({ path: 'relation', code: 'registry.head.multiple' });

    const wrongGender = await admin.request({ method: 'POST', url: `/api/households/${id}/members`, payload: { ...child, idNumber: uniqueIdNumber('2011-02-01', 'F'), gender: 'M' } });
    expect(wrongGender.statusCode).toBe(422);
    expect(errorOf(wrongGender).details[0]).toMatchObject({ path: 'gender', code: 'registry.gender.mismatch' });

    const spouse = p.members.find((m) => m.relation === 'SPOUSE')!;
    const oldHead = p.members.find((m) => m.relation === 'HEAD')!;
    const handOver = await admin.request({
      method: 'PUT',
      url: `/api/households/${id}/members/${spouse.id}`,
      payload: { name: spouse.name, idNumber: spouse.idNumber, relation: 'HEAD', laborSkill: 'ORDINARY', formerHeadRelation: 'SPOUSE', version: 2 },
    });
    expect(handOver.statusCode).toBe(200);
    p = body(handOver);
    expect(p.members.find((m) => m.id === spouse.id)!.relation).toBe('HEAD');
    expect(p.members.find((m) => m.id === oldHead.id)!.relation).toBe('SPOUSE');

    const removeHead = await admin.request({ method: 'DELETE', url: `/api/households/${id}/members/${spouse.id}` });
    expect(removeHead.statusCode).toBe(422);
    expect(errorOf(removeHead).details[0]).toMatchObject({ code: 'registry.member.remove_head' });

    const kid = p.members.find((m) => m.relation === 'CHILD')!;
    const removed = await admin.request({ method: 'DELETE', url: `/api/households/${id}/members/${kid.id}?reason=${encodeURIComponent('迁出')}` });
    expect(removed.statusCode).toBe(200);
    p = body(removed);
    expect(p.members.map((m) => m.id)).not.toContain(kid.id);
    expect(p.history.map((h) => h.action)).toEqual(['registry.member.remove', 'registry.member.update', 'registry.member.update', 'registry.member.add', 'registry.household.create']);
    expect((await admin.request({ method: 'DELETE', url: `/api/households/${id}/members/${kid.id}` })).statusCode).toBe(404);
  });

  it('records incomes per year (derived per capita) and refuses a future year', async () => {
    const p = body(await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageA, { size: 4 }) }));
    const put = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/incomes/2024`, payload: { wageFen: 3_000_000, transferFen: 200_000, productionCostFen: 200_000 } });
    expect(put.statusCode).toBe(200);
    expect(body(put).incomes).toEqual([expect.objectContaining({ year: 2024, householdSize: 4, netIncomeFen: 3_000_000, perCapitaNetFen: 750_000 })]);
    const again = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/incomes/2024`, payload: { wageFen: 1_000_000, householdSize: 5 } });
    expect(body(again).incomes).toEqual([expect.objectContaining({ year: 2024, householdSize: 5, perCapitaNetFen: 200_000 })]);
    expect(body(again).history[0].changes).toContainEqual({ path: 'wageFen', before: 3_000_000, after: 1_000_000 });
    const future = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/incomes/2026`, payload: { wageFen: 1 } });
    expect(future.statusCode).toBe(422);
    expect(errorOf(future).details[0]).toMatchObject({ path: 'year', code: 'registry.year.future' });
    const absurd = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/incomes/2024`, payload: { wageFen: 1e12 } });
    expect(absurd.statusCode).toBe(422);
    expect(errorOf(absurd).details[0]).toMatchObject({ path: 'body.wageFen', code: 'registry.amount.too_large' });

    const band = (await admin.request({ method: 'GET', url: `/api/households?year=2024&incomeMin=150000&incomeMax=250000` })).json() as HouseholdSearchResult;
    expect(band.items.map((i) => i.id)).toContain(p.household.id);
    expect(band.items.every((i) => i.perCapitaNetFen! >= 150_000 && i.perCapitaNetFen! <= 250_000)).toBe(true);
  });

  it('sets the guarantee status and finds households with a guarantee problem', async () => {
    const p = body(await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(villageA) }));
    const bad = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/guarantee`, payload: { housingUnsafe: false, houseGrade: 'D' } });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).details[0]).toMatchObject({ path: 'housingUnsafe', code: 'registry.guarantee.grade_mismatch' });
    const ok = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/guarantee`, payload: { housingUnsafe: true, houseGrade: 'D', asOf: '2025-05-20' } });
    expect(ok.statusCode).toBe(200);
    expect(body(ok).guarantee).toMatchObject({ housingUnsafe: true, houseGrade: 'D', hasProblem: true, asOf: '2025-05-20' });
    const found = (await admin.request({ method: 'GET', url: `/api/households?guaranteeProblem=true&pageSize=200` })).json() as HouseholdSearchResult;
    expect(found.items.map((i) => i.id)).toContain(p.household.id);
    const clean = (await admin.request({ method: 'GET', url: `/api/households?guaranteeProblem=false&pageSize=200` })).json() as HouseholdSearchResult;
    expect(clean.items.map((i) => i.id)).not.toContain(p.household.id);
  });

  it('documents its routes and schemas in the OpenAPI description', async () => {
    // Built from the registry routes alone, so another module's schema problem does not hide ours.
    const bare = Fastify();
    bare.setValidatorCompiler(validatorCompiler);
    bare.setSerializerCompiler(serializerCompiler);
    await bare.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 'registry', version: '1' } }, transform: jsonSchemaTransform, transformObject: jsonSchemaTransformObject });
    await registerRegistryRoutes(bare);
    await bare.ready();
    const doc = bare.swagger() as unknown as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    for (const path of ['/api/households', '/api/households/{id}', '/api/households/{id}/members/{personId}', '/api/households/{id}/incomes/{year}', '/api/households/{id}/guarantee', '/api/registry/overview']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    for (const id of ['HouseholdProfile', 'HouseholdSummary', 'CreateHousehold', 'RegistryOverview']) expect(doc.components.schemas[id], id).toBeDefined();
    await bare.close();
  });

  it('never answers bad requests with a 500', async () => {
    const cases = [
      admin.request({ method: 'GET', url: '/api/households/abc' }),
      admin.request({ method: 'GET', url: '/api/households?pageSize=5000' }),
      admin.request({ method: 'GET', url: '/api/households?division=12x' }),
      admin.request({ method: 'GET', url: '/api/households?incomeMin=500&incomeMax=100' }),
      admin.request({ method: 'GET', url: '/api/households?relocated=maybe' }),
      admin.request({ method: 'GET', url: '/api/households?page=600&pageSize=20' }),
      admin.request({ method: 'POST', url: '/api/households', payload: 'not json', headers: { 'content-type': 'application/json' } }),
      admin.request({ method: 'POST', url: '/api/households', payload: { householdNo: 'X', villageCode: villageA, householdType: 'GENERAL', members: [] } }),
      admin.request({ method: 'PUT', url: '/api/households/1/incomes/1999', payload: {} }),
      admin.request({ method: 'GET', url: '/api/registry/overview?division=999999' }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(errorOf(res).code).toBeTruthy();
    }
  });

  it('sorts by per-capita income, size and head name, and pages', async () => {
    for (const key of ['perCapitaNet', 'size', 'headName', 'householdNo'] as const) {
      const res = await admin.request({ method: 'GET', url: `/api/households?sort=${key}&order=desc&pageSize=3&page=2&year=2024` });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json() as HouseholdSearchResult;
      expect(r.items.length).toBeLessThanOrEqual(3);
      expect(r.page).toBe(2);
    }
    const all = (await admin.request({ method: 'GET', url: '/api/households?sort=size&order=desc&pageSize=200' })).json() as HouseholdSearchResult;
    const sizes = all.items.map((i) => i.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
