import './messages.js';

/**
 * The registry module's public surface: households, people, incomes, guarantees; search, profile, overview.
 *
 * Other modules read the registry's tables only through this surface (docs/decisions/0005-reads-across-modules.md):
 * - per household, inside their own transaction: findHouseholdCard, findHouseholdStanding, householdHasLabour;
 *   people by ID number (matching declarations and department files): findPeopleByIdNumbers;
 * - set-based (analytics, list joins, the monitoring sweep): the read-only views of migrations 0011 and 0013,
 *   never the tables — registry_household (household + head_name, member_count, phone, updated_at),
 *   registry_person (members' facts, no name, ID number or contact), registry_income (yearly incomes),
 *   registry_guarantee (两不愁三保障 and water); LABOR_CAPABLE_SQL lists the labour-capable skills for them.
 */
export * from './contract.js';
export { registryMessages } from './messages.js';
export { registerRegistryRoutes } from './http.js';
export { registerRegistryCommands } from './cli.js';
export { searchHouseholds } from './use-cases/search-households.js';
export { getHouseholdProfile } from './use-cases/get-household-profile.js';
export { createHousehold } from './use-cases/create-household.js';
export { updateHousehold } from './use-cases/update-household.js';
export { addMember } from './use-cases/add-member.js';
export { updateMember } from './use-cases/update-member.js';
export { removeMember } from './use-cases/remove-member.js';
export { upsertIncome } from './use-cases/upsert-income.js';
export { setGuarantee } from './use-cases/set-guarantee.js';
export { getOverview } from './use-cases/get-overview.js';
export {
  findHouseholdCard,
  findHouseholdStanding,
  householdHasLabour,
  findPeopleByIdNumbers,
  LABOR_CAPABLE_SQL,
  type HouseholdCard,
  type HouseholdStanding,
  type HouseholdGuarantees,
  type PersonPlace,
} from './store/household-reads.js';
export { onHouseholdsChanged, type HouseholdsChange, type HouseholdsChangedListener } from './households-changed.js';
export { checkMembers, checkMemberIdentity, checkIncomeYears, checkGuarantee, hasGuaranteeProblem, deriveIncome } from './domain/validate-household.js';
export { parseIdNumber, makeIdNumber, maskIdNumber, idCheckChar, type IdNumberFacts, type IdNumberProblem } from './domain/id-number.js';
export * from './domain/enums.js';
export * from './import-export/index.js';
export * from './demo/index.js';
