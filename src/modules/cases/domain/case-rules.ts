/**
 * Guards of the case procedure: may this actor take this action on this case today, with this
 * evidence, given these facts? Returns the reasons for a refusal as data (each with a message key),
 * and the patch a permitted transition makes. Pure: time, parameters and facts come in as arguments.
 */
import type { TransitionRequest, Evidence } from '../contract.js';
import { addWorkingDays, daysBetween, monthsBetween, monthOf, addDays, type WorkCalendar } from './calendar.js';
import { findEdge, type CaseAction, type Edge } from './case-machine.js';
import { CATEGORY_HOUSEHOLD_TYPES, MAX_RISKS, type CaseStatus, type EliminationType, type MonitoringCategory, type RiskType } from './enums.js';

export interface CaseState {
  id: number;
  status: CaseStatus;
  version: number;
  villageCode: string;
  category: MonitoringCategory;
  risks: RiskType[];
  identifiedOn: string | null;
  eliminationType: EliminationType | null;
  dueOn: string | null;
  procedureDueOn: string | null;
}

export interface StepActor {
  userId: number | null;
  role: string;
  scopePrefix: string;
}

/** Time limits and elimination settings (dated parameters, see cases/params.ts). */
export interface CaseParams {
  checkWorkingDays: number;
  identificationWorkingDays: number;
  noticeMinDays: number;
  noticeMaxDays: number;
  minMonitoringMonths: number;
  incomeStableMonths: number;
  eliminationWorkingDays: number;
  minCheckers: number;
}

export interface GuaranteeFacts {
  foodClothingOk: boolean;
  housingUnsafe: boolean;
  dropoutChild: boolean;
  memberUninsured: boolean;
  waterUnsafe: boolean;
}

/** What the registry and the assistance plan say about the household, for elimination guards. */
export interface HouseholdFacts {
  householdType: string;
  hasLabour: boolean;
  latestIncome: { year: number; perCapitaNetFen: number } | null;
  guarantees: GuaranteeFacts | null;
  implementedMeasures: number;
}

export interface TransitionContext {
  today: string;
  params: CaseParams;
  calendar: WorkCalendar;
  /** Needed by elimination proposals and approvals. */
  facts?: HouseholdFacts;
  /** Monitoring threshold (fen per person per year) for the province on `today`. */
  thresholdFen?: number | null;
  /** Who did the steps that the four-eyes rule excludes from approving. */
  priorActors: { action: string; actorId: number | null }[];
  /** Objections on the case's current notice. */
  objections: { id: number; status: 'PENDING' | 'FOUNDED' | 'UNFOUNDED' }[];
  /** End date of the case's current public notice. */
  noticeEndDate: string | null;
}

export type RefusalKind = 'forbidden' | 'illegal' | 'invalid' | 'rule';
export interface Refusal {
  kind: RefusalKind;
  code: string;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}

const refuse = (kind: RefusalKind, code: string, path: string, message: string, params?: Record<string, unknown>): Refusal => ({ kind, code, path, message, params });

/** Whose earlier steps bar a person from the approving step (four eyes). */
export const FOUR_EYES: Partial<Record<CaseAction, readonly string[]>> = {
  county_approve: ['open', 'record_review', 'township_pass'],
  approve_elimination: ['propose_elimination', 'record_elim_review', 'elim_township_pass'],
};

export interface TransitionCheck {
  edge: Edge | null;
  refusals: Refusal[];
}

/** All reasons this transition may not happen (empty = allowed). Checks in the order: scope, version, edge, role, evidence, guards. */
export function checkTransition(c: CaseState, actor: StepActor, req: TransitionRequest, ctx: TransitionContext): TransitionCheck {
  if (!c.villageCode.startsWith(actor.scopePrefix)) return { edge: null, refusals: [refuse('forbidden', 'case.out_of_scope', 'caseId', 'the case is outside your scope')] };
  if (req.version !== c.version) {
    return { edge: null, refusals: [refuse('illegal', 'case.stale_version', 'version', `the case is at version ${c.version}, not ${req.version}`, { current: c.version, sent: req.version })] };
  }
  const edge = findEdge(req.action, c.status);
  if (!edge) {
    return { edge: null, refusals: [refuse('rule', 'case.illegal_transition', 'action', `action ${req.action} is not possible in status ${c.status}`, { action: req.action, status: c.status })] };
  }
  if (!(edge.roles as readonly string[]).includes(actor.role)) {
    return { edge, refusals: [refuse('forbidden', 'case.wrong_role', 'action', `role ${actor.role} may not ${req.action} (needs ${edge.roles.join(' or ')})`, { role: actor.role, action: req.action, roles: edge.roles.join(', ') })] };
  }
  const refusals = [...checkEvidence(c, req, ctx), ...checkGuards(c, actor, req, ctx)];
  return { edge, refusals };
}

