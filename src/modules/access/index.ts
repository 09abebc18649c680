export { ROLES, systemActor, isInScope, type Actor, type Role } from './domain/actor.js';
export { requireActor, requireRole, SESSION_COOKIE } from './http.js';
export { createUser } from './use-cases/create-user.js';
export { NewUserSchema, type NewUser } from './contract.js';
export {
  canSeePersonalData,
  canSeeFullIdNumbers,
  canEditRegistry,
  canImportRegistry,
  canManageUsers,
  canReadAudit,
  scopePattern,
} from './domain/permissions.js';
export { withActorTransaction } from './use-cases/with-actor-transaction.js';
