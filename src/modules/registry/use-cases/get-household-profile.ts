import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import type { HouseholdProfile } from '../contract.js';
import { withRegistryScope } from '../store/registry-store.js';
import { loadProfile, OUT_OF_SCOPE, refuseHousehold, requirePersonalData } from './household-access.js';

/**
 * 一户一档: the household, its members, incomes over the years, guarantee status and change history.
 * Outside the caller's scope the household does not exist for them (404), and the attempt is audited.
 */
export async function getHouseholdProfile(deps: Deps, actor: Actor, householdId: number): Promise<HouseholdProfile> {
  requirePersonalData(actor);
  const result = await withRegistryScope(deps.store.db, actor, async (scope) => {
    const household = await scope.household(householdId);
    return household ? loadProfile(scope, household) : OUT_OF_SCOPE;
  });
  if (result === OUT_OF_SCOPE) return refuseHousehold(deps, actor, householdId, 'read');
  return result;
}
