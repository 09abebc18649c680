import type { ErrorDetail } from '../../../platform/errors.js';
import { parseIdNumber } from './id-number.js';

/**
 * The registry rules that need more than one field or today's date. Pure: the caller passes today
 * (`YYYY-MM-DD`, China time). Each problem is an error detail with the field path and a message code
 * (registry/messages.ts). Shapes and ranges were checked by the contract before.
 */

export interface MemberFacts {
  idNumber: string;
  gender?: 'M' | 'F';
  birthDate?: string;
  relation: string;
}

export interface ResolvedIdentity {
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string;
}

const detail = (path: string, code: string, message: string, value?: unknown, params?: Record<string, unknown>): ErrorDetail => ({
  path,
  code,
  message,
  ...(value !== undefined ? { value } : {}),
  ...(params ? { params } : {}),
});

/**
 * Checks one member's ID number (GB 11643 format, birth date not impossible nor after today,
 * checksum) and that a given gender and birth date agree with it. Returns the normalised identity
 * (gender and birth date read from the number) or the problems, with paths under `prefix`.
 */
export function checkMemberIdentity(m: MemberFacts, today: string, prefix = ''): { identity: ResolvedIdentity | null; problems: ErrorDetail[] } {
  const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const id = m.idNumber.trim().toUpperCase();
  const parsed = parseIdNumber(id, today);
  if (!parsed.ok) {
    const code = `registry.id_number.${parsed.problem}`;
    const text = { format: 'ID number must be 17 digits and a digit or X', birth_date: 'impossible or future birth date in the ID number', checksum: 'wrong check character' }[parsed.problem];
    return { identity: null, problems: [detail(at('idNumber'), code, text, m.idNumber)] };
  }
  const problems: ErrorDetail[] = [];
  if (m.gender && m.gender !== parsed.value.gender) {
    problems.push(detail(at('gender'), 'registry.gender.mismatch', `gender does not match the ID number (${parsed.value.gender})`, m.gender, { expected: parsed.value.gender }));
  }
  if (m.birthDate && m.birthDate !== parsed.value.birthDate) {
    problems.push(
      detail(at('birthDate'), 'registry.birth_date.mismatch', `birth date does not match the ID number (${parsed.value.birthDate})`, m.birthDate, {
        expected: parsed.value.birthDate,
      }),
    );
  }
  return { identity: problems.length ? null : { idNumber: id, gender: parsed.value.gender, birthDate: parsed.value.birthDate }, problems };
}

/**
 * The whole member list of a household: every identity valid, exactly one head, no ID number twice.
 * Paths are `members.<i>.<field>`.
 */
export function checkMembers(members: MemberFacts[], today: string, path = 'members'): { identities: (ResolvedIdentity | null)[]; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const identities = members.map((m, i) => {
    const r = checkMemberIdentity(m, today, `${path}.${i}`);
    problems.push(...r.problems);
    return r.identity;
  });
  const heads = members.map((m, i) => (m.relation === 'HEAD' ? i : -1)).filter((i) => i >= 0);
  if (heads.length === 0 && members.length > 0) problems.push(detail(path, 'registry.head.missing', 'a household has exactly one head; there is none'));
  for (const i of heads.slice(1)) problems.push(detail(`${path}.${i}.relation`, 'registry.head.multiple', 'a household has exactly one head; this is a second one', 'HEAD'));
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const id = m.idNumber.trim().toUpperCase();
    if (seen.has(id)) problems.push(detail(`${path}.${i}.idNumber`, 'registry.id_number.duplicate_in_request', `same ID number as member ${seen.get(id)}`, m.idNumber));
    else seen.set(id, i);
  });
  return { identities, problems };
}

/** Income years: not after the current year and not twice in one request. */
export function checkIncomeYears(years: number[], today: string, path = 'incomes'): ErrorDetail[] {
  const currentYear = Number(today.slice(0, 4));
  const problems: ErrorDetail[] = [];
  const seen = new Set<number>();
  years.forEach((year, i) => {
    const at = path ? `${path}.${i}.year` : 'year';
    if (year > currentYear) problems.push(detail(at, 'registry.year.future', `year ${year} is after ${currentYear}`, year, { currentYear }));
    if (seen.has(year)) problems.push(detail(at, 'registry.income.duplicate_year', `year ${year} appears twice`, year));
    seen.add(year);
  });
  return problems;
}

/** A house graded C or D (dangerous) must be flagged as unsafe housing. */
export function checkGuarantee(g: { housingUnsafe: boolean; houseGrade?: string | null }, path = 'guarantee'): ErrorDetail[] {
  if ((g.houseGrade === 'C' || g.houseGrade === 'D') && !g.housingUnsafe) {
    return [detail(path ? `${path}.housingUnsafe` : 'housingUnsafe', 'registry.guarantee.grade_mismatch', 'a house graded C or D must be marked unsafe', false)];
  }
  return [];
}

/** Does this status show a 两不愁三保障 or drinking-water problem? (Same predicate as the partial index.) */
export const hasGuaranteeProblem = (g: { foodClothingOk: boolean; housingUnsafe: boolean; dropoutChild: boolean; memberUninsured: boolean; waterUnsafe: boolean }): boolean =>
  !g.foodClothingOk || g.housingUnsafe || g.dropoutChild || g.memberUninsured || g.waterUnsafe;

/** Per-capita net income as the database derives it (domain.md 13.5): net / size, toward zero. */
export function deriveIncome(c: { wageFen: number; operatingFen: number; propertyFen: number; transferFen: number; productionCostFen: number }, householdSize: number) {
  const netIncomeFen = c.wageFen + c.operatingFen + c.propertyFen + c.transferFen - c.productionCostFen;
  return { netIncomeFen, perCapitaNetFen: Math.trunc(netIncomeFen / householdSize) };
}
