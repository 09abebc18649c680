export { ROLES, systemActor, isInScope, type Actor, type Role } from './domain/actor.js';
export { requireActor, requireRole, SESSION_COOKIE } from './http.js';
export { createUser, type CreatedUser } from './use-cases/create-user.js';
export { listUsers } from './use-cases/list-users.js';
export { updateUser } from './use-cases/update-user.js';
export { disableUser, enableUser } from './use-cases/disable-user.js';
export { resetPassword } from './use-cases/reset-password.js';
export { login, logout, resolveSession } from './use-cases/sessions.js';
export {
  NewUserSchema,
  UserSchema,
  UserListSchema,
  UserListQuerySchema,
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  UserChangeResultSchema,
  type NewUser,
  type User,
  type UserList,
  type UserListQuery,
  type UpdateUserRequest,
  type UserChangeResult,
} from './contract.js';
export {
  canSeePersonalData,
  canSeeFullIdNumbers,
  canEditRegistry,
  canImportRegistry,
  canManageUsers,
  canReadAudit,
  scopePattern,
} from './domain/permissions.js';
export { withActorTransaction, APP_ROLE } from './use-cases/with-actor-transaction.js';
/** Refused attempts are audited by the audit module's helper; re-exported for convenience. */
export { auditDenied } from '../audit/index.js';
