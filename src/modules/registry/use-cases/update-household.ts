import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import type { Deps } from '../../../platform/deps.js';
import { notifyHouseholdsChanged } from '../households-changed.js';
import type { HouseholdProfile, UpdateHousehold } from '../contract.js';
import { findHouseholdNoOwner } from '../store/registry-lookup.js';
import { withRegistryScope, type HouseholdValues } from '../store/registry-store.js';
import {
  duplicate,
  householdNotFound,
  householdSnapshot,
  invalidHousehold,
  loadProfile,
  OUT_OF_SCOPE,
  refuseHousehold,
  requireEditor,
  staleVersion,
  withUniqueMapping,
} from './household-access.js';

/**
 * Edits household facts against the version the editor saw (stale → 409). Moving to another village
 * moves the members', incomes' and guarantee's scope keys along; the new village must be in scope.
 */
export async function updateHousehold(deps: Deps, actor: Actor, householdId: number, patch: UpdateHousehold): Promise<HouseholdProfile> {
  requireEditor(actor);
  const owner = patch.householdNo ? await findHouseholdNoOwner(deps.store.db, patch.householdNo) : null;
  const now = deps.clock.now();
  const result = await withUniqueMapping(() =>
    withRegistryScope(deps.store.db, actor, async (scope) => {
      const before = await scope.household(householdId, { forUpdate: true });
      if (!before) return OUT_OF_SCOPE;
      if (patch.version !== before.version) throw staleVersion(patch.version, before.version);
      if (owner && owner.id !== householdId) {
        throw duplicate([{ path: 'householdNo', code: 'registry.household_no.taken', message: 'household number taken', value: patch.householdNo }]);
      }
      const moving = patch.villageCode !== undefined && patch.villageCode !== before.villageCode;
      if (moving && !(await scope.village(patch.villageCode!))) {
        throw invalidHousehold([{ path: 'villageCode', code: 'registry.village.unknown', message: 'no such village in your area', value: patch.villageCode }]);
      }
      const values: Partial<HouseholdValues> = {};
      if (patch.householdNo !== undefined) values.household_no = patch.householdNo;
      if (patch.villageCode !== undefined) values.village_code = patch.villageCode;
      if (patch.householdType !== undefined) values.household_type = patch.householdType;
      if (patch.address !== undefined) values.address = patch.address;
      if (patch.phone !== undefined) values.phone = patch.phone;
      if (patch.isRelocated !== undefined) values.is_relocated = patch.isRelocated;
      if (patch.isMilitaryFamily !== undefined) values.is_military_family = patch.isMilitaryFamily;
      if (!(await scope.updateHousehold(householdId, patch.version, values, now))) throw staleVersion(patch.version, before.version + 1);
      if (moving) await scope.moveDependents(householdId, patch.villageCode!);
      const after = await scope.household(householdId);
      if (!after) throw householdNotFound();
      await recordAudit(scope.trx, actor, now, {
        action: 'registry.household.update',
        entityType: 'household',
        entityId: householdId,
        scopeCode: after.villageCode,
        before: householdSnapshot(before),
        after: householdSnapshot(after),
        reason: patch.reason ?? null,
      });
      return loadProfile(scope, after);
    }),
  );
  if (result === OUT_OF_SCOPE) return refuseHousehold(deps, actor, householdId, 'update');
  await notifyHouseholdsChanged(deps, actor, { kind: 'edit', action: 'registry.household.update', householdIds: [householdId] });
  return result;
}
