import type { Actor } from './actor.js';
import { canManageUsers } from './permissions.js';

/**
 * Who may manage which user. Pure. A user manager (county administrator, or the system) works only
 * inside their own scope: the user's current scope and any new scope must lie within it.
 */
export const mayManageUserIn = (actor: Actor, userScopePrefix: string): boolean =>
  canManageUsers(actor) && userScopePrefix.startsWith(actor.scopePrefix);

export interface UserChange {
  role?: string;
  scopePrefix?: string;
  disabled?: boolean;
}

/** Changes a manager may not make to their own account, so nobody locks themselves out by accident. */
export function selfChangeProblem(actor: Actor, targetUserId: number, change: UserChange): 'disable_self' | 'demote_self' | null {
  if (actor.userId === null || actor.userId !== targetUserId) return null;
  if (change.disabled === true) return 'disable_self';
  if ((change.role !== undefined && change.role !== actor.role) || (change.scopePrefix !== undefined && change.scopePrefix !== actor.scopePrefix)) {
    return 'demote_self';
  }
  return null;
}
