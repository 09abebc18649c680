import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import { insertTestHousehold, seedTestDivisions } from '../monitoring/testing.js';
import { addDaysUtc as addDays, evidenceFor } from '../cases/testing.js';
import type { MeasureView, PlanLookup, PlanView } from './contract.js';

const V1 = '520527101201';

describe('assistance API', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let cadre: TestSession;
  let township: TestSession;
  let reviewer: TestSession;
  const today = () => t.clock.now().toISOString().slice(0, 10);

  async function signIn() {
    cadre = await signInAs(t.app, t.deps, 'village_cadre', V1);
    township = await signInAs(t.app, t.deps, 'township_officer', '520527101');
    reviewer = await signInAs(t.app, t.deps, 'county_reviewer', '520527');
  }
  async function step(s: TestSession, id: number, action: string, version: number) {
    const r = await s.request({ method: 'POST', url: `/api/cases/${id}/transitions`, payload: { action, version, evidence: evidenceFor(action as never, today()) } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { id: number; version: number; status: string; householdId: number };
  }

  let caseId: number;
  let householdId: number;
  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-02T02:00:00Z' });
    await seedTestDivisions(t.deps.store);
    await signIn();
    const h = await insertTestHousehold(t.deps.store, { villageCode: V1, members: [{ name: '张一', laborSkill: 'ORDINARY' }, { name: '张二' }] });
    householdId = h.id;
    let c = (await cadre.request({ method: 'POST', url: '/api/cases', payload: { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'SELF_DECLARATION' } })).json();
    c = await step(cadre, c.id, 'assign', c.version);
    c = await step(cadre, c.id, 'submit_verification', c.version);
    c = await step(township, c.id, 'record_comparison', c.version);
    c = await step(cadre, c.id, 'record_review', c.version);
    t.clock.advanceDays(5);
    await signIn();
    c = await step(cadre, c.id, 'close_publicity', c.version);
    c = await step(township, c.id, 'township_pass', c.version);
    c = await step(reviewer, c.id, 'county_approve', c.version);
    expect(c.status).toBe('ANNOUNCED');
    c = await step(cadre, c.id, 'start_monitoring', c.version);
    expect(c.status).toBe('MONITORING');
    caseId = c.id;
  });
  afterAll(async () => t.close());

  it('answers "no plan yet" as data, then makes the plan with the measures the risks call for', async () => {
    const none = await cadre.request({ method: 'GET', url: `/api/assistance/plans?caseId=${caseId}` });
    expect(none.statusCode).toBe(200);
    expect((none.json() as PlanLookup).plan).toBeNull();

    const made = await cadre.request({ method: 'POST', url: '/api/assistance/plans', payload: { caseId, responsibleName: '王林' } });
    expect(made.statusCode).toBe(201);
    const plan = made.json() as PlanView;
    expect(plan).toMatchObject({ householdId, responsibleName: '王林', uncoveredRisks: ['ILLNESS'], measures: [], totalAmountFen: 0, effect: null });
    expect(plan.suggestions.map((s) => s.category)).toEqual(['HEALTH', 'COMPREHENSIVE_SECURITY', 'SOCIAL', 'EMPLOYMENT']);

    const found = await cadre.request({ method: 'GET', url: `/api/assistance/plans?householdId=${householdId}` });
    expect((found.json() as PlanLookup).plan).toMatchObject({ id: plan.id, caseId });
  });

  it('flags the plan overdue when no measure has started by the first-measure deadline', async () => {
    const plan = (await cadre.request({ method: 'GET', url: `/api/assistance/plans?caseId=${caseId}` })).json().plan as PlanView;
    expect(plan.firstMeasureDueOn).toBe(addDays(today(), 30)); // identified today; 30 days (data rule 1_11_010)
    expect(plan.firstMeasureOverdue).toBe(false);
    t.clock.advanceDays(31);
    await signIn();
    const late = (await cadre.request({ method: 'GET', url: `/api/assistance/plans?caseId=${caseId}` })).json().plan as PlanView;
    expect(late.firstMeasureOverdue).toBe(true);
  });

  it('adds, edits and carries out a measure: dates checked, versions checked, no edits once implemented', async () => {
    const plan = (await cadre.request({ method: 'GET', url: `/api/assistance/plans?caseId=${caseId}` })).json().plan as PlanView;
    const body = { category: 'HEALTH', description: '落实大病保险和医疗救助', responsibleName: '王林', amountFen: 1_200_000, startDate: today() };

    const backwards = await cadre.request({ method: 'POST', url: `/api/assistance/plans/${plan.id}/measures`, payload: { ...body, endDate: '2025-01-01' }, headers: { 'accept-language': 'en' } });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.details).toContainEqual(expect.objectContaining({ path: 'body.endDate' }));

    const added = await cadre.request({ method: 'POST', url: `/api/assistance/plans/${plan.id}/measures`, payload: body });
    expect(added.statusCode).toBe(201);
    const m = added.json() as MeasureView;
    expect(m).toMatchObject({ status: 'PLANNED', version: 1, amountFen: 1_200_000 });

    const edited = await cadre.request({ method: 'PUT', url: `/api/assistance/measures/${m.id}`, payload: { ...body, amountFen: 1_500_000, endDate: '2025-12-31', version: 1 } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ amountFen: 1_500_000, endDate: '2025-12-31', version: 2, status: 'PLANNED' });
    const stale = await cadre.request({ method: 'PUT', url: `/api/assistance/measures/${m.id}`, payload: { ...body, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'conflict',
      message: '数据已被他人修改或与现有记录冲突',
      details: [{ path: 'version', code: 'assistance.measure.stale_version', message: '措施已被他人修改（当前版本 2，您提交的是 1），请刷新后重试' }],
    });
    const staleEn = await cadre.request({ method: 'PUT', url: `/api/assistance/measures/${m.id}`, payload: { ...body, version: 1 }, headers: { 'accept-language': 'en' } });
    expect(staleEn.statusCode).toBe(409);
    expect(staleEn.json().error.details[0].message).toBe('The measure was changed by someone else (now version 2, you sent 1); reload and try again');

    const started = await cadre.request({ method: 'POST', url: `/api/assistance/measures/${m.id}/status`, payload: { status: 'IMPLEMENTING', version: 2 } });
    expect(started.json()).toMatchObject({ status: 'IMPLEMENTING', version: 3 });
    const future = await cadre.request({ method: 'POST', url: `/api/assistance/measures/${m.id}/status`, payload: { status: 'IMPLEMENTED', version: 3, on: '2030-01-01' } });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.details[0]).toMatchObject({ path: 'on' });
    const done = await cadre.request({ method: 'POST', url: `/api/assistance/measures/${m.id}/status`, payload: { status: 'IMPLEMENTED', version: 3 } });
    expect(done.json()).toMatchObject({ status: 'IMPLEMENTED', implementedOn: today(), version: 4 });
    const planNow = (await cadre.request({ method: 'GET', url: `/api/assistance/plans?caseId=${caseId}` })).json().plan as PlanView;
    expect(planNow.firstMeasureOverdue).toBe(false); // started (late, but no longer missing)

    const late = await cadre.request({ method: 'PUT', url: `/api/assistance/measures/${m.id}`, payload: { ...body, version: 4 } });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ code: 'rule_violation', details: [expect.objectContaining({ code: 'assistance.measure_implemented' })] });

    const readOnly = await reviewer.request({ method: 'PUT', url: `/api/assistance/measures/${m.id}`, payload: { ...body, version: 4 } });
    expect(readOnly.statusCode).toBe(403);

    const audit = await t.deps.store.db.selectFrom('audit_event').select(['action', 'before', 'after']).where('action', '=', 'assistance.measure.update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ amountFen: 1_200_000, endDate: null });
    expect(audit[0].after).toMatchObject({ amountFen: 1_500_000, endDate: '2025-12-31' });
  });

  it('records the effect, and the plan shows the covered risk and the total', async () => {
    const plan = (await cadre.request({ method: 'GET', url: `/api/assistance/plans?caseId=${caseId}` })).json().plan as PlanView;
    const res = await cadre.request({
      method: 'PUT',
      url: `/api/assistance/plans/${plan.id}/effect`,
      payload: { version: plan.version, incomeAfterPerCapitaFen: 980_000, guaranteesAfter: { foodClothingOk: true, housingSafe: true, compulsoryEducationOk: true, medicalInsuranceOk: true, waterSafe: true }, note: '收入恢复' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ uncoveredRisks: [], totalAmountFen: 1_500_000, effect: { incomeAfterPerCapitaFen: 980_000, note: '收入恢复', recordedOn: today() } });
  });

  it('refuses a mapping for a risk type that does not exist, in the reader’s language', async () => {
    const admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
    const put = (headers?: Record<string, string>) =>
      admin.request({ method: 'PUT', url: '/api/assistance/mapping/NO_SUCH_RISK', payload: { scopeCode: '520527', categories: ['EMPLOYMENT'] }, headers });
    const zh = await put();
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({
      code: 'invalid_input',
      message: '输入有误，请检查标出的字段',
      details: [{ path: 'risk', code: 'assistance.risk.unknown', message: '没有这种风险类型：NO_SUCH_RISK', value: 'NO_SUCH_RISK' }],
    });
    const en = await put({ 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.details[0].message).toBe('No such risk type: NO_SUCH_RISK');
  });
});
