import { describe, expect, it } from 'vitest';
import type { TransitionRequest } from '../contract.js';
import { evidenceFor } from '../testing.js';
import { emptyCalendar } from './calendar.js';
import { CASE_ACTIONS, EDGES, allowedActions, statusesWaitingFor } from './case-machine.js';
import { checkOpening, checkTransition, eliminationGuards, planTransition, type CaseParams, type CaseState, type TransitionContext } from './case-rules.js';
import { CASE_STATUS_CODES, type CaseStatus } from './enums.js';

const params: CaseParams = { checkWorkingDays: 2, identificationWorkingDays: 20, noticeMinDays: 5, noticeMaxDays: 7, minMonitoringMonths: 6, incomeStableMonths: 6, eliminationWorkingDays: 20, minCheckers: 2 };
const TODAY = '2025-09-15';
const STEP_ROLES = ['village_cadre', 'task_force', 'township_officer', 'county_reviewer', 'county_admin'];

const caseIn = (status: CaseStatus, over: Partial<CaseState> = {}): CaseState => ({
  id: 1, status, version: 3, villageCode: '520527101201', category: 'MARGINAL', risks: ['ILLNESS'], identifiedOn: '2025-01-10', eliminationType: 'BY_ASSISTANCE', dueOn: null, procedureDueOn: null, ...over,
});
const goodFacts = { householdType: 'GENERAL', hasLabour: true, latestIncome: { year: 2025, perCapitaNetFen: 1_200_000 }, guarantees: { foodClothingOk: true, housingUnsafe: false, dropoutChild: false, memberUninsured: false, waterUnsafe: false }, implementedMeasures: 1 };
const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({ today: TODAY, params, calendar: emptyCalendar, priorActors: [], objections: [], noticeEndDate: '2025-09-10', facts: goodFacts, thresholdFen: 810_000, ...over });
const actor = (role: string, userId = 7) => ({ userId, role, scopePrefix: '520527' });
const request = (action: TransitionRequest['action'], status: CaseStatus, extra: Record<string, unknown> = {}): TransitionRequest => {
  let evidence = evidenceFor(action, TODAY, extra);
  if (action === 'reject') {
    evidence = { reason: '不符合', ...(status === 'VERIFYING' ? { visit: evidenceFor('submit_verification', TODAY).visit } : {}), ...(status === 'COMPARING' ? { comparison: { date: TODAY, departments: ['公安'], result: 'HIDDEN_ASSETS_OR_INCOME' } } : {}), ...(status === 'VILLAGE_REVIEW' ? { minutes: { date: TODAY, attendees: 10, votesFor: 2, votesAgainst: 8, abstentions: 0, summary: '未通过' } } : {}), ...(status === 'PUBLICITY' ? { objectionId: 5 } : {}), ...(status === 'COUNTY_APPROVAL' ? { approval: { documentNo: 'X1', date: TODAY } } : {}) };
  }
  if (action === 'reinclude') evidence = { newRisks: ['ACCIDENT'], reason: '新风险', approval: { documentNo: 'X2', date: TODAY } };
  if (action === 'rollback') evidence = { reason: '收入不稳定', approval: { documentNo: 'X3', date: TODAY } };
  if (action === 'close') evidence = { reason: 'MOVED', explanation: '户籍迁出' };
  if (action === 'reject_elimination') evidence = { reason: '未达标' };
  return { action, version: 3, evidence } as TransitionRequest;
};

