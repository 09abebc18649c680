import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import { MAX_SEARCH_OFFSET, type HouseholdSearch, type HouseholdSearchResult } from '../contract.js';
import { withRegistryScope } from '../store/registry-store.js';
import { searchHouseholdRows } from '../store/search-households.js';
import { invalidHousehold, requirePersonalData, today } from './household-access.js';

/**
 * Finds households in the caller's scope (intersected with `division`) by household number, name
 * (fuzzy), ID number, type, relocation, per-capita income band of a year and guarantee problems;
 * one page, sorted, with a total counted up to a cap. Head ID numbers are masked as the role requires.
 * The year defaults to the last full calendar year. Paging stops at MAX_SEARCH_OFFSET rows (deep
 * offsets cost a walk over every skipped row; nobody pages through 500 pages).
 */
export async function searchHouseholds(deps: Deps, actor: Actor, query: HouseholdSearch): Promise<HouseholdSearchResult> {
  requirePersonalData(actor);
  if (query.incomeMin !== undefined && query.incomeMax !== undefined && query.incomeMin > query.incomeMax) {
    throw invalidHousehold([{ path: 'incomeMax', code: 'registry.search.income_band', message: 'incomeMin is above incomeMax', value: query.incomeMax }]);
  }
  if ((query.page - 1) * query.pageSize >= MAX_SEARCH_OFFSET) {
    throw invalidHousehold([{ path: 'page', code: 'registry.search.page_too_deep', message: `narrow the search: at most ${MAX_SEARCH_OFFSET} rows can be paged through`, value: query.page, params: { max: MAX_SEARCH_OFFSET } }]);
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
