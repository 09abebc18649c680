import type {
  ChangeEvent,
  GuaranteeChange,
  GuaranteeStatus,
  Household,
  HouseholdProfile,
  HouseholdSearchQuery,
  HouseholdSearchResult,
  HouseholdSummary,
  IncomeChange,
  IncomeRecord,
  MemberChange,
  MemberRemoval,
  Person,
  RegistryOverview,
  UpdateHousehold,
} from '../../../../src/modules/registry/contract';
import { api, download, forgetPrefetched, peekPrefetched, prefetchGet, request, withQuery, type Query } from '../../ui/api';

export type {
  ChangeEvent,
  GuaranteeChange,
  GuaranteeStatus,
  Household,
  HouseholdProfile,
  HouseholdSearchQuery,
  HouseholdSearchResult,
  HouseholdSummary,
  IncomeChange,
  IncomeRecord,
  MemberChange,
  Person,
  RegistryOverview,
  UpdateHousehold,
};

/** The list's query as the browser sends it (the contract's input type has `unknown` for coerced numbers). */
export interface SearchQuery {
  division?: string;
  q?: string;
  householdNo?: string;
  idNumber?: string;
  type?: Household['householdType'];
  relocated?: 'true' | 'false';
  incomeMin?: number;
  incomeMax?: number;
  year?: number;
  guaranteeProblem?: 'true' | 'false';
  page: number;
  pageSize: number;
  sort?: NonNullable<HouseholdSearchQuery['sort']>;
  order: 'asc' | 'desc';
}

export const HOUSEHOLD_TYPE_CODES = ['GENERAL', 'POVERTY_EXITED'] as const;
export const RELATION_CODES = ['HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'GRANDPARENT', 'SIBLING', 'OTHER'] as const;
export const LABOR_SKILL_CODES = ['SKILLED', 'ORDINARY', 'WEAK_OR_HALF', 'LOST', 'NONE'] as const;
export const HEALTH_STATUS_CODES = ['HEALTHY', 'CHRONIC', 'SERIOUS_ILLNESS', 'DISABLED'] as const;
export const EDUCATION_CODES = ['NONE', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'COLLEGE'] as const;
export const STUDENT_STATUS_CODES = ['NONE', 'PRESCHOOL', 'PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'COLLEGE', 'DROPPED_OUT'] as const;

export const registryApi = {
  search: (q: SearchQuery) => api.get<HouseholdSearchResult>('/api/households', { ...q }),
  profile: (id: number | string) => api.get<HouseholdProfile>(`/api/households/${id}`),
  update: (id: number, body: UpdateHousehold) => api.patch<HouseholdProfile | Household>(`/api/households/${id}`, body),
  addMember: (id: number, body: MemberChange) => api.post<unknown>(`/api/households/${id}/members`, body),
  updateMember: (id: number, personId: number, body: MemberChange) => api.put<unknown>(`/api/households/${id}/members/${personId}`, body),
  removeMember: (id: number, personId: number, q: MemberRemoval) => request('DELETE', withQuery(`/api/households/${id}/members/${personId}`, { ...q })),
  putIncome: (id: number, year: number, body: IncomeChange) => api.put<unknown>(`/api/households/${id}/incomes/${year}`, body),
  putGuarantee: (id: number, body: GuaranteeChange) => api.put<unknown>(`/api/households/${id}/guarantee`, body),
  overview: (division: string | undefined, year: number | undefined) => api.get<RegistryOverview>('/api/registry/overview', { division, year }),
  /** Starts `overview(division, year)` early; that call then takes this answer. */
  prefetchOverview: (division: string | undefined, year: number | undefined) => prefetchGet('/api/registry/overview', { division, year }),
  /** The prefetched overview if it has already arrived (else undefined: ask with `overview`); `forgetPrefetchedOverview` once used. */
  prefetchedOverview: (division: string | undefined, year: number | undefined) => peekPrefetched<RegistryOverview>('/api/registry/overview', { division, year }),
  forgetPrefetchedOverview: (division: string | undefined, year: number | undefined) => forgetPrefetched('/api/registry/overview', { division, year }),
  exportHouseholds: (q: Query) => download('/api/exports/households', q, 'households.xlsx'),
};
