export { ROLES, systemActor, isInScope, type Actor, type Role } from './domain/actor.js';
export { requireActor, requireRole, SESSION_COOKIE } from './http.js';
export { createUser } from './use-cases/create-user.js';
export { NewUserSchema, type NewUser } from './contract.js';