describe('checkTransition', () => {
  it('lets exactly the roles of each edge take it, with its evidence', () => {
    for (const e of EDGES) {
      for (const role of STEP_ROLES) {
        const c = caseIn(e.from, e.from === 'ELIMINATED' ? { eliminationType: 'BY_ASSISTANCE' } : {});
        const { refusals } = checkTransition(c, actor(role), request(e.action, e.from), ctx({ objections: e.action === 'reject' ? [{ id: 5, status: 'FOUNDED' }] : [] }));
        const allowed = (e.roles as readonly string[]).includes(role);
        if (allowed) expect({ edge: `${e.action} ${e.from} by ${role}`, refusals }).toEqual({ edge: `${e.action} ${e.from} by ${role}`, refusals: [] });
        else expect(refusals.map((r) => r.code)).toEqual(['case.wrong_role']);
      }
    }
  });

  it('refuses every action that does not leave the current status', () => {
    for (const status of CASE_STATUS_CODES) {
      for (const action of CASE_ACTIONS) {
        if (EDGES.some((e) => e.action === action && e.from === status)) continue;
        const { refusals } = checkTransition(caseIn(status), actor('county_admin'), request(action, status), ctx());
        expect(refusals.map((r) => r.code)).toEqual(['case.illegal_transition']);
      }
    }
  });

  it('refuses a stale version and a case outside the scope before anything else', () => {
    expect(checkTransition(caseIn('CLUE'), actor('village_cadre'), { ...request('assign', 'CLUE'), version: 2 }, ctx()).refusals[0].code).toBe('case.stale_version');
    expect(checkTransition(caseIn('CLUE'), { userId: 1, role: 'village_cadre', scopePrefix: '520527102' }, request('assign', 'CLUE'), ctx()).refusals[0].code).toBe('case.out_of_scope');
  });

  it('needs two different checkers on the home visit', () => {
    const req = request('submit_verification', 'VERIFYING') as Extract<TransitionRequest, { action: 'submit_verification' }>;
    req.evidence.visit.checkers = [{ name: '王' }, { name: '王' }];
    expect(checkTransition(caseIn('VERIFYING'), actor('village_cadre'), req, ctx()).refusals.map((r) => r.code)).toEqual(['case.too_few_checkers']);
  });

  it('checks the votes and the notice period of the village review', () => {
    const req = request('record_review', 'VILLAGE_REVIEW') as Extract<TransitionRequest, { action: 'record_review' }>;
    req.evidence.minutes = { ...req.evidence.minutes, votesFor: 5, votesAgainst: 6, attendees: 11 };
    req.evidence.notice = { ...req.evidence.notice, endDate: '2025-09-16' };
    expect(checkTransition(caseIn('VILLAGE_REVIEW'), actor('village_cadre'), req, ctx()).refusals.map((r) => r.code).sort()).toEqual(['case.notice_days', 'case.review_not_passed']);
  });

  it('keeps the notice open until its end and until objections are settled', () => {
    expect(checkTransition(caseIn('PUBLICITY'), actor('village_cadre'), request('close_publicity', 'PUBLICITY'), ctx({ noticeEndDate: TODAY })).refusals.map((r) => r.code)).toEqual(['case.notice_running']);
    expect(checkTransition(caseIn('PUBLICITY'), actor('village_cadre'), request('close_publicity', 'PUBLICITY'), ctx({ objections: [{ id: 1, status: 'PENDING' }] })).refusals.map((r) => r.code)).toEqual(['case.objections_pending']);
    expect(checkTransition(caseIn('PUBLICITY'), actor('village_cadre'), request('close_publicity', 'PUBLICITY'), ctx({ objections: [{ id: 1, status: 'FOUNDED' }] })).refusals.map((r) => r.code)).toEqual(['case.objection_founded']);
    expect(checkTransition(caseIn('PUBLICITY'), actor('village_cadre'), request('reject', 'PUBLICITY'), ctx({ objections: [{ id: 5, status: 'UNFOUNDED' }] })).refusals.map((r) => r.code)).toEqual(['case.founded_objection_needed']);
  });

  it('refuses approval by the person who proposed or reviewed the case', () => {
    for (const action of ['open', 'record_review', 'township_pass']) {
      const { refusals } = checkTransition(caseIn('COUNTY_APPROVAL'), actor('county_admin', 42), request('county_approve', 'COUNTY_APPROVAL'), ctx({ priorActors: [{ action, actorId: 42 }] }));
      expect(refusals.map((r) => r.code)).toEqual(['case.four_eyes']);
    }
    expect(checkTransition(caseIn('COUNTY_APPROVAL'), actor('county_admin', 43), request('county_approve', 'COUNTY_APPROVAL'), ctx({ priorActors: [{ action: 'open', actorId: 42 }] })).refusals).toEqual([]);
    expect(checkTransition(caseIn('ELIM_COUNTY'), actor('county_reviewer', 9), request('approve_elimination', 'ELIM_COUNTY'), ctx({ priorActors: [{ action: 'propose_elimination', actorId: 9 }] })).refusals.map((r) => r.code)).toEqual(['case.four_eyes']);
  });
});

