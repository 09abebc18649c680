import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import { MAX_MEMBERS, type HouseholdProfile, type MemberChange } from '../contract.js';
import { personFields, personSnapshot } from '../domain/person-values.js';
import { checkMemberIdentity } from '../domain/validate-household.js';
import { findIdNumberHolders } from '../store/registry-lookup.js';
import { changeHousehold, duplicate, idNumberConflicts, invalidHousehold, requireEditor, today } from './household-access.js';

/** Adds a person to a household: valid ID, not in another household, at most one head, at most 30 members. */
export async function addMember(deps: Deps, actor: Actor, householdId: number, input: MemberChange): Promise<HouseholdProfile> {
  requireEditor(actor);
  const { identity, problems } = checkMemberIdentity(input, today(deps));
  if (!identity) throw invalidHousehold(problems);
  const holders = await findIdNumberHolders(deps.store.db, [identity.idNumber]);
  return changeHousehold(deps, actor, householdId, input.version, 'member.add', async (scope, household) => {
    const conflicts = await idNumberConflicts(scope, holders, [{ idNumber: identity.idNumber, path: 'idNumber' }]);
    if (conflicts.length) throw duplicate(conflicts);
    const members = await scope.members(household.id);
    if (members.length >= MAX_MEMBERS) throw invalidHousehold([{ path: 'members', code: 'registry.members.too_many', message: 'too many members' }]);
    if (input.relation === 'HEAD' && members.some((m) => m.relation === 'HEAD')) {
      throw invalidHousehold([{ path: 'relation', code: 'registry.head.multiple', message: 'the household already has a head', value: 'HEAD' }]);
    }
    const [id] = await scope.insertPeople(household.id, household.villageCode, [personFields(input, identity)]);
    const added = (await scope.members(household.id, { fullIds: true })).find((m) => m.id === id)!;
    return { action: 'registry.member.add', before: null, after: personSnapshot(added), reason: input.reason };
  });
}
