import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../platform/clock.js';
import { ConfigSchema } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import type { Actor } from '../../access/index.js';
import { insertTestHousehold, seedTestDivisions } from '../../monitoring/testing.js';
import { addMeasure, createPlan, setMeasureStatus } from '../../assistance/index.js';
import type { TransitionRequest } from '../contract.js';
import { evidenceFor } from '../testing.js';
import { openCase } from './open-case.js';
import { transitionCase } from './transition-case.js';
import { getCasePage } from './get-case-page.js';
import { workQueue } from './list-cases.js';
import { caseDashboard } from './dashboard.js';
import { getNoticeDocument, recordObjection, resolveObjection } from './notices.js';
import { renderNoticeHtml } from '../domain/notice-html.js';

const V1 = '520527101201';
const V2 = '520527101202';
const cadre: Actor = { userId: 11, name: '王村干', role: 'village_cadre', scopePrefix: V1 };
const taskForce: Actor = { userId: 12, name: '李队员', role: 'task_force', scopePrefix: V1 };
const otherCadre: Actor = { userId: 13, name: '赵村干', role: 'village_cadre', scopePrefix: V2 };
const township: Actor = { userId: 21, name: '钱乡干', role: 'township_officer', scopePrefix: '520527101' };
const reviewer: Actor = { userId: 31, name: '孙审核', role: 'county_reviewer', scopePrefix: '520527' };
const admin: Actor = { userId: 32, name: '周管理', role: 'county_admin', scopePrefix: '520527' };