function notFuture(date: string, path: string, today: string): Refusal[] {
  return date > today ? [refuse('invalid', 'case.date_in_future', path, `${date} is after today (${today})`, { date, today })] : [];
}

function checkVisit(v: Evidence<'submit_verification'>['visit'], path: string, ctx: TransitionContext): Refusal[] {
  const out = notFuture(v.date, `${path}.date`, ctx.today);
  const names = new Set(v.checkers.map((x) => x.name));
  if (names.size < ctx.params.minCheckers) out.push(refuse('invalid', 'case.too_few_checkers', `${path}.checkers`, `a home check needs at least ${ctx.params.minCheckers} different checkers`, { min: ctx.params.minCheckers }));
  return out;
}

const votesPassed = (m: Evidence<'record_review'>['minutes']) => m.votesFor * 2 > m.attendees;

function checkMinutes(m: Evidence<'record_review'>['minutes'], path: string, ctx: TransitionContext): Refusal[] {
  const out = notFuture(m.date, `${path}.date`, ctx.today);
  if (m.votesFor + m.votesAgainst + m.abstentions > m.attendees) {
    out.push(refuse('invalid', 'case.votes_exceed_attendees', `${path}.votesFor`, 'more votes than attendees', { attendees: m.attendees }));
  }
  return out;
}

function checkNotice(n: Evidence<'record_review'>['notice'], minutesDate: string, path: string, ctx: TransitionContext): Refusal[] {
  const out: Refusal[] = [];
  if (n.startDate < minutesDate) out.push(refuse('invalid', 'case.notice_before_review', `${path}.startDate`, 'the notice cannot start before the review meeting'));
  const days = daysBetween(n.startDate, n.endDate) + 1;
  const { noticeMinDays: min, noticeMaxDays: max } = ctx.params;
  if (days < min || days > max) out.push(refuse('invalid', 'case.notice_days', `${path}.endDate`, `a notice runs ${min}–${max} days, this one ${days}`, { min, max, days }));
  return out;
}

function checkEvidence(c: CaseState, req: TransitionRequest, ctx: TransitionContext): Refusal[] {
  const today = ctx.today;
  switch (req.action) {
    case 'submit_verification':
      return [...checkVisit(req.evidence.visit, 'evidence.visit', ctx), ...notFuture(req.evidence.authorisation.signedOn, 'evidence.authorisation.signedOn', today)];
    case 'submit_elim_verification':
      return checkVisit(req.evidence.visit, 'evidence.visit', ctx);
    case 'record_comparison': {
      const out = notFuture(req.evidence.comparison.date, 'evidence.comparison.date', today);
      if (req.evidence.comparison.result !== 'CLEAR') out.push(refuse('invalid', 'case.comparison_not_clear', 'evidence.comparison.result', 'the comparison found hidden assets or income: reject the case instead'));
      return out;
    }
    case 'record_review':
    case 'record_elim_review': {
      const { minutes, notice } = req.evidence;
      const out = [...checkMinutes(minutes, 'evidence.minutes', ctx), ...checkNotice(notice, minutes.date, 'evidence.notice', ctx)];
      if (!votesPassed(minutes)) out.push(refuse('invalid', 'case.review_not_passed', 'evidence.minutes.votesFor', 'the votes do not pass the review (more than half of the attendees): reject instead', { votesFor: minutes.votesFor, attendees: minutes.attendees }));
      return out;
    }
    case 'township_pass':
    case 'elim_township_pass':
      return notFuture(req.evidence.review.date, 'evidence.review.date', today);
    case 'county_approve':
    case 'approve_elimination':
    case 'rollback':
      return notFuture(req.evidence.approval.date, 'evidence.approval.date', today);
    case 'reinclude': {
      const out = notFuture(req.evidence.approval.date, 'evidence.approval.date', today);
      const added = req.evidence.newRisks.filter((r) => !c.risks.includes(r));
      if (added.length === 0) out.push(refuse('invalid', 'case.reinclude_no_new_risk', 'evidence.newRisks', 're-inclusion needs at least one new risk'));
      if (new Set([...c.risks, ...added]).size > MAX_RISKS) out.push(refuse('invalid', 'case.too_many_risks', 'evidence.newRisks', `a household carries at most ${MAX_RISKS} risks`, { max: MAX_RISKS }));
      return out;
    }
    case 'start_monitoring':
      return notFuture(req.evidence.enteredOn, 'evidence.enteredOn', today);
    case 'reject':
      return checkRejectEvidence(c, req.evidence, ctx);
    case 'propose_elimination': {
      const out = notFuture(req.evidence.incomeStableSince, 'evidence.incomeStableSince', today);
      if (req.evidence.eliminationType === 'NATURAL' && !req.evidence.naturalReason) {
        out.push(refuse('invalid', 'case.natural_reason_missing', 'evidence.naturalReason', 'a natural elimination needs the reason the risk disappeared'));
      }
      return out;
    }
    default:
      return [];
  }
}

