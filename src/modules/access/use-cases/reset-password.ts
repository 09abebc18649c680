import type { Deps } from '../../../platform/deps.js';
import type { UserChangeResult } from '../contract.js';
import type { Actor } from '../domain/actor.js';
import { updateUser } from './update-user.js';

/**
 * Sets a new password (or generates one, returned once in `generatedPassword`) and ends the user's
 * sessions. Audited as `user.reset_password` without the password or its hash.
 */
export const resetPassword = (deps: Deps, actor: Actor, target: number | string, password?: string, reason?: string): Promise<UserChangeResult> =>
  updateUser(deps, actor, target, { ...(password ? { password } : { resetPassword: true as const }), ...(reason && { reason }) });
