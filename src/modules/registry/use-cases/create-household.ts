import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import type { Deps } from '../../../platform/deps.js';
import { notifyHouseholdsChanged } from '../households-changed.js';
import type { ErrorDetail } from '../../../platform/errors.js';
import type { CreateHousehold, HouseholdProfile, IncomeInput } from '../contract.js';
import { personFields, personSnapshot } from '../domain/person-values.js';
import { checkGuarantee, checkIncomeYears, checkMembers } from '../domain/validate-household.js';
import { findHouseholdNoOwner, findIdNumberHolders } from '../store/registry-lookup.js';
import { withRegistryScope, type GuaranteeValues, type IncomeValues } from '../store/registry-store.js';
import {
  duplicate,
  householdNotFound,
  householdSnapshot,
  idNumberConflicts,
  invalidHousehold,
  loadProfile,
  requireEditor,
  today,
  withUniqueMapping,
} from './household-access.js';
import type { GuaranteeInput } from '../contract.js';

/**
 * Registers a household with its members and, optionally, income records and the guarantee status,
 * all or nothing, with one audit event. Checks: the rules of domain/validate-household.ts (422 with
 * field paths), the village exists in the caller's scope (422), the household number and every ID
 * number are not taken (409, naming the holding household when the caller may see it).
 */
export async function createHousehold(deps: Deps, actor: Actor, input: CreateHousehold): Promise<HouseholdProfile> {
  requireEditor(actor);
  const day = today(deps);
  const members = checkMembers(input.members, day);
  const problems: ErrorDetail[] = [
    ...members.problems,
    ...checkIncomeYears((input.incomes ?? []).map((i) => i.year), day),
    ...(input.guarantee ? checkGuarantee(input.guarantee) : []),
  ];
  if (problems.length) throw invalidHousehold(problems);

  const ids = members.identities.map((i) => i!.idNumber);
  const owner = await findHouseholdNoOwner(deps.store.db, input.householdNo);
  const holders = await findIdNumberHolders(deps.store.db, ids);
  const now = deps.clock.now();

  const profile = await withUniqueMapping(() =>
    withRegistryScope(deps.store.db, actor, async (scope) => {
      const conflicts: ErrorDetail[] = [];
      if (owner) conflicts.push({ path: 'householdNo', code: 'registry.household_no.taken', message: 'household number taken', value: input.householdNo });
      conflicts.push(...(await idNumberConflicts(scope, holders, ids.map((idNumber, i) => ({ idNumber, path: `members.${i}.idNumber` })))));
      if (conflicts.length) throw duplicate(conflicts);
      if (!(await scope.village(input.villageCode))) {
        throw invalidHousehold([{ path: 'villageCode', code: 'registry.village.unknown', message: 'no such village in your area', value: input.villageCode }]);
      }

      const id = await scope.insertHousehold(
        {
          household_no: input.householdNo,
          village_code: input.villageCode,
          household_type: input.householdType,
          address: input.address ?? null,
          phone: input.phone ?? null,
          is_relocated: input.isRelocated ?? false,
          is_military_family: input.isMilitaryFamily ?? false,
        },
        now,
      );
      await scope.insertPeople(
        id,
        input.villageCode,
        input.members.map((m, i) => personFields(m, members.identities[i]!)),
      );
      for (const income of input.incomes ?? []) await scope.upsertIncome(id, input.villageCode, income.year, incomeValues(income, input.members.length));
      if (input.guarantee) await scope.upsertGuarantee(id, input.villageCode, guaranteeValues(input.guarantee, day));

      const household = await scope.household(id);
      if (!household) throw householdNotFound();
      const full = await scope.members(id, { fullIds: true });
      await recordAudit(scope.trx, actor, now, {
        action: 'registry.household.create',
        entityType: 'household',
        entityId: id,
        scopeCode: input.villageCode,
        after: {
          ...householdSnapshot(household),
          members: full.map(personSnapshot),
          incomes: await scope.incomes(id),
          guarantee: await scope.guarantee(id),
        },
      });
      return loadProfile(scope, household);
    }),
  );
  await notifyHouseholdsChanged(deps, actor, { kind: 'edit', action: 'registry.household.create', householdIds: [profile.household.id] });
  return profile;
}

export function incomeValues(i: IncomeInput, defaultSize: number): IncomeValues {
  return {
    household_size: i.householdSize ?? Math.max(1, defaultSize),
    wage_fen: i.wageFen,
    operating_fen: i.operatingFen,
    property_fen: i.propertyFen,
    transfer_fen: i.transferFen,
    production_cost_fen: i.productionCostFen,
    out_of_pocket_medical_fen: i.outOfPocketMedicalFen,
  };
}

export function guaranteeValues(g: GuaranteeInput, day: string): GuaranteeValues {
  return {
    as_of: g.asOf ?? day,
    food_clothing_ok: g.foodClothingOk,
    housing_unsafe: g.housingUnsafe,
    house_grade: g.houseGrade ?? null,
    dropout_child: g.dropoutChild,
    member_uninsured: g.memberUninsured,
    water_unsafe: g.waterUnsafe,
    water_liters_per_day: g.waterLitersPerDay ?? null,
    water_trip_minutes: g.waterTripMinutes ?? null,
    water_interruption_days: g.waterInterruptionDays ?? null,
  };
}
