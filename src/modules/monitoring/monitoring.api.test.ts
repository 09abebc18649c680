import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from './testing.js';
import { PUBLIC_FORM_LIMITS } from './http.js';
import { makeIdNumber } from '../registry/domain/id-number.js';

function multipart(fileName: string, content: string | Buffer) {
  const boundary = '----rbtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('monitoring API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: TestSession;
  let cadre1: TestSession;
  let analyst: TestSession;
  let h1: { id: number; idNumbers: string[] };
  let h3: { id: number; idNumbers: string[] };
  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
    await seedTestDivisions(t.deps.store);
    h1 = await insertTestHousehold(t.deps.store, { villageCode: TEST_VILLAGES[0], members: [{ name: '王一' }, { name: '王二' }], incomes: [{ year: 2024, wageFen: 500_000 }] });
    h3 = await insertTestHousehold(t.deps.store, { villageCode: TEST_VILLAGES[2], members: [{ name: '李三' }], incomes: [{ year: 2024, wageFen: 5_000_000 }] });
    admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
    cadre1 = await signInAs(t.app, t.deps, 'village_cadre', TEST_VILLAGES[0]);
    analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
  });
  afterAll(async () => t.close());

  const declare = (body: unknown, ip: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/public/declarations', payload: body as never, remoteAddress: ip, headers });
  const valid = (over: Record<string, unknown> = {}) => ({ villageCode: TEST_VILLAGES[0], name: '王一', riskTypes: ['ILLNESS'], description: '家里有人住院', ...over });

  it('receives a declaration without login and answers the same whether or not the person is registered', async () => {
    const known = await declare(valid({ idNumber: h1.idNumbers[0] }), '10.0.0.1');
    const unknown = await declare(valid({ idNumber: makeIdNumber('520527', '1990-01-01', 999), name: '不存在' }), '10.0.0.2');
    expect(unknown.statusCode).toBe(200);
    const okUnknown = unknown;
    const a = known.json();
    const b = okUnknown.json();
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a.message.replace(a.reference, 'R')).toBe(b.message.replace(b.reference, 'R'));
    const clues = await cadre1.request({ method: 'GET', url: '/api/monitoring/clues?channel=SELF_DECLARATION' });
    expect(clues.json().items.map((c: { householdId: number | null }) => c.householdId).sort()).toEqual([h1.id, null].sort());
  });

  it('refuses an unknown village with 422 and a body over the limit with 413', async () => {
    const bad = await declare(valid({ villageCode: '520527101299' }), '10.0.0.3', { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'villageCode', message: 'No such village: 520527101299' });
    const big = await declare(valid({ description: 'x'.repeat(PUBLIC_FORM_LIMITS.bodyBytes + 10) }), '10.0.0.4');
    expect(big.statusCode).toBe(413);
  });

  it('strips markup from the declaration text', async () => {
    const r = await declare(valid({ description: '<img src=x onerror=alert(1)>房子漏雨', riskTypes: ['UNSAFE_HOUSING'] }), '10.0.0.5');
    expect(r.statusCode).toBe(200);
    const row = await t.deps.store.db.selectFrom('self_declaration').select('description').where('reference', '=', r.json().reference).executeTakeFirstOrThrow();
    expect(row.description).toBe('img src=x onerror=alert(1)房子漏雨');
  });

  it('answers 429 to a flood from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < PUBLIC_FORM_LIMITS.perKey + 2; i++) codes.push((await declare({}, '10.0.1.1')).statusCode);
    expect(codes.slice(0, PUBLIC_FORM_LIMITS.perKey).every((c) => c === 422)).toBe(true);
    expect(codes.slice(PUBLIC_FORM_LIMITS.perKey)).toEqual([429, 429]);
  });

  it('serves the village QR code as SVG and a printable poster, 404 for an unknown village', async () => {
    const svg = await t.app.inject({ method: 'GET', url: `/api/public/villages/${TEST_VILLAGES[0]}/declaration-qr.svg` });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    const poster = await t.app.inject({ method: 'GET', url: `/api/public/villages/${TEST_VILLAGES[0]}/declaration-poster` });
    expect(poster.body).toContain('@page { size: A4');
    expect(poster.body).toContain('一村');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/villages/520527101299/declaration-poster' })).statusCode).toBe(404);
    const form = await t.app.inject({ method: 'GET', url: `/api/public/declare?village=${TEST_VILLAGES[0]}` });
    expect(form.body).toContain(`data-village="${TEST_VILLAGES[0]}"`);
  });

  it('records a visit in scope, creating a cadre-screening clue, and hides households of other villages', async () => {
    const ok = await cadre1.request({ method: 'POST', url: '/api/monitoring/visits', payload: { householdId: h1.id, visitedOn: '2025-05-30', visitors: ['村干部甲', '驻村队员乙'], riskTypes: ['UNSTABLE_EMPLOYMENT'], note: '返乡未再外出' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().clueIds).toHaveLength(1);
    const other = await cadre1.request({ method: 'POST', url: '/api/monitoring/visits', payload: { householdId: h3.id, visitedOn: '2025-05-30', visitors: ['甲'], riskTypes: ['ILLNESS'] } });
    expect(other.statusCode).toBe(404);
  });

  it('lists clues only inside the scope and refuses a division outside it with 403', async () => {
    await admin.request({ method: 'POST', url: '/api/monitoring/feedback', payload: { kind: 'HOTLINE_12317', ticketNo: 'T-1', villageCode: TEST_VILLAGES[2], householdId: h3.id, riskTypes: ['ILLNESS'], description: '来电反映看病难' } });
    const mine = await cadre1.request({ method: 'GET', url: '/api/monitoring/clues' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.every((c: { villageCode: string }) => c.villageCode === TEST_VILLAGES[0])).toBe(true);
    const all = await admin.request({ method: 'GET', url: '/api/monitoring/clues' });
    expect(all.json().items.some((c: { villageCode: string }) => c.villageCode === TEST_VILLAGES[2])).toBe(true);
    const outside = await cadre1.request({ method: 'GET', url: `/api/monitoring/clues?division=${TEST_VILLAGES[2]}` });
    expect(outside.statusCode).toBe(403);
    const foreign = all.json().items.find((c: { villageCode: string }) => c.villageCode === TEST_VILLAGES[2]);
    expect((await cadre1.request({ method: 'GET', url: `/api/monitoring/clues/${foreign.id}` })).statusCode).toBe(404);
    expect((await analyst.request({ method: 'GET', url: '/api/monitoring/clues' })).statusCode).toBe(403);
  });

  it('gives dashboard aggregates per child division and month, also to analysts', async () => {
    const r = await analyst.request({ method: 'GET', url: '/api/monitoring/stats?groupBy=channel' });
    expect(r.statusCode).toBe(200);
    const rows = r.json().rows as { divisionCode: string; month: string; key: string; count: number }[];
    expect(rows.find((x) => x.key === 'SELF_DECLARATION')).toMatchObject({ divisionCode: '520527101', divisionName: '城关镇', month: '2025-06' });
  });

  it('sets the monitoring threshold for the county with a document reference, county admins only', async () => {
    const put = await admin.request({ method: 'PUT', url: '/api/parameters/monitoring-threshold', payload: { code: '520527', effectiveFrom: '2025-01-01', value: 8200, docNo: '赫乡振发〔2025〕3号', docTitle: '关于调整2025年防止返贫监测范围的通知' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ value: 8200, layer: 'county', docNo: '赫乡振发〔2025〕3号' });
    const get = await cadre1.request({ method: 'GET', url: '/api/parameters/monitoring-threshold?code=520527101201&date=2025-06-01' });
    expect(get.json()).toMatchObject({ value: 8200, layer: 'county' });
    const older = await cadre1.request({ method: 'GET', url: '/api/parameters/monitoring-threshold?code=520527&date=2024-06-01' });
    expect(older.json()).toMatchObject({ value: 7600, layer: 'default' });
    const denied = await cadre1.request({ method: 'PUT', url: '/api/parameters/monitoring-threshold', payload: { code: '520527', effectiveFrom: '2025-01-01', value: 1, docNo: 'x', docTitle: 'y' } });
    expect(denied.statusCode).toBe(403);
    const audit = await t.deps.store.db.selectFrom('audit_event').select('action').where('action', '=', 'parameters.override.set').execute();
    expect(audit).toHaveLength(1);
  });

  it('records a disaster, screens the affected village and lists its households for visits', async () => {
    const r = await admin.request({ method: 'POST', url: '/api/monitoring/events', payload: { kind: 'NATURAL_DISASTER', subtype: 'FLOOD', title: '6·1 洪涝', occurredOn: '2025-05-31', severity: 'RED', villageCodes: [TEST_VILLAGES[0]] } });
    expect(r.statusCode).toBe(200);
    expect(r.json().screening).toMatchObject({ households: 1 });
    const list = await cadre1.request({ method: 'GET', url: `/api/monitoring/events/${r.json().id}/households` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ householdId: h1.id, level: 'RED', headName: '王一', lastVisitOn: '2025-05-30' })]);
    const outside = await cadre1.request({ method: 'POST', url: '/api/monitoring/events', payload: { kind: 'OTHER', title: 'x', occurredOn: '2025-05-31', villageCodes: [TEST_VILLAGES[2]] } });
    expect(outside.statusCode).toBe(403);
  });

  it('imports a department file by upload after a dry run, and refuses a file with unknown ID numbers', async () => {
    const csv = `身份证号,姓名,结算日期,就诊类型,总费用(元),合规自付(元)\n${h1.idNumbers[1]},王二,2025-03-15,住院,38000,25000\n`;
    const dry = await admin.request({ method: 'POST', url: '/api/monitoring/department-imports?department=medical&dryRun=true', ...multipart('yb.csv', csv) });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ committed: false, rowsMatched: 1, problems: [] });
    const commit = await admin.request({ method: 'POST', url: '/api/monitoring/department-imports?department=medical&dryRun=false', ...multipart('yb.csv', csv) });
    // The household already had an open illness clue from its self-declaration: the warning joins it.
    expect(commit.json()).toMatchObject({ committed: true, cluesCreated: 0, cluesUpdated: 1 });
    const clue = await admin.request({ method: 'GET', url: `/api/monitoring/clues?householdId=${h1.id}&riskType=ILLNESS` });
    const detail = await admin.request({ method: 'GET', url: `/api/monitoring/clues/${clue.json().items[0].id}` });
    expect(detail.json().sources.map((x: { channel: string }) => x.channel)).toEqual(['SELF_DECLARATION', 'DEPT_WARNING']);
    expect(detail.json()).toMatchObject({ level: 'RED', channel: 'SELF_DECLARATION' });
    const bad = `${csv}${makeIdNumber('520527', '1990-01-01', 998)},无此人,2025-03-16,住院,1000,900\n${h1.idNumbers[0]},王一,2025-13-01,住院,1000,abc\n`;
    const m = multipart('yb.csv', bad);
    const refused = await admin.request({ method: 'POST', url: '/api/monitoring/department-imports?department=medical&dryRun=false', payload: m.payload, headers: { ...m.headers, 'accept-language': 'en' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ path: 'row 4, Settlement date', message: 'a date must be YYYY-MM-DD' }),
      expect.objectContaining({ path: 'row 4, Compliant self-paid (yuan)', message: 'an amount must be a number ≥ 0 (yuan)' }),
      expect.objectContaining({ path: 'row 3, ID number', message: 'no registered person in your scope has this ID number' }),
    ]);
    const imports = await t.deps.store.db.selectFrom('department_import').select('id').execute();
    expect(imports).toHaveLength(1);
  });

  it('lets only county administrators start a sweep', async () => {
    expect((await cadre1.request({ method: 'POST', url: '/api/monitoring/sweep', payload: {} })).statusCode).toBe(403);
    const r = await admin.request({ method: 'POST', url: '/api/monitoring/sweep', payload: { asOf: '2025-06-01' } });
    expect(r.statusCode).toBe(200);
    // The event screening already raised the income clue of village 1: the sweep finds it and changes nothing.
    expect(r.json()).toMatchObject({ asOf: '2025-06-01', cluesCreated: 0 });
    expect(r.json().firings).toBeGreaterThanOrEqual(2);
  });

  it('names the department file a warning came from on the listed clue', async () => {
    const csv = `身份证号,姓名,鉴定等级,鉴定日期,地址\n${h3.idNumbers[0]},李三,D级,2025-04-02,三村1组\n`;
    const commit = await admin.request({ method: 'POST', url: '/api/monitoring/department-imports?department=housing&dryRun=false', ...multipart('住建危房鉴定.csv', csv) });
    expect(commit.statusCode).toBe(200);
    const list = await admin.request({ method: 'GET', url: `/api/monitoring/clues?householdId=${h3.id}&channel=DEPT_WARNING` });
    expect(list.json().items).toEqual([expect.objectContaining({ riskType: 'UNSAFE_HOUSING', sourceDept: 'HOUSING', sourceFile: '住建危房鉴定.csv', source: expect.stringMatching(/^department:housing#\d+:2$/) })]);
    const others = await admin.request({ method: 'GET', url: `/api/monitoring/clues?householdId=${h3.id}&channel=SUPERVISION_FEEDBACK` });
    expect(others.json().items.every((c: { sourceFile: string | null }) => c.sourceFile === null)).toBe(true);
  });
});
