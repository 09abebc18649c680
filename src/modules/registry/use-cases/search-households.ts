import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import type { HouseholdSearch, HouseholdSearchResult } from '../contract.js';
import { withRegistryScope } from '../store/registry-store.js';
import { searchHouseholdRows } from '../store/search-households.js';
import { invalidHousehold, requirePersonalData, today } from './household-access.js';

/**
 * Finds households in the caller's scope (intersected with `division`) by household number, name
 * (fuzzy), ID number, type, relocation, per-capita income band of a year and guarantee problems;
 * one page, sorted, with a total counted up to a cap. Head ID numbers are masked as the role requires.
 * The year defaults to the last full calendar year.
 */
export async function searchHouseholds(deps: Deps, actor: Actor, query: HouseholdSearch): Promise<HouseholdSearchResult> {
  requirePersonalData(actor);
  if (query.incomeMin !== undefined && query.incomeMax !== undefined && query.incomeMin > query.incomeMax) {
    throw invalidHousehold([{ path: 'incomeMax', code: 'registry.search.income_band', message: 'incomeMin is above incomeMax', value: query.incomeMax }]);
  }
  const year = query.year ?? Number(today(deps).slice(0, 4)) - 1;
  const sort = query.sort ?? (query.q && [...query.q].length > 1 ? 'relevance' : 'householdNo');
  return withRegistryScope(deps.store.db, actor, async (scope) => {
    const prefix = scope.narrow(query.division);
    if (prefix === null) return { total: 0, totalIsCapped: false, page: query.page, pageSize: query.pageSize, year, items: [] };
    const found = await searchHouseholdRows(scope, {
      prefix,
      q: query.q,
      householdNo: query.householdNo,
      idNumber: query.idNumber,
      type: query.type,
      relocated: query.relocated,
      incomeMin: query.incomeMin,
      incomeMax: query.incomeMax,
      year,
      guaranteeProblem: query.guaranteeProblem,
      page: query.page,
      pageSize: query.pageSize,
      sort,
      order: query.order,
    });
    return { total: found.total, totalIsCapped: found.capped, page: query.page, pageSize: query.pageSize, year, items: found.items };
  });
}