function checkRejectEvidence(c: CaseState, e: Evidence<'reject'>, ctx: TransitionContext): Refusal[] {
  switch (c.status) {
    case 'VERIFYING':
      return e.visit ? checkVisit(e.visit, 'evidence.visit', ctx) : [refuse('invalid', 'case.evidence_missing', 'evidence.visit', 'a rejection after the home check needs the visit record', { item: 'visit' })];
    case 'COMPARING':
      if (!e.comparison) return [refuse('invalid', 'case.evidence_missing', 'evidence.comparison', 'a rejection after comparison needs the comparison result', { item: 'comparison' })];
      return e.comparison.result === 'HIDDEN_ASSETS_OR_INCOME' ? [] : [refuse('invalid', 'case.comparison_clear', 'evidence.comparison.result', 'the comparison was clear: it cannot justify a rejection')];
    case 'VILLAGE_REVIEW': {
      if (!e.minutes) return [refuse('invalid', 'case.evidence_missing', 'evidence.minutes', 'a rejection at review needs the meeting minutes with votes', { item: 'minutes' })];
      const out = checkMinutes(e.minutes, 'evidence.minutes', ctx);
      if (votesPassed(e.minutes)) out.push(refuse('invalid', 'case.review_passed', 'evidence.minutes.votesFor', 'the votes pass the review: it cannot be a rejection'));
      return out;
    }
    case 'PUBLICITY': {
      const founded = ctx.objections.find((o) => o.id === e.objectionId && o.status === 'FOUNDED');
      return founded ? [] : [refuse('invalid', 'case.founded_objection_needed', 'evidence.objectionId', 'a rejection during the notice needs a founded objection on it')];
    }
    case 'COUNTY_APPROVAL':
      return e.approval ? notFuture(e.approval.date, 'evidence.approval.date', ctx.today) : [refuse('invalid', 'case.evidence_missing', 'evidence.approval', 'a county rejection needs the decision document number', { item: 'approval' })];
    default:
      return [];
  }
}

function checkGuards(c: CaseState, actor: StepActor, req: TransitionRequest, ctx: TransitionContext): Refusal[] {
  const out: Refusal[] = [];
  const barred = FOUR_EYES[req.action];
  if (barred && ctx.priorActors.some((p) => barred.includes(p.action) && p.actorId !== null && p.actorId === actor.userId)) {
    out.push(refuse('rule', 'case.four_eyes', 'action', 'the person who proposed or reviewed this case cannot approve it'));
  }
  if (req.action === 'close_publicity' || req.action === 'close_elim_publicity') {
    if (ctx.noticeEndDate && ctx.today <= ctx.noticeEndDate) {
      out.push(refuse('rule', 'case.notice_running', 'action', `the notice runs until ${ctx.noticeEndDate}`, { endDate: ctx.noticeEndDate }));
    }
    if (ctx.objections.some((o) => o.status === 'PENDING')) out.push(refuse('rule', 'case.objections_pending', 'action', 'objections on the notice are still being investigated'));
    if (ctx.objections.some((o) => o.status === 'FOUNDED')) out.push(refuse('rule', 'case.objection_founded', 'action', 'an objection was found justified: reject instead'));
  }
  if (req.action === 'propose_elimination') {
    out.push(...eliminationGuards(c, req.evidence.eliminationType, ctx));
    const since = req.evidence.incomeStableSince;
    const stableMonths = monthsBetween(since, ctx.today);
    if (stableMonths < ctx.params.incomeStableMonths) {
      out.push(refuse('rule', 'case.elim_income_not_stable', 'evidence.incomeStableSince', `income stable for ${stableMonths} months, needs ${ctx.params.incomeStableMonths}`, { months: stableMonths, required: ctx.params.incomeStableMonths }));
    }
    if (!req.evidence.rigidExpensesResolved) out.push(refuse('rule', 'case.elim_rigid_expenses', 'evidence.rigidExpensesResolved', 'large rigid expenses are not resolved'));
  }
  if (req.action === 'approve_elimination') out.push(...eliminationGuards(c, c.eliminationType ?? 'BY_ASSISTANCE', ctx));
  return out;
}