describe('eliminationGuards', () => {
  const codes = (c: CaseState, type: 'BY_ASSISTANCE' | 'NATURAL', over: Partial<TransitionContext> = {}) => eliminationGuards(c, type, ctx(over)).map((r) => r.code).sort();

  it('allows a household monitored six months with a measure, income above the line and guarantees secured', () => {
    expect(codes(caseIn('MONITORING', { identifiedOn: '2025-03-15' }), 'BY_ASSISTANCE')).toEqual([]);
  });
  it('refuses before six months under monitoring', () => {
    expect(codes(caseIn('MONITORING', { identifiedOn: '2025-03-16' }), 'BY_ASSISTANCE')).toEqual(['case.elim_too_early']);
  });
  it('refuses without an implemented measure, with income at the threshold, or with a guarantee problem', () => {
    const c = caseIn('MONITORING');
    expect(codes(c, 'BY_ASSISTANCE', { facts: { ...goodFacts, implementedMeasures: 0 } })).toEqual(['case.elim_no_measure']);
    expect(codes(c, 'BY_ASSISTANCE', { facts: { ...goodFacts, latestIncome: { year: 2025, perCapitaNetFen: 810_000 } } })).toEqual(['case.elim_income_below']);
    expect(codes(c, 'BY_ASSISTANCE', { facts: { ...goodFacts, guarantees: { ...goodFacts.guarantees, waterUnsafe: true } } })).toEqual(['case.elim_guarantees']);
    expect(codes(c, 'BY_ASSISTANCE', { thresholdFen: null })).toEqual(['case.elim_no_threshold']);
  });
  it('does not eliminate a household without labour on income alone', () => {
    expect(codes(caseIn('MONITORING'), 'BY_ASSISTANCE', { facts: { ...goodFacts, hasLabour: false } })).toEqual(['case.elim_no_labour']);
    expect(codes(caseIn('MONITORING'), 'NATURAL', { facts: { ...goodFacts, hasLabour: false } })).toEqual([]);
  });
  it('refuses a proposal whose income has been stable for less than six months', () => {
    const req = request('propose_elimination', 'MONITORING', { incomeStableSince: '2025-05-01' });
    expect(checkTransition(caseIn('MONITORING'), actor('village_cadre'), req, ctx()).refusals.map((r) => r.code)).toEqual(['case.elim_income_not_stable']);
  });
});

describe('planTransition', () => {
  it('sets the identification date on entering monitoring and appends new risks on re-inclusion', () => {
    const e = EDGES.find((x) => x.action === 'start_monitoring')!;
    expect(planTransition(caseIn('ANNOUNCED', { identifiedOn: null }), e, request('start_monitoring', 'ANNOUNCED'), ctx())).toMatchObject({ status: 'MONITORING', identifiedOn: TODAY, dueOn: null });
    const r = EDGES.find((x) => x.action === 'reinclude')!;
    expect(planTransition(caseIn('ELIMINATED'), r, request('reinclude', 'ELIMINATED'), ctx())).toMatchObject({ status: 'MONITORING', risks: ['ILLNESS', 'ACCIDENT'], identifiedOn: TODAY, eliminatedOn: null });
  });
  it('opens a publicity notice with the review and an announcement with county approval', () => {
    const rv = EDGES.find((x) => x.action === 'record_review')!;
    expect(planTransition(caseIn('VILLAGE_REVIEW'), rv, request('record_review', 'VILLAGE_REVIEW'), ctx()).notice).toMatchObject({ kind: 'PUBLICITY', procedure: 'IDENTIFICATION', startDate: TODAY, endDate: '2025-09-19' });
    const ap = EDGES.find((x) => x.action === 'approve_elimination')!;
    expect(planTransition(caseIn('ELIM_COUNTY'), ap, request('approve_elimination', 'ELIM_COUNTY'), ctx()).notice).toMatchObject({ kind: 'ANNOUNCEMENT', procedure: 'ELIMINATION', documentNo: '县乡振〔2025〕12号' });
  });
});

describe('checkOpening', () => {
  it('keeps the category consistent with the household type and 1..5 distinct risks', () => {
    expect(checkOpening({ category: 'UNSTABLE_EXITED', risks: ['ILLNESS'] }, 'GENERAL').map((r) => r.code)).toEqual(['case.category_mismatch']);
    expect(checkOpening({ category: 'MARGINAL', risks: ['ILLNESS'] }, 'POVERTY_EXITED').map((r) => r.code)).toEqual(['case.category_mismatch']);
    expect(checkOpening({ category: 'SUDDEN_HARDSHIP', risks: ['ILLNESS'] }, 'POVERTY_EXITED')).toEqual([]);
    expect(checkOpening({ category: 'MARGINAL', risks: ['ILLNESS', 'ILLNESS'] }, 'GENERAL').map((r) => r.code)).toEqual(['case.duplicate_risk']);
    expect(checkOpening({ category: 'MARGINAL', risks: ['NATURAL_DISASTER'] }, 'GENERAL').map((r) => r.code)).toEqual(['case.disaster_subtype_missing']);
  });
});

describe('allowedActions', () => {
  it('gives each role its own steps and queues', () => {
    expect(allowedActions('COUNTY_APPROVAL', 'county_reviewer').sort()).toEqual(['close', 'county_approve', 'reject']);
    expect(allowedActions('COUNTY_APPROVAL', 'village_cadre')).toEqual([]);
    expect(statusesWaitingFor('township_officer')).toEqual(expect.arrayContaining(['TOWNSHIP_REVIEW', 'ELIM_TOWNSHIP', 'COMPARING']));
    expect(statusesWaitingFor('county_reviewer')).not.toContain('VILLAGE_REVIEW');
  });
});
