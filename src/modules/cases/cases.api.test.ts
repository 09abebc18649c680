import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import { insertTestHousehold, seedTestDivisions } from '../monitoring/testing.js';
import { evidenceFor } from './testing.js';

const V1 = '520527101201';

describe('cases API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let cadre: TestSession;
  let township: TestSession;
  let reviewer: TestSession;
  let outsider: TestSession;
  let analyst: TestSession;
  const today = () => t.clock.now().toISOString().slice(0, 10);
  const step = (s: TestSession, id: number, action: string, version: number, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    s.request({ method: 'POST', url: `/api/cases/${id}/transitions`, payload: { action, version, evidence: { ...evidenceFor(action as never, today()), ...extra } }, headers });

  /** Sessions last 12 hours: sign everyone in again after moving the clock. */
  async function signIn() {
    cadre = await signInAs(t.app, t.deps, 'village_cadre', V1);
    township = await signInAs(t.app, t.deps, 'township_officer', '520527101');
    reviewer = await signInAs(t.app, t.deps, 'county_reviewer', '520527');
    outsider = await signInAs(t.app, t.deps, 'village_cadre', '520527101202');
    analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
  }
  async function advance(days: number) {
    t.clock.advanceDays(days);
    await signIn();
  }
  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-02T02:00:00Z' });
    await seedTestDivisions(t.deps.store);
    await signIn();
  });
  afterAll(async () => t.close());

  it('runs identification through the API, prints the notice and answers refusals with the error shape', async () => {
    const h = await insertTestHousehold(t.deps.store, { villageCode: V1, members: [{ name: '欧阳小明' }, { name: '李四' }, { name: '李五' }] });
    const opened = await cadre.request({ method: 'POST', url: '/api/cases', payload: { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'SELF_DECLARATION' } });
    expect(opened.statusCode).toBe(201);
    let c = opened.json();
    expect(c).toMatchObject({ status: 'CLUE', version: 1, allowedActions: ['assign'] });

    const noEvidence = await cadre.request({ method: 'POST', url: `/api/cases/${c.id}/transitions`, payload: { action: 'submit_verification', version: 1, evidence: {} } });
    expect(noEvidence.statusCode).toBe(422);
    expect(noEvidence.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.evidence.visit', 'body.evidence.authorisation']));

    const wrongRole = await step(reviewer, c.id, 'assign', 1, {}, { 'accept-language': 'en' });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.details[0].message).toMatch(/Role county_reviewer may not assign/);
    expect((await step(outsider, c.id, 'assign', 1)).statusCode).toBe(404);

    c = (await step(cadre, c.id, 'assign', 1)).json();
    const stale = await step(cadre, c.id, 'submit_verification', 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('案件已被他人更新，请刷新后重试');
    c = (await step(cadre, c.id, 'submit_verification', c.version)).json();
    c = (await step(township, c.id, 'record_comparison', c.version)).json();
    const reviewed = await step(cadre, c.id, 'record_review', c.version);
    expect(reviewed.statusCode).toBe(200);
    c = reviewed.json();
    expect(c.status).toBe('PUBLICITY');

    const page = (await cadre.request({ method: 'GET', url: `/api/cases/${c.id}` })).json();
    expect(page.timeline).toHaveLength(5);
    const noticeId = page.notices[0].id;
    const zh = await cadre.request({ method: 'GET', url: `/api/cases/notices/${noticeId}/print` });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain('text/html');
    expect(zh.body).toContain('欧**明');
    expect(zh.body).toContain('公示时间');
    expect(zh.body).not.toContain('欧阳小明');
    expect(zh.body).toContain('<p class="issuer">一村村民委员会<br>');
    const en = await cadre.request({ method: 'GET', url: `/api/cases/notices/${noticeId}/print?lang=en` });
    expect(en.body).toContain('Notice period: ');
    expect(en.body).toContain('<p class="issuer">Villagers&#39; Committee of 一村<br>');

    const objection = await cadre.request({ method: 'POST', url: `/api/cases/notices/${noticeId}/objections`, payload: { caseId: c.id, receivedOn: today(), content: '收入有隐瞒' } });
    expect(objection.statusCode).toBe(201);
    const resolved = await township.request({ method: 'POST', url: `/api/cases/objections/${objection.json().id}/resolve`, payload: { finding: 'UNFOUNDED', resolution: '经核实不属实' } });
    expect(resolved.json().status).toBe('UNFOUNDED');

    await advance(5);
    c = (await step(cadre, c.id, 'close_publicity', c.version)).json();
    const queue = (await township.request({ method: 'GET', url: '/api/cases/queue' })).json();
    expect(queue.items.map((i: { id: number }) => i.id)).toContain(c.id);
    c = (await step(township, c.id, 'township_pass', c.version)).json();
    const approved = await step(reviewer, c.id, 'county_approve', c.version);
    expect(approved.json().status).toBe('ANNOUNCED');

    const list = await reviewer.request({ method: 'GET', url: '/api/cases?status=ANNOUNCED' });
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([c.id]);
    expect((await analyst.request({ method: 'GET', url: '/api/cases' })).statusCode).toBe(403);
    const dash = await analyst.request({ method: 'GET', url: '/api/cases/dashboard' });
    expect(dash.statusCode).toBe(200);
    expect(dash.json().byStatus.ANNOUNCED).toBe(1);
  });

  it('makes an assistance plan with suggested measures and carries it out', async () => {
    t.clock.set('2025-06-02T02:00:00Z');
    await signIn();
    const h = await insertTestHousehold(t.deps.store, { villageCode: V1, members: [{ laborSkill: 'ORDINARY' }] });
    let c = (await cadre.request({ method: 'POST', url: '/api/cases', payload: { householdId: h.id, category: 'MARGINAL', risks: ['UNSTABLE_EMPLOYMENT', 'UNSAFE_WATER'], channel: 'CADRE_SCREENING' } })).json();
    const early = await cadre.request({ method: 'POST', url: '/api/assistance/plans', payload: { caseId: c.id, responsibleName: '王村干' } });
    expect(early.statusCode).toBe(422);
    for (const [s, a] of [[cadre, 'assign'], [cadre, 'submit_verification'], [township, 'record_comparison'], [cadre, 'record_review']] as const) c = (await step(s, c.id, a, c.version)).json();
    await advance(5);
    for (const [s, a] of [[cadre, 'close_publicity'], [township, 'township_pass'], [reviewer, 'county_approve'], [township, 'start_monitoring']] as const) c = (await step(s, c.id, a, c.version)).json();
    expect(c.status).toBe('MONITORING');

    const created = await cadre.request({ method: 'POST', url: '/api/assistance/plans', payload: { caseId: c.id, responsibleName: '王村干' } });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan.suggestions.map((s: { category: string }) => s.category)).toEqual(['EMPLOYMENT', 'PUBLIC_WELFARE_JOB', 'WATER_SAFETY']);
    expect(plan.uncoveredRisks).toEqual(['UNSTABLE_EMPLOYMENT', 'UNSAFE_WATER']);
    expect(plan.firstMeasureDueOn).toBe('2025-07-07');
    expect((await cadre.request({ method: 'POST', url: '/api/assistance/plans', payload: { caseId: c.id, responsibleName: 'x' } })).statusCode).toBe(409);

    const m = (await cadre.request({ method: 'POST', url: `/api/assistance/plans/${plan.id}/measures`, payload: { category: 'PUBLIC_WELFARE_JOB', description: '护林员公益岗', responsibleName: '王村干', amountFen: 600_000, startDate: today(), endDate: '2025-12-31' } })).json();
    const bad = await cadre.request({ method: 'POST', url: `/api/assistance/plans/${plan.id}/measures`, payload: { category: 'WATER_SAFETY', description: 'x', responsibleName: '王', startDate: '2025-07-01', endDate: '2025-06-01' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('body.endDate');
    const skip = await cadre.request({ method: 'POST', url: `/api/assistance/measures/${m.id}/status`, payload: { status: 'IMPLEMENTED', version: 1 } });
    expect(skip.statusCode).toBe(422);
    const s1 = (await cadre.request({ method: 'POST', url: `/api/assistance/measures/${m.id}/status`, payload: { status: 'IMPLEMENTING', version: 1 } })).json();
    expect(s1.status).toBe('IMPLEMENTING');

    await advance(40);
    const after = (await cadre.request({ method: 'GET', url: `/api/assistance/plans/${plan.id}` })).json();
    expect(after).toMatchObject({ firstMeasureOverdue: false, uncoveredRisks: ['UNSAFE_WATER'], totalAmountFen: 600_000 });
    const effect = await cadre.request({ method: 'PUT', url: `/api/assistance/plans/${plan.id}/effect`, payload: { version: after.version, incomeAfterPerCapitaFen: 950_000, guaranteesAfter: { foodClothingOk: true, housingSafe: true, compulsoryEducationOk: true, medicalInsuranceOk: true, waterSafe: false }, note: '务工收入恢复' } });
    expect(effect.statusCode).toBe(200);
    expect(effect.json().effect).toMatchObject({ incomeAfterPerCapitaFen: 950_000 });

    const mapping = await reviewer.request({ method: 'PUT', url: '/api/assistance/mapping/UNSAFE_WATER', payload: { categories: ['WATER_SAFETY', 'INFRASTRUCTURE'], scopeCode: '520527' } });
    expect(mapping.statusCode).toBe(403);
    const admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
    const set = await admin.request({ method: 'PUT', url: '/api/assistance/mapping/UNSAFE_WATER', payload: { categories: ['WATER_SAFETY', 'INFRASTRUCTURE'], scopeCode: '520527' } });
    expect(set.json().UNSAFE_WATER).toEqual(['WATER_SAFETY', 'INFRASTRUCTURE']);
  });
});
