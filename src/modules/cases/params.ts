import { createRequire } from 'node:module';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { resolveForCounties, valueOn, type DatedValues } from '../parameters/index.js';
import type { CaseParams } from './domain/case-rules.js';
import type { WorkCalendar } from './domain/calendar.js';

/**
 * The case procedure's dated parameters (time limits, elimination settings) and the working-day
 * calendar: shipped defaults (defaults/*.json) plus calendar overrides in table case_calendar_day.
 */
const require = createRequire(import.meta.url);
const timeLimits = require('./defaults/case-time-limits.json') as { parameters: Record<keyof CaseParams, { values: DatedValues }> };
const shippedCalendar = require('./defaults/work-calendar.json') as { holidays: string[]; workingWeekends: string[] };

/** The time limits in force for a province (2-digit code) on a date. */
export function caseParams(provinceCode: string, date: string): CaseParams {
  const out = {} as CaseParams;
  for (const [name, p] of Object.entries(timeLimits.parameters) as [keyof CaseParams, { values: DatedValues }][]) {
    const v = valueOn(p.values, provinceCode, date);
    if (v === null) throw new Error(`parameter cases.${name} has no value for ${provinceCode} on ${date}`);
    out[name] = v;
  }
  return out;
}

/** Parameters of the parameters module (county/province overrides, audited) that replace the shipped defaults here. */
const LAYERED: Partial<Record<keyof CaseParams, string>> = {
  checkWorkingDays: 'cases.check-working-days',
  identificationWorkingDays: 'cases.identification-working-days',
  noticeMinDays: 'cases.publicity-days',
  minMonitoringMonths: 'cases.elimination-min-months',
  incomeStableMonths: 'cases.income-stable-months',
};
const THRESHOLD = 'monitoring.income-threshold';

/**
 * The parameters in force for a county on a date, with the county/province overrides of the
 * parameters module applied, and the monitoring threshold (fen per person per year). One query.
 */
export async function resolveCaseParams(db: Kysely<Database> | Transaction<Database>, countyCode: string, date: string, nowMs?: number): Promise<{ params: CaseParams; thresholdFen: number | null }> {
  const key = `${countyCode}|${date}`;
  const hit = paramCache.get(key);
  if (hit && nowMs !== undefined && nowMs - hit.at >= 0 && nowMs - hit.at < CACHE_MS) return { params: { ...hit.value.params }, thresholdFen: hit.value.thresholdFen };
  const value = await resolveUncached(db, countyCode, date);
  if (nowMs !== undefined) {
    if (paramCache.size > 1000) paramCache.clear();
    paramCache.set(key, { at: nowMs, value });
  }
  return { params: { ...value.params }, thresholdFen: value.thresholdFen };
}

/** Parameters cached per county and date for a short while (overrides change rarely; `invalidateCaseParams` after an edit). */
const paramCache = new Map<string, { at: number; value: { params: CaseParams; thresholdFen: number | null } }>();
export function invalidateCaseParams(): void {
  paramCache.clear();
}

async function resolveUncached(db: Kysely<Database> | Transaction<Database>, countyCode: string, date: string): Promise<{ params: CaseParams; thresholdFen: number | null }> {
  const params = caseParams(countyCode.slice(0, 2), date);
  const ids = [...Object.values(LAYERED), THRESHOLD];
  const resolved = (await resolveForCounties(db, ids, [countyCode], date)).get(countyCode) ?? {};
  for (const [name, id] of Object.entries(LAYERED) as [keyof CaseParams, string][]) {
    const v = resolved[id];
    if (v !== null && v !== undefined) params[name] = v;
  }
  params.noticeMaxDays = Math.max(params.noticeMaxDays, params.noticeMinDays);
  return { params, thresholdFen: resolved[THRESHOLD] ?? null };
}

let cached: { at: number; calendar: WorkCalendar } | null = null;
const CACHE_MS = 30_000;

/** The working-day calendar: shipped holidays with the database overrides applied (cached for a minute). */
export async function loadWorkCalendar(db: Kysely<Database> | Transaction<Database>, nowMs: number): Promise<WorkCalendar> {
  if (cached && nowMs - cached.at >= 0 && nowMs - cached.at < CACHE_MS) return cached.calendar;
  const holidays = new Set(shippedCalendar.holidays);
  const workingWeekends = new Set(shippedCalendar.workingWeekends);
  const rows = await db.selectFrom('case_calendar_day').select(['day', 'is_working']).execute();
  for (const r of rows) {
    if (r.is_working) {
      holidays.delete(r.day);
      workingWeekends.add(r.day);
    } else {
      workingWeekends.delete(r.day);
      holidays.add(r.day);
    }
  }
  cached = { at: nowMs, calendar: { holidays, workingWeekends } };
  return cached.calendar;
}

/** Forget the cached calendar (after an override is written). */
export function invalidateWorkCalendar(): void {
  cached = null;
}
