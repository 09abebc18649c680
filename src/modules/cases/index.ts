/**
 * The cases module's public surface: the identification and elimination procedure (state machine,
 * guards, evidence), notices and objections, work queues, dashboards, case pages.
 *
 * Published read-only view (migration 0011) for other modules' set-based reads: cases_monitoring_case
 * (id, household_id, county_code, village_code, status, category, risks, opened_on, identified_on,
 * elimination_type, eliminated_on). Which statuses count as monitored is MONITORED below
 * (docs/decisions/0005-reads-across-modules.md). One case in another module's transaction: getCaseIn.
 */
import './messages.js';

export * from './contract.js';
export { CASE_STATUSES, MONITORING_CATEGORIES, RISK_TYPES, CHANNELS, ELIMINATION_TYPES, DISASTER_SUBTYPES, type CaseStatus, type RiskType, type MonitoringCategory } from './domain/enums.js';
export { EDGES, CASE_ACTIONS, allowedActions, MONITORED, IN_PROCEDURE, type CaseAction } from './domain/case-machine.js';
export { maskName } from './domain/mask-name.js';
export { addWorkingDays, addDays, monthsBetween, type WorkCalendar } from './domain/calendar.js';
export { caseParams, loadWorkCalendar } from './params.js';
export { openCase } from './use-cases/open-case.js';
export { transitionCase } from './use-cases/transition-case.js';
export { getCasePage } from './use-cases/get-case-page.js';
export { listCases, workQueue } from './use-cases/list-cases.js';
export { getNoticeDocument, listNotices, recordObjection, resolveObjection, listObjections } from './use-cases/notices.js';
export { caseDashboard } from './use-cases/dashboard.js';
export { setCalendarDay } from './use-cases/set-calendar-day.js';
export { getCaseIn, type CaseSummary } from './use-cases/get-case-in.js';
