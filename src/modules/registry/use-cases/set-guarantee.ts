import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import type { GuaranteeChange, HouseholdProfile } from '../contract.js';
import { checkGuarantee } from '../domain/validate-household.js';
import { changeHousehold, invalidHousehold, requireEditor, today } from './household-access.js';
import { guaranteeValues } from './create-household.js';

/** Sets the household's 两不愁三保障 and drinking-water status (as of a date, default today). */
export async function setGuarantee(deps: Deps, actor: Actor, householdId: number, input: GuaranteeChange): Promise<HouseholdProfile> {
  requireEditor(actor);
  const problems = checkGuarantee(input, '');
  if (problems.length) throw invalidHousehold(problems);
  const day = today(deps);
  return changeHousehold(deps, actor, householdId, input.version, 'guarantee.set', async (scope, household) => {
    const before = await scope.guarantee(household.id);
    await scope.upsertGuarantee(household.id, household.villageCode, guaranteeValues(input, day));
    const after = await scope.guarantee(household.id);
    return { action: 'registry.guarantee.set', before, after, reason: input.reason };
  });
}
