import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import type { HouseholdProfile, MemberRemoval } from '../contract.js';
import { personSnapshot } from '../domain/person-values.js';
import { changeHousehold, invalidHousehold } from './household-access.js';
import { memberNotFound } from './update-member.js';

/** Removes a member (moved away, deceased). The head and the last member stay: hand the head role over first. */
export async function removeMember(deps: Deps, actor: Actor, householdId: number, personId: number, input: MemberRemoval = {}): Promise<HouseholdProfile> {
  return changeHousehold(deps, actor, householdId, input.version, 'member.remove', async (scope, household) => {
    const members = await scope.members(household.id, { fullIds: true });
    const person = members.find((m) => m.id === personId);
    if (!person) throw memberNotFound();
    if (members.length === 1) throw invalidHousehold([{ path: 'personId', code: 'registry.member.last', message: 'the only member cannot be removed', value: personId }]);
    if (person.relation === 'HEAD') throw invalidHousehold([{ path: 'personId', code: 'registry.member.remove_head', message: 'hand the head role over first', value: personId }]);
    await scope.deletePerson(household.id, personId);
    return { action: 'registry.member.remove', before: personSnapshot(person), after: null, reason: input.reason };
  });
}
