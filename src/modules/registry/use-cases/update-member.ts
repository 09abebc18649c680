import type { Actor } from '../../access/index.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import type { HouseholdProfile, MemberChange } from '../contract.js';
import { personFields, personSnapshot } from '../domain/person-values.js';
import { checkMemberIdentity } from '../domain/validate-household.js';
import { findIdNumberHolders } from '../store/registry-lookup.js';
import { changeHousehold, duplicate, idNumberConflicts, invalidHousehold, requireEditor, today, type ChangeRecord } from './household-access.js';

export const memberNotFound = () => new AppError('not_found', 'member not found', { key: 'registry.member.not_found' });

/**
 * Replaces one member's facts (PUT). Making a non-head the HEAD hands the role over: the former head
 * takes `formerHeadRelation` (default OTHER), both changes audited. The head cannot be demoted directly.
 */
export async function updateMember(deps: Deps, actor: Actor, householdId: number, personId: number, input: MemberChange): Promise<HouseholdProfile> {
  requireEditor(actor);
  const { identity, problems } = checkMemberIdentity(input, today(deps));
  if (!identity) throw invalidHousehold(problems);
  const holders = await findIdNumberHolders(deps.store.db, [identity.idNumber]);
  return changeHousehold(deps, actor, householdId, input.version, 'member.update', async (scope, household) => {
    const members = await scope.members(household.id, { fullIds: true });
    const before = members.find((m) => m.id === personId);
    if (!before) throw memberNotFound();
    const conflicts = await idNumberConflicts(scope, holders, [{ idNumber: identity.idNumber, path: 'idNumber' }], personId);
    if (conflicts.length) throw duplicate(conflicts);
    const records: ChangeRecord[] = [];
    if (before.relation === 'HEAD' && input.relation !== 'HEAD') {
      throw invalidHousehold([{ path: 'relation', code: 'registry.head.missing', message: 'appoint a new head instead of demoting the head', value: input.relation }]);
    }
    if (before.relation !== 'HEAD' && input.relation === 'HEAD') {
      const head = members.find((m) => m.relation === 'HEAD');
      if (head) {
        const relation = input.formerHeadRelation ?? 'OTHER';
        await scope.updatePerson(household.id, head.id, { relation });
        records.push({ action: 'registry.member.update', before: personSnapshot(head), after: personSnapshot({ ...head, relation }), reason: input.reason ?? '户主变更' });
      }
    }
    await scope.updatePerson(household.id, personId, personFields(input, identity));
    const after = (await scope.members(household.id, { fullIds: true })).find((m) => m.id === personId)!;
    records.push({ action: 'registry.member.update', before: personSnapshot(before), after: personSnapshot(after), reason: input.reason });
    return records;
  });
}
