import type { User } from '../contract.js';

export const WHOLE_COUNTRY_NAME = '全国';

/** A user as shown to others: never the password hash. */
export function toUserView(
  u: { id: number; username: string; displayName: string; role: User['role']; scopePrefix: string; disabled: boolean; createdAt: Date },
  scopeName: string | null,
): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopePrefix: u.scopePrefix,
    scopeName: u.scopePrefix === '' ? WHOLE_COUNTRY_NAME : (scopeName ?? u.scopePrefix),
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The profile fields an audit event records (never the password or its hash). */
export const auditedUserFields = (u: { username: string; displayName: string; role: string; scopePrefix: string; disabled: boolean }) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  scopePrefix: u.scopePrefix,
  disabled: u.disabled,
});
