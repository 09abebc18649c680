import type { Deps } from '../../../platform/deps.js';
import { AppError, type ErrorDetail } from '../../../platform/errors.js';
import { auditDenied } from '../../audit/index.js';
import type { Actor } from '../domain/actor.js';
import { canManageUsers } from '../domain/permissions.js';
import { mayManageUserIn } from '../domain/user-rules.js';
import '../messages.js';

/** 403 (audited) unless the actor's role may manage users at all. */
export async function requireUserManager(deps: Deps, actor: Actor, attempted: string, entityId: string | number | null = null): Promise<void> {
  if (canManageUsers(actor)) return;
  await auditDenied(deps, actor, { entityType: 'user', entityId, reason: `角色 ${actor.role} 无权管理用户`, attempted });
  throw new AppError('forbidden', `role ${actor.role} may not manage users`, { key: 'errors.manage_users_forbidden' });
}

/** 403 (audited) when a scope given in the input lies outside the actor's own scope. */
export async function requireScopeWithin(deps: Deps, actor: Actor, scopePrefix: string, attempted: string, entityId: string | number | null = null): Promise<void> {
  if (mayManageUserIn(actor, scopePrefix)) return;
  await auditDenied(deps, actor, { entityType: 'user', entityId, reason: `辖区 ${scopePrefix || '（全国）'} 超出 ${actor.scopePrefix} 的管辖范围`, scopeCode: scopePrefix, attempted });
  const detail: ErrorDetail = { path: 'scopePrefix', message: 'outside your own scope', code: 'access.scope_outside', value: scopePrefix };
  throw new AppError('forbidden', `scope ${scopePrefix} is outside the actor's scope`, { details: [detail] });
}