describe('case procedure', () => {
  let deps: Deps;
  let clock: FixedClock;
  const today = () => clock.now().toISOString().slice(0, 10);
  const step = async (actor: Actor, id: number, action: TransitionRequest['action'], version: number, extra: Record<string, unknown> = {}) =>
    transitionCase(deps, actor, id, { action, version, evidence: { ...evidenceFor(action, today()), ...extra } } as TransitionRequest);

  beforeAll(async () => {
    const store = await openTestStore();
    await seedTestDivisions(store);
    clock = new FixedClock('2025-03-03T02:00:00Z');
    deps = { store, clock, config: ConfigSchema.parse({ LOG_LEVEL: 'silent' }) };
  });
  afterAll(async () => deps.store.close());

  /** Runs a fresh case up to MONITORING; returns its id and version. */
  async function identify(householdId: number, opener: Actor = cadre) {
    let c = await openCase(deps, opener, { householdId, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'CADRE_SCREENING', assistFirst: false });
    c = await step(cadre, c.id, 'assign', c.version);
    c = await step(cadre, c.id, 'submit_verification', c.version);
    c = await step(township, c.id, 'record_comparison', c.version);
    c = await step(taskForce, c.id, 'record_review', c.version);
    clock.advanceDays(5);
    c = await step(cadre, c.id, 'close_publicity', c.version);
    c = await step(township, c.id, 'township_pass', c.version);
    c = await step(reviewer, c.id, 'county_approve', c.version);
    c = await step(township, c.id, 'start_monitoring', c.version);
    return c;
  }

  it('runs a household from clue to elimination over months, then rolls the elimination back', async () => {
    clock.set('2025-03-03T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1, members: [{ name: '张三明' }, { name: '李四' }], incomes: [{ year: 2025, wageFen: 3_000_000 }] });
    const opened = await openCase(deps, cadre, { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'CADRE_SCREENING', assistFirst: false });
    expect(opened).toMatchObject({ status: 'CLUE', version: 1, dueOn: '2025-03-05', procedureDueOn: '2025-03-31', headName: '张三明' });

    let c = await step(cadre, opened.id, 'assign', 1);
    c = await step(cadre, c.id, 'submit_verification', c.version);
    c = await step(township, c.id, 'record_comparison', c.version);
    c = await step(taskForce, c.id, 'record_review', c.version);
    expect(c.status).toBe('PUBLICITY');
    await expect(step(cadre, c.id, 'close_publicity', c.version)).rejects.toMatchObject({ code: 'rule_violation', details: [expect.objectContaining({ code: 'case.notice_running' })] });

    const page = await getCasePage(deps, cadre, c.id);
    const notice = page.notices.find((n) => n.kind === 'PUBLICITY')!;
    const doc = await getNoticeDocument(deps, cadre, notice.id);
    expect(doc.lines).toEqual([expect.objectContaining({ maskedName: '张*明', householdSize: 2, category: 'MARGINAL' })]);
    const html = renderNoticeHtml(doc);
    expect(html).toContain('张*明');
    expect(html).not.toContain('张三明');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/\d{17}[\dX]/);

    clock.advanceDays(5);
    c = await step(cadre, c.id, 'close_publicity', c.version);
    c = await step(township, c.id, 'township_pass', c.version);
    c = await step(reviewer, c.id, 'county_approve', c.version);
    expect(c.status).toBe('ANNOUNCED');
    c = await step(township, c.id, 'start_monitoring', c.version);
    expect(c).toMatchObject({ status: 'MONITORING', identifiedOn: '2025-03-08', dueOn: null });

    const plan = await createPlan(deps, cadre, { caseId: c.id, responsibleName: '王村干' });
    expect(plan.suggestions.map((s) => s.category)).toEqual(expect.arrayContaining(['HEALTH']));
    const m = await addMeasure(deps, cadre, plan.id, { category: 'HEALTH', description: '大病专项救治', responsibleName: '王村干', amountFen: 200_000, startDate: today() });

    clock.advanceDays(90);
    await expect(step(cadre, c.id, 'propose_elimination', c.version)).rejects.toMatchObject({ code: 'rule_violation' });
    const refused = await step(cadre, c.id, 'propose_elimination', c.version).catch((e) => e);
    expect(refused.details.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['case.elim_too_early', 'case.elim_no_measure']));

    const started = await setMeasureStatus(deps, cadre, m.id, { status: 'IMPLEMENTING', version: m.version });
    await setMeasureStatus(deps, cadre, m.id, { status: 'IMPLEMENTED', version: started.version });
    clock.advanceDays(95); // 2025-09-10: more than six months after 2025-03-08
    c = await step(cadre, c.id, 'propose_elimination', c.version, { incomeStableSince: '2025-03-01' });
    expect(c.status).toBe('ELIM_PROPOSED');
    c = await step(cadre, c.id, 'assign_elim_verification', c.version);
    c = await step(taskForce, c.id, 'submit_elim_verification', c.version);
    c = await step(cadre, c.id, 'record_elim_review', c.version);
    clock.advanceDays(5);
    c = await step(cadre, c.id, 'close_elim_publicity', c.version);
    c = await step(township, c.id, 'elim_township_pass', c.version);
    c = await step(admin, c.id, 'approve_elimination', c.version);
    expect(c).toMatchObject({ status: 'ELIMINATED', eliminationType: 'BY_ASSISTANCE', eliminatedOn: today() });

    c = await transitionCase(deps, reviewer, c.id, { action: 'rollback', version: c.version, evidence: { reason: '收入不稳定', approval: { documentNo: '县乡振〔2025〕40号', date: today() } } });
    expect(c).toMatchObject({ status: 'MONITORING', eliminatedOn: null, identifiedOn: '2025-03-08' });

    const full = await getCasePage(deps, reviewer, c.id);
    expect(full.timeline.map((e) => e.action)).toEqual([
      'open', 'assign', 'submit_verification', 'record_comparison', 'record_review', 'close_publicity', 'township_pass', 'county_approve', 'start_monitoring',
      'propose_elimination', 'assign_elim_verification', 'submit_elim_verification', 'record_elim_review', 'close_elim_publicity', 'elim_township_pass', 'approve_elimination', 'rollback',
    ]);
    expect(full.timeline[2].evidence).toMatchObject({ visit: { checkers: [{ name: '王村干' }, { name: '李驻村' }] } });
    expect(full.notices.map((n) => `${n.kind}/${n.procedure}`)).toEqual(['PUBLICITY/IDENTIFICATION', 'ANNOUNCEMENT/IDENTIFICATION', 'PUBLICITY/ELIMINATION', 'ANNOUNCEMENT/ELIMINATION']);
    const audit = await deps.store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'monitoring_case').where('entity_id', '=', String(c.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.open', 'case.approve_elimination', 'case.rollback', 'case.refused.close_publicity', 'case.refused.propose_elimination']));
  });

  it('refuses approval by the county user who opened the case and lets a colleague approve', async () => {
    clock.set('2025-04-01T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1 });
    let c = await openCase(deps, admin, { householdId: h.id, category: 'MARGINAL', risks: ['UNSTABLE_EMPLOYMENT'], channel: 'DEPT_WARNING', assistFirst: false });
    for (const [who, action] of [[cadre, 'assign'], [cadre, 'submit_verification'], [township, 'record_comparison'], [cadre, 'record_review']] as const) c = await step(who, c.id, action, c.version);
    clock.advanceDays(5);
    c = await step(cadre, c.id, 'close_publicity', c.version);
    c = await step(township, c.id, 'township_pass', c.version);
    await expect(step(admin, c.id, 'county_approve', c.version)).rejects.toMatchObject({ code: 'rule_violation', details: [expect.objectContaining({ code: 'case.four_eyes' })] });
    c = await step(reviewer, c.id, 'county_approve', c.version);
    expect(c.status).toBe('ANNOUNCED');
  });

  it('rejects a household at village review with the minutes of a failed vote', async () => {
    clock.set('2025-04-07T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1 });
    let c = await openCase(deps, cadre, { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'SELF_DECLARATION', assistFirst: false });
    c = await step(cadre, c.id, 'assign', c.version);
    c = await step(cadre, c.id, 'submit_verification', c.version);
    c = await step(township, c.id, 'record_comparison', c.version);
    const failed = { date: today(), attendees: 12, votesFor: 3, votesAgainst: 9, abstentions: 0, summary: '多数代表认为收入稳定' };
    await expect(step(cadre, c.id, 'record_review', c.version, { minutes: failed })).rejects.toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ code: 'case.review_not_passed' })] });
    await expect(step(cadre, c.id, 'reject', c.version, { reason: '评议未通过' })).rejects.toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ code: 'case.evidence_missing' })] });
    c = await step(cadre, c.id, 'reject', c.version, { reason: '评议未通过', minutes: failed });
    expect(c).toMatchObject({ status: 'REJECTED', dueOn: null });
    await expect(step(cadre, c.id, 'record_review', c.version)).rejects.toMatchObject({ code: 'rule_violation', details: [expect.objectContaining({ code: 'case.illegal_transition' })] });
    // A rejected household can be opened again later.
    const again = await openCase(deps, cadre, { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'CADRE_SCREENING', assistFirst: false });
    expect(again.status).toBe('CLUE');
  });

  it('refuses wrong roles, other scopes, out-of-order steps, missing evidence and a second open case', async () => {
    clock.set('2025-04-08T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1 });
    const c = await openCase(deps, cadre, { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'CADRE_SCREENING', assistFirst: false });
    await expect(step(reviewer, c.id, 'assign', 1)).rejects.toMatchObject({ code: 'forbidden', details: [expect.objectContaining({ code: 'case.wrong_role' })] });
    await expect(step(otherCadre, c.id, 'assign', 1)).rejects.toMatchObject({ code: 'not_found' });
    await expect(step(reviewer, c.id, 'county_approve', 1)).rejects.toMatchObject({ code: 'rule_violation', details: [expect.objectContaining({ code: 'case.illegal_transition' })] });
    const v2 = await step(cadre, c.id, 'assign', 1);
    await expect(step(cadre, c.id, 'submit_verification', v2.version, { visit: { date: today(), checkers: [{ name: '王' }, { name: '王' }], findings: 'x' } })).rejects.toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ code: 'case.too_few_checkers', path: 'evidence.visit.checkers' })] });
    await expect(transitionCase(deps, cadre, c.id, { action: 'submit_verification', version: v2.version, evidence: { visit: evidenceFor('submit_verification', today()).visit } } as never)).rejects.toThrow(/authorisation/);
    await expect(openCase(deps, cadre, { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'CADRE_SCREENING', assistFirst: false })).rejects.toMatchObject({ code: 'conflict' });
    await expect(openCase(deps, cadre, { householdId: h.id, category: 'UNSTABLE_EXITED', risks: ['ILLNESS'], channel: 'CADRE_SCREENING', assistFirst: false })).rejects.toMatchObject({ code: 'rule_violation', details: [expect.objectContaining({ code: 'case.category_mismatch' })] });
    const refusals = await deps.store.db.selectFrom('audit_event').select(['action', 'actor_name', 'reason']).where('action', 'like', 'case.refused.%').where('entity_id', '=', String(c.id)).execute();
    // The reason is stored in Chinese, the system's default language.
    for (const r of refusals) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(refusals.map(({ action, actor_name }) => ({ action, actor_name }))).toEqual(expect.arrayContaining([{ action: 'case.refused.assign', actor_name: '孙审核' }, { action: 'case.refused.assign', actor_name: '赵村干' }, { action: 'case.refused.county_approve', actor_name: '孙审核' }]));
  });

  it('lets exactly one of two concurrent steps on the same version win and refuses the stale one', async () => {
    clock.set('2025-04-09T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1 });
    const c = await openCase(deps, cadre, { householdId: h.id, category: 'MARGINAL', risks: ['ILLNESS'], channel: 'CADRE_SCREENING', assistFirst: false });
    const results = await Promise.allSettled([step(cadre, c.id, 'assign', 1), step(taskForce, c.id, 'assign', 1), step(township, c.id, 'assign', 1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(losers).toHaveLength(2);
    for (const l of losers) expect(l.reason).toMatchObject({ code: 'conflict' });
    const page = await getCasePage(deps, cadre, c.id);
    expect(page.case).toMatchObject({ status: 'VERIFYING', version: 2 });
    expect(page.timeline.filter((e) => e.action === 'assign')).toHaveLength(1);
  });

  it('does not eliminate a household without labour on income alone', async () => {
    clock.set('2025-01-06T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1, members: [{ laborSkill: 'NONE', birthDate: '1940-01-01' }], incomes: [{ year: 2025, transferFen: 2_000_000 }] });
    let c = await identify(h.id);
    const plan = await createPlan(deps, cadre, { caseId: c.id, responsibleName: '王村干' });
    expect(plan.suggestions.map((s) => s.category)).toContain('COMPREHENSIVE_SECURITY');
    const m = await addMeasure(deps, cadre, plan.id, { category: 'COMPREHENSIVE_SECURITY', description: '纳入低保', responsibleName: '王村干', amountFen: 0, startDate: today() });
    const s1 = await setMeasureStatus(deps, cadre, m.id, { status: 'IMPLEMENTING', version: 1 });
    await setMeasureStatus(deps, cadre, m.id, { status: 'IMPLEMENTED', version: s1.version });
    clock.advanceDays(200);
    const refused = await step(cadre, c.id, 'propose_elimination', c.version, { incomeStableSince: '2025-01-01' }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'rule_violation' });
    expect(refused.details.map((d: { code: string }) => d.code)).toEqual(['case.elim_no_labour']);
    c = (await getCasePage(deps, cadre, c.id)).case;
    expect(c.status).toBe('MONITORING');
  });

  it('records an objection during the notice, and a founded objection leads to rejection', async () => {
    clock.set('2025-05-05T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1 });
    let c = await openCase(deps, cadre, { householdId: h.id, category: 'MARGINAL', risks: ['ACCIDENT'], channel: 'CADRE_SCREENING', assistFirst: false });
    for (const [who, action] of [[cadre, 'assign'], [cadre, 'submit_verification'], [township, 'record_comparison'], [cadre, 'record_review']] as const) c = await step(who, c.id, action, c.version);
    const noticeId = (await getCasePage(deps, cadre, c.id)).notices[0].id;
    clock.advanceDays(2);
    const o = await recordObjection(deps, cadre, noticeId, { caseId: c.id, receivedOn: today(), objector: '村民甲', content: '该户有家用轿车' });
    clock.advanceDays(4);
    await expect(step(cadre, c.id, 'close_publicity', c.version)).rejects.toMatchObject({ details: [expect.objectContaining({ code: 'case.objections_pending' })] });
    await resolveObjection(deps, township, o.id, { finding: 'FOUNDED', resolution: '核实属实，车辆登记在户主名下' });
    c = await step(cadre, c.id, 'reject', c.version, { reason: '异议成立', objectionId: o.id });
    expect(c.status).toBe('REJECTED');
  });

  it('re-includes an eliminated household with new risks and shows queues and dashboards', async () => {
    clock.set('2025-01-06T02:00:00Z');
    const h = await insertTestHousehold(deps.store, { villageCode: V1, incomes: [{ year: 2025, wageFen: 5_000_000 }] });
    let c = await identify(h.id);
    const plan = await createPlan(deps, cadre, { caseId: c.id, responsibleName: '王村干' });
    const m = await addMeasure(deps, cadre, plan.id, { category: 'EMPLOYMENT', description: '转移就业', responsibleName: '王村干', startDate: today() });
    const s1 = await setMeasureStatus(deps, cadre, m.id, { status: 'IMPLEMENTING', version: 1 });
    await setMeasureStatus(deps, cadre, m.id, { status: 'IMPLEMENTED', version: s1.version });
    clock.advanceDays(190);
    c = await step(cadre, c.id, 'propose_elimination', c.version, { incomeStableSince: '2025-01-01' });

    const queue = await workQueue(deps, cadre);
    expect(queue.items.map((i) => i.id)).toContain(c.id);
    const overdueFirst = queue.items.findIndex((i) => !i.overdue);
    expect(queue.items.slice(0, overdueFirst === -1 ? queue.items.length : overdueFirst).every((i) => i.overdue)).toBe(true);
    expect((await workQueue(deps, reviewer)).items.map((i) => i.id)).not.toContain(c.id);

    for (const [who, action] of [[cadre, 'assign_elim_verification'], [cadre, 'submit_elim_verification'], [cadre, 'record_elim_review']] as const) c = await step(who, c.id, action, c.version);
    clock.advanceDays(5);
    c = await step(cadre, c.id, 'close_elim_publicity', c.version);
    c = await step(township, c.id, 'elim_township_pass', c.version);
    c = await step(reviewer, c.id, 'approve_elimination', c.version);
    await expect(transitionCase(deps, reviewer, c.id, { action: 'reinclude', version: c.version, evidence: { newRisks: ['ILLNESS'], reason: 'x', approval: { documentNo: 'D', date: today() } } })).rejects.toMatchObject({ details: [expect.objectContaining({ code: 'case.reinclude_no_new_risk' })] });
    c = await transitionCase(deps, reviewer, c.id, { action: 'reinclude', version: c.version, evidence: { newRisks: ['NATURAL_DISASTER'], reason: '洪灾房屋受损', approval: { documentNo: '县乡振〔2025〕77号', date: today() } } });
    expect(c).toMatchObject({ status: 'MONITORING', risks: ['ILLNESS', 'NATURAL_DISASTER'], identifiedOn: today() });

    const dash = await caseDashboard(deps, { ...reviewer, role: 'analyst' } as Actor);
    expect(dash.monitored).toBeGreaterThanOrEqual(2);
    expect(dash.byRisk.NATURAL_DISASTER).toBe(1);
    expect(dash.byDivision.map((d) => d.code)).toEqual(['520527101']);
    expect(dash.trend.reduce((a, t) => a + t.eliminated, 0)).toBeGreaterThanOrEqual(1);
  });
});