/**
 * The elimination criteria that facts decide (domain.md 4.1, 13.3): months under monitoring,
 * implemented measures, income above the threshold, guarantees and water, labour.
 */
export function eliminationGuards(c: CaseState, type: EliminationType, ctx: TransitionContext): Refusal[] {
  const out: Refusal[] = [];
  const { params, today } = ctx;
  const facts = ctx.facts;
  if (!c.identifiedOn) return [refuse('rule', 'case.elim_not_identified', 'action', 'the case has no identification date')];
  const months = monthsBetween(c.identifiedOn, today);
  if (months < params.minMonitoringMonths) {
    out.push(refuse('rule', 'case.elim_too_early', 'action', `monitored for ${months} months, needs ${params.minMonitoringMonths}`, { months, required: params.minMonitoringMonths }));
  }
  if (type === 'BY_ASSISTANCE' && monthOf(today) <= monthOf(addDays(`${monthOf(c.identifiedOn)}-28`, 5))) {
    out.push(refuse('rule', 'case.elim_same_month', 'action', 'elimination through assistance cannot happen in the identification month or the next'));
  }
  if (!facts) return [...out, refuse('rule', 'case.elim_no_facts', 'householdId', 'the household facts are missing')];
  if (facts.implementedMeasures < 1) out.push(refuse('rule', 'case.elim_no_measure', 'action', 'no assistance measure has been implemented'));
  if (!facts.hasLabour && type === 'BY_ASSISTANCE') {
    out.push(refuse('rule', 'case.elim_no_labour', 'evidence.eliminationType', 'a household without labour is not eliminated on income alone: keep monitoring and securing it'));
  }
  if (!facts.latestIncome) out.push(refuse('rule', 'case.elim_no_income', 'householdId', 'the household has no income record'));
  else if (ctx.thresholdFen == null) out.push(refuse('rule', 'case.elim_no_threshold', 'householdId', 'no monitoring threshold for this province and date'));
  else if (facts.latestIncome.perCapitaNetFen <= ctx.thresholdFen) {
    out.push(refuse('rule', 'case.elim_income_below', 'householdId', `per-capita net income ${facts.latestIncome.perCapitaNetFen} fen is not above the threshold ${ctx.thresholdFen} fen`, { incomeFen: facts.latestIncome.perCapitaNetFen, thresholdFen: ctx.thresholdFen, year: facts.latestIncome.year }));
  }
  const g = facts.guarantees;
  if (!g) out.push(refuse('rule', 'case.elim_no_guarantees', 'householdId', 'the household has no guarantees record'));
  else {
    const problems = [!g.foodClothingOk && 'food_clothing', g.housingUnsafe && 'housing', g.dropoutChild && 'education', g.memberUninsured && 'medical_insurance', g.waterUnsafe && 'water'].filter(Boolean) as string[];
    if (problems.length) out.push(refuse('rule', 'case.elim_guarantees', 'householdId', `guarantees not secured: ${problems.join(', ')}`, { problems: problems.join(', ') }));
  }
  return out;
}

