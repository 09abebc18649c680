/**
 * The case procedure as a state machine (domain.md 13.3): which action leads from which status to
 * which, and which roles may take it. Identification runs CLUE → … → MONITORING with REJECTED exits
 * and a township return; elimination runs MONITORING → ELIM_* → ELIMINATED with rejections back to
 * MONITORING, then rollback and re-inclusion. Pure.
 */
import type { CaseStatus } from './enums.js';

export type StepRole = 'village_cadre' | 'task_force' | 'township_officer' | 'county_reviewer' | 'county_admin';

export const CASE_ACTIONS = [
  'assign',
  'submit_verification',
  'record_comparison',
  'record_review',
  'close_publicity',
  'township_pass',
  'township_return',
  'county_approve',
  'start_monitoring',
  'reject',
  'propose_elimination',
  'assign_elim_verification',
  'submit_elim_verification',
  'record_elim_review',
  'close_elim_publicity',
  'elim_township_pass',
  'approve_elimination',
  'reject_elimination',
  'rollback',
  'reinclude',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type StepLevel = 'village' | 'township' | 'county';
const VILLAGE: readonly StepRole[] = ['village_cadre', 'task_force'];
const TOWNSHIP: readonly StepRole[] = ['township_officer'];
const COUNTY: readonly StepRole[] = ['county_reviewer', 'county_admin'];
const VILLAGE_OR_TOWNSHIP = [...VILLAGE, ...TOWNSHIP];
const TOWNSHIP_OR_COUNTY = [...TOWNSHIP, ...COUNTY];

export interface Edge {
  action: CaseAction;
  from: CaseStatus;
  to: CaseStatus;
  roles: readonly StepRole[];
  level: StepLevel;
}

const edge = (action: CaseAction, from: CaseStatus, to: CaseStatus, roles: readonly StepRole[], level: StepLevel): Edge => ({ action, from, to, roles, level });

export const EDGES: readonly Edge[] = [
  // identification
  edge('assign', 'CLUE', 'VERIFYING', VILLAGE_OR_TOWNSHIP, 'village'),
  edge('submit_verification', 'VERIFYING', 'COMPARING', VILLAGE_OR_TOWNSHIP, 'village'),
  edge('reject', 'VERIFYING', 'REJECTED', VILLAGE_OR_TOWNSHIP, 'village'),
  edge('record_comparison', 'COMPARING', 'VILLAGE_REVIEW', TOWNSHIP_OR_COUNTY, 'township'),
  edge('reject', 'COMPARING', 'REJECTED', TOWNSHIP_OR_COUNTY, 'township'),
  edge('record_review', 'VILLAGE_REVIEW', 'PUBLICITY', VILLAGE, 'village'),
  edge('reject', 'VILLAGE_REVIEW', 'REJECTED', VILLAGE, 'village'),
  edge('close_publicity', 'PUBLICITY', 'TOWNSHIP_REVIEW', VILLAGE, 'village'),
  edge('reject', 'PUBLICITY', 'REJECTED', VILLAGE, 'village'),
  edge('township_pass', 'TOWNSHIP_REVIEW', 'COUNTY_APPROVAL', TOWNSHIP, 'township'),
  edge('township_return', 'TOWNSHIP_REVIEW', 'VERIFYING', TOWNSHIP, 'township'),
  edge('county_approve', 'COUNTY_APPROVAL', 'ANNOUNCED', COUNTY, 'county'),
  edge('reject', 'COUNTY_APPROVAL', 'REJECTED', COUNTY, 'county'),
  edge('start_monitoring', 'ANNOUNCED', 'MONITORING', VILLAGE_OR_TOWNSHIP, 'township'),
  // elimination
  edge('propose_elimination', 'MONITORING', 'ELIM_PROPOSED', VILLAGE, 'village'),
  edge('assign_elim_verification', 'ELIM_PROPOSED', 'ELIM_VERIFYING', VILLAGE_OR_TOWNSHIP, 'village'),
  edge('submit_elim_verification', 'ELIM_VERIFYING', 'ELIM_REVIEW', VILLAGE_OR_TOWNSHIP, 'village'),
  edge('record_elim_review', 'ELIM_REVIEW', 'ELIM_PUBLICITY', VILLAGE, 'village'),
  edge('close_elim_publicity', 'ELIM_PUBLICITY', 'ELIM_TOWNSHIP', VILLAGE, 'village'),
  edge('elim_township_pass', 'ELIM_TOWNSHIP', 'ELIM_COUNTY', TOWNSHIP, 'township'),
  edge('approve_elimination', 'ELIM_COUNTY', 'ELIMINATED', COUNTY, 'county'),
  edge('reject_elimination', 'ELIM_PROPOSED', 'MONITORING', VILLAGE_OR_TOWNSHIP, 'village'),
  edge('reject_elimination', 'ELIM_VERIFYING', 'MONITORING', VILLAGE_OR_TOWNSHIP, 'village'),
  edge('reject_elimination', 'ELIM_REVIEW', 'MONITORING', VILLAGE, 'village'),
  edge('reject_elimination', 'ELIM_PUBLICITY', 'MONITORING', VILLAGE, 'village'),
  edge('reject_elimination', 'ELIM_TOWNSHIP', 'MONITORING', TOWNSHIP, 'township'),
  edge('reject_elimination', 'ELIM_COUNTY', 'MONITORING', COUNTY, 'county'),
  // after elimination
  edge('rollback', 'ELIMINATED', 'MONITORING', COUNTY, 'county'),
  edge('reinclude', 'ELIMINATED', 'MONITORING', COUNTY, 'county'),
  // administrative close (household merged, deceased, moved) from any open status
  ...(['CLUE', 'VERIFYING', 'COMPARING', 'VILLAGE_REVIEW', 'PUBLICITY', 'TOWNSHIP_REVIEW', 'COUNTY_APPROVAL', 'ANNOUNCED', 'MONITORING', 'ELIMINATED'] as const).map((from) =>
    edge('close', from, 'CLOSED', COUNTY, 'county'),
  ),
];

/** Statuses from which no action leads anywhere. */
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set(['REJECTED', 'CLOSED']);
/** Statuses of a case in procedure (identification or elimination): these carry deadlines. */
export const IN_PROCEDURE: ReadonlySet<CaseStatus> = new Set([
  'CLUE', 'VERIFYING', 'COMPARING', 'VILLAGE_REVIEW', 'PUBLICITY', 'TOWNSHIP_REVIEW', 'COUNTY_APPROVAL', 'ANNOUNCED',
  'ELIM_PROPOSED', 'ELIM_VERIFYING', 'ELIM_REVIEW', 'ELIM_PUBLICITY', 'ELIM_TOWNSHIP', 'ELIM_COUNTY',
]);
/** Households counted as monitored (identified and not eliminated). */
export const MONITORED: ReadonlySet<CaseStatus> = new Set(['MONITORING', 'ELIM_PROPOSED', 'ELIM_VERIFYING', 'ELIM_REVIEW', 'ELIM_PUBLICITY', 'ELIM_TOWNSHIP', 'ELIM_COUNTY']);

export function findEdge(action: CaseAction, from: CaseStatus): Edge | null {
  return EDGES.find((e) => e.action === action && e.from === from) ?? null;
}

/** Actions that exist from a status at all, whoever takes them. */
export function actionsFrom(status: CaseStatus): Edge[] {
  return EDGES.filter((e) => e.from === status);
}

/** Actions this role may take from this status. */
export function allowedActions(status: CaseStatus, role: string): CaseAction[] {
  return [...new Set(EDGES.filter((e) => e.from === status && (e.roles as readonly string[]).includes(role)).map((e) => e.action))];
}

/** Statuses in which this role has a next step (its work queue), excluding routine monitoring. */
export function statusesWaitingFor(role: string): CaseStatus[] {
  return [...new Set(EDGES.filter((e) => e.action !== 'close' && e.action !== 'rollback' && e.action !== 'reinclude' && e.action !== 'propose_elimination' && (e.roles as readonly string[]).includes(role)).map((e) => e.from))];
}

/** Does the action belong to the elimination procedure (for four-eyes and notices)? */
export const isEliminationStatus = (s: CaseStatus): boolean => s.startsWith('ELIM_');
