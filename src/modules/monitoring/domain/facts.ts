import type { RiskType, WarningLevel } from '../contract.js';

/**
 * What the early-warning rules read about one household, and what they answer. Pure types.
 * The same facts exist in SQL as the columns of the sweep's per-household row `f` (see
 * store/sweep-sql.ts), so each rule is written twice side by side: `evaluate` over these facts and
 * SQL expressions over `f`; a test on a generated registry checks that both give the same answer.
 */
export interface MemberFacts {
  personId: number;
  birthDate: string;
  healthStatus: string;
  laborSkill: string;
  studentStatus: string | null;
}

export interface IncomeFacts {
  year: number;
  householdSize: number;
  wageFen: number;
  operatingFen: number;
  propertyFen: number;
  transferFen: number;
  productionCostFen: number;
  outOfPocketMedicalFen: number;
  perCapitaNetFen: number;
}

export interface GuaranteeFacts {
  housingUnsafe: boolean;
  houseGrade: 'A' | 'B' | 'C' | 'D' | null;
  dropoutChild: boolean;
  waterUnsafe: boolean;
  waterLitersPerDay: number | null;
  waterTripMinutes: number | null;
  waterInterruptionDays: number | null;
}

export interface EventFacts {
  eventId: number;
  kind: 'NATURAL_DISASTER' | 'MARKET_SHOCK' | 'EPIDEMIC' | 'OTHER';
  severity: WarningLevel;
  occurredOn: string;
}

export interface HouseholdFacts {
  householdId: number;
  countyCode: string;
  villageCode: string;
  householdType: 'GENERAL' | 'POVERTY_EXITED';
  members: MemberFacts[];
  incomes: IncomeFacts[];
  guarantee: GuaranteeFacts | null;
  /** Risk events recorded for the household's village (any date; the rule applies the window). */
  events: EventFacts[];
}

/** Parameter values for the household's county on the evaluation date (money in fen). */
export type RuleParams = Readonly<Record<string, number | null>>;

export interface RuleContext {
  /** Evaluation date YYYY-MM-DD. */
  asOf: string;
  params: RuleParams;
}

export type FindingValue = number | string | boolean | null;

export interface RuleFiring {
  ruleId: string;
  riskType: RiskType;
  level: WarningLevel;
  values: Record<string, FindingValue>;
  /** The facts behind the firing, as text: equal facts give an equal fingerprint (closed clues are not re-raised). */
  fingerprint: string;
}

export interface Rule {
  id: string;
  riskType: RiskType | 'BY_EVENT';
  label: { zh: string; en: string };
  explanation: { zh: string; en: string };
  inputs: string[];
  parameters: string[];
  levels: WarningLevel[];
  evaluate(f: HouseholdFacts, ctx: RuleContext): RuleFiring[];
  /**
   * SQL over the per-household row `f` (columns listed in store/sweep-sql.ts): the level (NULL when the
   * rule does not fire), the values object and the fingerprint. Event rules give a whole branch instead.
   */
  sql?: { level: string; values: string; fingerprint: string };
}

/** The reference income year: evaluation year minus the lag parameter. */
export function referenceYear(ctx: RuleContext): number {
  return Number(ctx.asOf.slice(0, 4)) - (ctx.params['monitoring.income-reference-lag-years'] ?? 1);
}

export const incomeOf = (f: HouseholdFacts, year: number): IncomeFacts | undefined => f.incomes.find((i) => i.year === year);

/** Completed years of age on a date. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Fingerprint text as PostgreSQL's concat_ws('|', ...) writes it: booleans t/f, null as ''. */
export const fp = (...parts: (string | number | boolean | null | undefined)[]): string =>
  parts.map((p) => (p === null || p === undefined ? '' : typeof p === 'boolean' ? (p ? 't' : 'f') : String(p))).join('|');

/** A set of person ids as "count:sum" (the SQL side computes it with plain aggregates, no ordering). */
export const idSetKey = (ids: readonly number[]): string => `${ids.length}:${ids.reduce((a, b) => a + b, 0)}`;
