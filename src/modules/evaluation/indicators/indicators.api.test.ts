import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from '../../../api/testing.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from '../../monitoring/testing.js';
import { defaultMonitoringThresholdFen } from '../../parameters/index.js';
import type { IndicatorSystemInput } from './contract.js';

function multipart(fileName: string, content: string | Buffer) {
  const boundary = '----rbtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const [V1, V2, V3] = TEST_VILLAGES;
const ind = (code: string, direction: 'benefit' | 'cost', unit = '', source: 'input' | 'computed' = 'input') => ({ code, nameZh: code, nameEn: code, unit, direction, source });

/**
 * A small system whose numbers can be checked by hand: industry (entropy) = a1 (benefit) + a2 (a
 * constant: zero variance, weight 0); prosperity (equal) = b1 (cost) + b2 (only one village: left
 * out); consolidation = the registry share above the threshold; pillars weighted equally.
 */
const SYSTEM = {
  nameZh: '测试体系',
  nameEn: 'Test system',
  weightMode: 'equal',
  version: 0,
  pillars: [
    { code: 'industry', nameZh: '产业兴旺', nameEn: 'Industry', role: 'revitalisation', weightMode: 'entropy', fixedWeight: null, indicators: [ind('t.a1', 'benefit'), ind('t.a2', 'benefit', '0/1')] },
    { code: 'prosperity', nameZh: '生活富裕', nameEn: 'Prosperity', role: 'revitalisation', weightMode: 'equal', fixedWeight: null, indicators: [ind('t.b1', 'cost', '%'), ind('t.b2', 'benefit')] },
    { code: 'consolidation', nameZh: '巩固', nameEn: 'Consolidation', role: 'consolidation', weightMode: 'equal', fixedWeight: null, indicators: [ind('consolidation.above_threshold_share', 'benefit', '%', 'computed')] },
  ],
} as unknown as IndicatorSystemInput;

// Long format: a1 = 1, 2, 3; a2 = 1 everywhere; b1 (cost) = 3, 2, 1; b2 only for V1.
const GOOD_CSV = [
  '区划代码,年份,指标代码,数值',
  `${V1},2024,t.a1,1`, `${V2},2024,t.a1,2`, `${V3},2024,t.a1,3`,
  `${V1},2024,t.a2,1`, `${V2},2024,t.a2,1`, `${V3},2024,t.a2,1`,
  `${V1},2024,t.b1,3`, `${V2},2024,t.b1,2`, `${V3},2024,t.b1,1`,
  `${V1},2024,t.b2,7`,
].join('\n');

describe('revitalisation indicators API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: TestSession;
  let analyst: TestSession;
  let township: TestSession;
  const z = defaultMonitoringThresholdFen('52', '2024-12-31')!;

  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
    await seedTestDivisions(t.deps.store);
    // Share above the 2024 threshold: V1 0 %, V2 50 %, V3 100 %.
    const incomes = [
      [V1, z - 100_000], [V1, z - 200_000],
      [V2, z + 100_000], [V2, z - 100_000],
      [V3, z + 300_000],
    ] as const;
    for (const [village, perCapita] of incomes) {
      await insertTestHousehold(t.deps.store, { villageCode: village, members: [{}], incomes: [{ year: 2024, wageFen: perCapita }] });
    }
    admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
    analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
    township = await signInAs(t.app, t.deps, 'township_officer', '520527101');
  }, 300_000);
  afterAll(async () => t.close());

  it('serves the shipped default system with five revitalisation pillars and the computed consolidation subsystem', async () => {
    const r = await analyst.request({ method: 'GET', url: '/api/evaluation/indicator-system?county=520527' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ countyCode: '520527', isDefault: true, version: 0 });
    expect(body.pillars.filter((p: { role: string }) => p.role === 'revitalisation').map((p: { nameZh: string }) => p.nameZh)).toEqual(['产业兴旺', '生态宜居', '乡风文明', '治理有效', '生活富裕']);
    const consolidation = body.pillars.find((p: { role: string }) => p.role === 'consolidation');
    expect(consolidation.indicators.every((i: { source: string }) => i.source === 'computed')).toBe(true);
    // A township officer reads the county's system too.
    expect((await township.request({ method: 'GET', url: '/api/evaluation/indicator-system?county=520527' })).statusCode).toBe(200);
  });

  it('lets only a county admin save the tree, with a version check and an audit event', async () => {
    const denied = await analyst.request({ method: 'PUT', url: '/api/evaluation/indicator-system?county=520527', payload: SYSTEM });
    expect(denied.statusCode).toBe(403);
    const bad = await admin.request({ method: 'PUT', url: '/api/evaluation/indicator-system?county=520527', payload: { ...SYSTEM, pillars: SYSTEM.pillars.slice(0, 2) } });
    expect(bad.statusCode).toBe(422);
    const saved = await admin.request({ method: 'PUT', url: '/api/evaluation/indicator-system?county=520527', payload: SYSTEM });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, updatedBy: 'county_admin_520527' });
    const stale = await admin.request({ method: 'PUT', url: '/api/evaluation/indicator-system?county=520527', payload: SYSTEM, headers: { 'accept-language': 'en' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/changed by someone else/);
    const events = await t.deps.store.db.selectFrom('audit_event').select(['action', 'actor_name', 'after']).where('action', 'like', 'evaluation.indicator_system%').execute();
    expect(events).toHaveLength(1);
    expect(events[0].actor_name).toBe('county_admin_520527');
    const denials = await t.deps.store.db.selectFrom('audit_event').select('reason').where('action', '=', 'access.denied').where('entity_type', '=', 'indicator_system').execute();
    expect(denials.length).toBeGreaterThanOrEqual(1);
  });

  it('dry-runs an import naming each bad row, column and reason, and refuses to commit it', async () => {
    const csv = [
      'division_code,year,indicator_code,value',
      `${V1},2024,t.a1,1`,
      `${V1},2024,t.nope,1`,
      `${V2},2024,t.b1,120`,
      `520528101201,2024,t.a1,1`,
      `${V3},19x,t.a1,1`,
      `${V1},2024,t.a1,2`,
      `${V2},2024,consolidation.above_threshold_share,50`,
      `${V2},2024,t.a2,abc`,
    ].join('\n');
    const form = multipart('v.csv', csv);
    const dry = await admin.request({ method: 'POST', url: '/api/evaluation/indicator-values/import?dryRun=true', payload: form.payload, headers: { ...form.headers, 'accept-language': 'en' } });
    expect(dry.statusCode).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ dryRun: true, committed: false, rowsTotal: 8, rowsValid: 1 });
    const byRow = Object.fromEntries(report.problems.map((p: { row: number; code: string; column: string }) => [p.row, p]));
    expect(byRow[3]).toMatchObject({ column: 'indicator_code', code: 'evaluation.indicators.import.unknown_indicator' });
    expect(byRow[4]).toMatchObject({ column: 'value', code: 'evaluation.indicators.import.out_of_range', reason: 'The value is outside the range its unit allows (0–100)' });
    expect(byRow[5]).toMatchObject({ column: 'division_code', code: 'evaluation.indicators.import.division_out_of_scope' });
    expect(byRow[6]).toMatchObject({ column: 'year', code: 'evaluation.indicators.import.bad_year' });
    expect(byRow[7]).toMatchObject({ code: 'evaluation.indicators.import.duplicate' });
    expect(byRow[8]).toMatchObject({ code: 'evaluation.indicators.import.computed_indicator' });
    expect(byRow[9]).toMatchObject({ column: 'value', code: 'evaluation.indicators.import.bad_value' });
    const zh = (await admin.request({ method: 'POST', url: '/api/evaluation/indicator-values/import?dryRun=true', ...multipart('v.csv', csv) })).json();
    expect(zh.problems.find((p: { row: number }) => p.row === 3).reason).toBe('指标体系中没有这个指标代码');

    const commit = await admin.request({ method: 'POST', url: '/api/evaluation/indicator-values/import?dryRun=false', ...multipart('v.csv', csv) });
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.details.length).toBe(7);
    const stored = await t.deps.store.db.selectFrom('indicator_value').select('value').execute();
    expect(stored).toHaveLength(0);
  });

  it('refuses imports by roles other than county admin', async () => {
    const r = await township.request({ method: 'POST', url: '/api/evaluation/indicator-values/import?dryRun=true', ...multipart('v.csv', GOOD_CSV) });
    expect(r.statusCode).toBe(403);
  });

  it('commits a clean file all at once with one audit event', async () => {
    const r = await admin.request({ method: 'POST', url: '/api/evaluation/indicator-values/import?dryRun=false', ...multipart('good.csv', GOOD_CSV) });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ committed: true, rowsTotal: 10, valuesWritten: 10, valuesReplaced: 0, divisions: 3, years: [2024] });
    const again = (await admin.request({ method: 'POST', url: '/api/evaluation/indicator-values/import?dryRun=true', ...multipart('good.csv', GOOD_CSV) })).json();
    expect(again).toMatchObject({ committed: false, valuesReplaced: 10 });
    const events = await t.deps.store.db.selectFrom('audit_event').select(['action', 'after']).where('action', '=', 'evaluation.indicator_values.import').execute();
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ values: 10, divisions: 3, years: [2024] });
    const list = (await analyst.request({ method: 'GET', url: `/api/evaluation/indicator-values?division=${V1}&year=2024` })).json();
    expect(list.total).toBe(4);
  });

  it('ranks villages by entropy-weight TOPSIS: closeness 1, 0.5, 0 with ranks, weights and warnings', async () => {
    const r = await analyst.request({ method: 'GET', url: '/api/evaluation/ranking?division=520527&year=2024&level=village' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.rows.map((x: { code: string }) => x.code)).toEqual([V3, V2, V1]);
    const c = body.rows.map((x: { closeness: number }) => x.closeness);
    expect(c[0]).toBe(1);
    expect(c[1]).toBeCloseTo(0.5, 12);
    expect(c[2]).toBe(0);
    expect(body.rows.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3]);
    expect(body.rows[0].pillars.industry).toMatchObject({ closeness: 1, rank: 1 });
    expect(body.rows[2].pillars.consolidation).toMatchObject({ closeness: 0, rank: 3 });
    const w = Object.fromEntries(body.weights.map((x: { indicator: string }) => [x.indicator, x]));
    expect(w['t.a1'].withinPillar).toBeCloseTo(1, 12);
    expect(w['t.a2'].withinPillar).toBe(0);
    expect(w['t.a1'].overall).toBeCloseTo(0.5, 12);
    expect(w['t.b1'].overall).toBeCloseTo(0.5, 12);
    const codes = body.warnings.map((x: { code: string; column?: string }) => `${x.code}:${x.column ?? ''}`);
    expect(codes).toContain('ZERO_VARIANCE_COLUMN:t.a2');
    expect(codes).toContain('INDICATOR_DROPPED:t.b2');
  });

  it('ranks townships from the mean of their villages', async () => {
    const body = (await analyst.request({ method: 'GET', url: '/api/evaluation/ranking?division=520527&year=2024' })).json();
    expect(body.level).toBe('township');
    // 城关镇 = mean of V1, V2 (a1 1.5, b1 2.5); 白果街道 = V3 (a1 3, b1 1): the ideal.
    expect(body.rows.map((x: { code: string; closeness: number }) => [x.code, x.closeness])).toEqual([
      ['520527102000', 1],
      ['520527101000', 0],
    ]);
  });

  it('grades the coupling coordination degree D of consolidation and revitalisation', async () => {
    const r = await analyst.request({ method: 'GET', url: '/api/evaluation/coupling?division=520527&level=village&fromYear=2023&toYear=2024' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const byCode = Object.fromEntries(body.rows.map((x: { code: string }) => [x.code, x]));
    // U1 = U2 = 0, 0.5, 1: D = 0 (极度失调), sqrt(0.5) (中级协调), 1 (优质协调).
    expect(byCode[V1]).toMatchObject({ year: 2024, consolidation: 0, revitalisation: 0, D: 0, level: 0, levelZh: '极度失调' });
    expect(byCode[V2].consolidation).toBeCloseTo(0.5, 12);
    expect(byCode[V2].D).toBeCloseTo(Math.SQRT1_2, 12);
    expect(byCode[V2]).toMatchObject({ level: 7, levelZh: '中级协调', levelEn: 'intermediate coordination' });
    expect(byCode[V3]).toMatchObject({ D: 1, level: 9, levelZh: '优质协调' });
    expect(body.trend).toEqual([
      { year: 2023, meanD: null, level: null, units: 0 },
      { year: 2024, meanD: expect.closeTo((1 + Math.SQRT1_2) / 3, 12), level: 5, units: 3 },
    ]);
    expect(body.warnings.map((x: { code: string }) => x.code)).toContain('UNIT_NO_DATA');
    expect(body.warnings.map((x: { code: string }) => x.code)).toContain('ALL_ZERO');
    // The corrected formula (Wang et al. 2021) agrees when U1 = U2 and says which one was used.
    const corrected = (await analyst.request({ method: 'GET', url: '/api/evaluation/coupling?division=520527&level=village&year=2024&formula=corrected' })).json();
    expect(corrected.formula).toBe('corrected');
    expect(corrected.rows.find((x: { code: string }) => x.code === V2).D).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('keeps a township officer inside the township and audits the refusal', async () => {
    const inside = await township.request({ method: 'GET', url: '/api/evaluation/ranking?division=520527101&year=2024' });
    expect(inside.statusCode).toBe(200);
    expect(inside.json().rows.map((x: { code: string }) => x.code)).toEqual([V2, V1]);
    const outside = await township.request({ method: 'GET', url: '/api/evaluation/coupling?division=520527&year=2024' });
    expect(outside.statusCode).toBe(403);
    const denied = await t.deps.store.db.selectFrom('audit_event').select(['actor_name', 'after']).where('action', '=', 'access.denied').where('entity_id', '=', '520527').execute();
    expect(denied.some((e) => e.actor_name === 'township_officer_520527101')).toBe(true);
    expect((await township.request({ method: 'GET', url: '/api/evaluation/ranking?division=520527&year=2024&level=township' })).statusCode).toBe(403);
  });

  it('serves the import templates', async () => {
    const csv = await admin.request({ method: 'GET', url: '/api/evaluation/indicator-values/template.csv?county=520527' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('区划代码,年份,指标代码,数值');
    const xlsx = await admin.request({ method: 'GET', url: '/api/evaluation/indicator-values/template.xlsx?county=520527', headers: { 'accept-language': 'en' } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
  it('documents its routes in the OpenAPI document with resolvable schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/evaluation/indicator-system', '/api/evaluation/indicator-values', '/api/evaluation/indicator-values/import', '/api/evaluation/ranking', '/api/evaluation/coupling']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const refs = new Set((JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? []).map((r) => r.split('/').pop()!.slice(0, -1)));
    expect([...refs].filter((name) => !doc.components.schemas[name])).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['RevitalisationRanking', 'RevitalisationCoupling', 'IndicatorSystem', 'IndicatorImportReport']));
  });
});
