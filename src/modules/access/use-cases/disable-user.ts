import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../domain/actor.js';
import { updateUser } from './update-user.js';

/** Disables a user and ends their sessions (audited `user.disable`). */
export const disableUser = (deps: Deps, actor: Actor, target: number | string, reason?: string) =>
  updateUser(deps, actor, target, { disabled: true, ...(reason && { reason }) });

/** Enables a disabled user again (audited `user.enable`). */
export const enableUser = (deps: Deps, actor: Actor, target: number | string, reason?: string) =>
  updateUser(deps, actor, target, { disabled: false, ...(reason && { reason }) });
