import type { Deps } from '../../../platform/deps.js';
import { AppError, invalidInput, ruleViolation } from '../../../platform/errors.js';
import { auditDenied, recordAudit } from '../../audit/index.js';
import type { Actor } from '../domain/actor.js';
import { generatePassword, hashPassword } from '../domain/password.js';
import { mayManageUserIn, selfChangeProblem } from '../domain/user-rules.js';
import { auditedUserFields, toUserView } from '../domain/user-view.js';
import { UpdateUserRequestSchema, type UpdateUserRequest, type UserChangeResult } from '../contract.js';
import { deleteSessionsOf } from '../store/session-store.js';
import { divisionName, findUser, updateUserRow } from '../store/user-store.js';
import { requireScopeWithin, requireUserManager } from './guard-user-management.js';

/**
 * Changes a user's display name, role, scope, enabled state or password, all in one transaction.
 * Only a user manager may, only for users inside their scope (others are "not found", and the
 * attempt is audited), and not to lock themselves out. Each kind of change is one audit event:
 * `user.update` (profile before/after), `user.disable` / `user.enable`, `user.reset_password`
 * (never the password or its hash). Disabling a user or setting a password ends their sessions.
 * `target` is a user id or user name.
 */
export async function updateUser(deps: Deps, actor: Actor, target: number | string, input: UpdateUserRequest): Promise<UserChangeResult> {
  const change = UpdateUserRequestSchema.parse(input);
  await requireUserManager(deps, actor, 'user.update', target);
  const { db } = deps.store;
  const current = await findUser(db, target);
  if (!current || !mayManageUserIn(actor, current.scopePrefix)) {
    if (current) await auditDenied(deps, actor, { entityType: 'user', entityId: current.id, reason: '该用户超出管辖范围', scopeCode: current.scopePrefix, attempted: 'user.update' });
    throw new AppError('not_found', `user ${target} not found`, { key: 'access.user_not_found' });
  }
  if (change.scopePrefix !== undefined) {
    await requireScopeWithin(deps, actor, change.scopePrefix, 'user.update', current.id);
    if (change.scopePrefix && (await divisionName(db, change.scopePrefix)) === null) {
      throw invalidInput(`No division with code ${change.scopePrefix}`, [
        { path: 'scopePrefix', message: 'unknown division', code: 'access.unknown_division', value: change.scopePrefix },
      ]);
    }
  }
  const selfProblem = selfChangeProblem(actor, current.id, change);
  if (selfProblem) {
    throw ruleViolation(selfProblem.replace('_', ' '), [{ path: selfProblem === 'disable_self' ? 'disabled' : 'role', message: selfProblem, code: `access.${selfProblem}` }]);
  }
  const generatedPassword = change.resetPassword ? generatePassword() : undefined;
  const newPassword = change.password ?? generatedPassword;
  const passwordHash = newPassword ? await hashPassword(newPassword) : undefined;
  const now = deps.clock.now();
  const reason = change.reason ?? null;

  const updated = await db.transaction().execute(async (trx) => {
    const before = await findUser(trx, current.id, true);
    if (!before) throw new AppError('not_found', `user ${target} not found`, { key: 'access.user_not_found' });
    const profile = {
      ...(change.displayName !== undefined && change.displayName !== before.displayName && { displayName: change.displayName }),
      ...(change.role !== undefined && change.role !== before.role && { role: change.role }),
      ...(change.scopePrefix !== undefined && change.scopePrefix !== before.scopePrefix && { scopePrefix: change.scopePrefix }),
    };
    const nowDisabled = change.disabled !== undefined && change.disabled !== before.disabled ? change.disabled : undefined;
    const after = await updateUserRow(trx, before.id, { ...profile, ...(nowDisabled !== undefined && { disabled: nowDisabled }), ...(passwordHash && { passwordHash }) });
    const audit = (action: string, b: unknown, a: unknown) =>
      recordAudit(trx, actor, now, { action, entityType: 'user', entityId: before.id, scopeCode: after.scopePrefix, before: b, after: a, reason });
    if (Object.keys(profile).length > 0) {
      const was = auditedUserFields(before) as Record<string, unknown>;
      await audit('user.update', Object.fromEntries(Object.keys(profile).map((k) => [k, was[k]])), profile);
    }
    if (nowDisabled !== undefined) {
      const ended = nowDisabled ? await deleteSessionsOf(trx, before.id) : 0;
      await audit(nowDisabled ? 'user.disable' : 'user.enable', { disabled: before.disabled }, { disabled: nowDisabled, ...(nowDisabled && { sessionsEnded: ended }) });
    }
    if (passwordHash) {
      const ended = await deleteSessionsOf(trx, before.id);
      await audit('user.reset_password', null, { passwordChanged: true, generated: Boolean(generatedPassword), sessionsEnded: ended });
    }
    return after;
  });
  const scopeName = updated.scopePrefix ? await divisionName(db, updated.scopePrefix) : null;
  return { user: toUserView(updated, scopeName), ...(generatedPassword && { generatedPassword }) };
}
