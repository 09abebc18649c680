import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../domain/actor.js';
import { toUserView } from '../domain/user-view.js';
import { UserListQuerySchema, type UserList, type UserListQuery } from '../contract.js';
import { listUserRows } from '../store/user-store.js';
import { requireUserManager } from './guard-user-management.js';

/** Users inside the manager's scope, filtered and paged. */
export async function listUsers(deps: Deps, actor: Actor, query: Partial<UserListQuery> = {}): Promise<UserList> {
  await requireUserManager(deps, actor, 'user.list');
  const q = UserListQuerySchema.parse({ ...query, disabled: query.disabled === undefined ? undefined : String(query.disabled) });
  const { total, items } = await listUserRows(
    deps.store.db,
    { scopePrefix: actor.scopePrefix, text: q.q, role: q.role, disabled: q.disabled },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return { total, items: items.map((i) => toUserView(i.user, i.scopeName)) };
}
