import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import type { HouseholdProfile, IncomeChange } from '../contract.js';
import { checkIncomeYears } from '../domain/validate-household.js';
import { changeHousehold, invalidHousehold, requireEditor, today } from './household-access.js';
import { incomeValues } from './create-household.js';

/** Records (or corrects) one year's income components; net and per-capita net are derived by the database. */
export async function upsertIncome(deps: Deps, actor: Actor, householdId: number, year: number, input: IncomeChange): Promise<HouseholdProfile> {
  requireEditor(actor);
  const problems = checkIncomeYears([year], today(deps), '');
  if (problems.length) throw invalidHousehold(problems);
  return changeHousehold(deps, actor, householdId, input.version, 'income.upsert', async (scope, household) => {
    const before = await scope.incomeRow(household.id, year);
    const size = (await scope.members(household.id)).length;
    await scope.upsertIncome(household.id, household.villageCode, year, incomeValues(input, size));
    const after = await scope.incomeRow(household.id, year);
    return { action: 'registry.income.upsert', before, after, reason: input.reason };
  });
}