/** Checks when a case is opened: category fits the household type, 1..5 distinct risks, disaster subtype. */
export function checkOpening(input: { category: MonitoringCategory; risks: RiskType[]; disasterSubtype?: string | null }, householdType: string): Refusal[] {
  const out: Refusal[] = [];
  if (!CATEGORY_HOUSEHOLD_TYPES[input.category].includes(householdType)) {
    out.push(refuse('rule', 'case.category_mismatch', 'category', `category ${input.category} does not fit a ${householdType} household`, { category: input.category, householdType }));
  }
  if (new Set(input.risks).size !== input.risks.length) out.push(refuse('invalid', 'case.duplicate_risk', 'risks', 'a risk is listed twice'));
  if (input.risks.length < 1 || input.risks.length > MAX_RISKS) out.push(refuse('invalid', 'case.too_many_risks', 'risks', `1 to ${MAX_RISKS} risks`, { max: MAX_RISKS }));
  if (input.risks.includes('NATURAL_DISASTER') && !input.disasterSubtype) out.push(refuse('invalid', 'case.disaster_subtype_missing', 'disasterSubtype', 'a natural-disaster risk needs its sub-type'));
  return out;
}

/** Deadlines of a new case: the home check and the whole identification. */
export function openingDeadlines(today: string, params: CaseParams, calendar: WorkCalendar) {
  return { dueOn: addWorkingDays(today, params.checkWorkingDays, calendar), procedureDueOn: addWorkingDays(today, params.identificationWorkingDays, calendar) };
}

export interface CasePatch {
  status: CaseStatus;
  dueOn: string | null;
  procedureDueOn: string | null;
  identifiedOn?: string | null;
  eliminationType?: EliminationType | null;
  eliminatedOn?: string | null;
  risks?: RiskType[];
  closedReason?: string;
  /** A notice this step opens (publicity) or issues (announcement). */
  notice?: { kind: 'PUBLICITY' | 'ANNOUNCEMENT'; procedure: 'IDENTIFICATION' | 'ELIMINATION'; startDate: string; endDate: string | null; objectionContact: string | null; documentNo: string | null };
}

/** What a permitted transition changes on the case. */
export function planTransition(c: CaseState, edge: Edge, req: TransitionRequest, ctx: TransitionContext): CasePatch {
  const { today, params, calendar } = ctx;
  const keep = { status: edge.to, dueOn: c.procedureDueOn, procedureDueOn: c.procedureDueOn };
  switch (req.action) {
    case 'assign':
      return { ...keep, dueOn: c.dueOn };
    case 'township_return':
      return { ...keep, dueOn: addWorkingDays(today, params.checkWorkingDays, calendar) };
    case 'record_review':
    case 'record_elim_review': {
      const n = req.evidence.notice;
      return { ...keep, notice: { kind: 'PUBLICITY', procedure: req.action === 'record_review' ? 'IDENTIFICATION' : 'ELIMINATION', startDate: n.startDate, endDate: n.endDate, objectionContact: n.objectionContact, documentNo: null } };
    }
    case 'county_approve':
      return { ...keep, notice: { kind: 'ANNOUNCEMENT', procedure: 'IDENTIFICATION', startDate: today, endDate: null, objectionContact: null, documentNo: req.evidence.approval.documentNo } };
    case 'start_monitoring':
      return { status: edge.to, dueOn: null, procedureDueOn: null, identifiedOn: req.evidence.enteredOn };
    case 'reject':
    case 'close':
      return { status: edge.to, dueOn: null, procedureDueOn: null, ...(req.action === 'close' ? { closedReason: req.evidence.reason } : {}) };
    case 'propose_elimination': {
      const due = addWorkingDays(today, params.eliminationWorkingDays, calendar);
      return { status: edge.to, dueOn: due, procedureDueOn: due, eliminationType: req.evidence.eliminationType };
    }
    case 'approve_elimination':
      return {
        status: edge.to,
        dueOn: null,
        procedureDueOn: null,
        eliminatedOn: today,
        notice: { kind: 'ANNOUNCEMENT', procedure: 'ELIMINATION', startDate: today, endDate: null, objectionContact: null, documentNo: req.evidence.approval.documentNo },
      };
    case 'reject_elimination':
      return { status: edge.to, dueOn: null, procedureDueOn: null, eliminationType: null };
    case 'rollback':
      return { status: edge.to, dueOn: null, procedureDueOn: null, eliminationType: null, eliminatedOn: null };
    case 'reinclude':
      return {
        status: edge.to,
        dueOn: null,
        procedureDueOn: null,
        eliminationType: null,
        eliminatedOn: null,
        identifiedOn: req.evidence.approval.date,
        risks: [...new Set([...c.risks, ...req.evidence.newRisks])] as RiskType[],
      };
    default:
      return keep;
  }
}

/** Is the case past its step deadline on `today`? */
export const isOverdue = (dueOn: string | null, today: string): boolean => dueOn !== null && today > dueOn;
