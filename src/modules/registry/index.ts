import './messages.js';

/**
 * The registry module's public surface: households, people, incomes, guarantees; search, profile, overview.
 *
 * Other modules read the registry's tables only through this surface (docs/decisions/0005-reads-across-modules.md):
 * - per household, inside their own transaction: findHouseholdCard, findHouseholdStanding, householdHasLabour;
 * - set-based (analytics, list joins): the read-only views of migration 0011, never the tables —
 *   registry_household (household + head_name, member_count), registry_person (members' facts, no name or
 *   ID number), registry_income (yearly incomes), registry_guarantee (两不愁三保障 and water).
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
export { findHouseholdCard, findHouseholdStanding, householdHasLabour, type HouseholdCard, type HouseholdStanding, type HouseholdGuarantees } from './store/household-reads.js';
export { onHouseholdsChanged, type HouseholdsChange, type HouseholdsChangedListener } from './households-changed.js';
export { checkMembers, checkMemberIdentity, checkIncomeYears, checkGuarantee, hasGuaranteeProblem, deriveIncome } from './domain/validate-household.js';
export { parseIdNumber, makeIdNumber, maskIdNumber, idCheckChar, type IdNumberFacts, type IdNumberProblem } from './domain/id-number.js';
export * from './domain/enums.js';
export * from './import-export/index.js';
export * from './demo/index.js';
