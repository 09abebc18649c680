import type { Deps } from '../../../platform/deps.js';
import { conflict, invalidInput } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../domain/actor.js';
import { hashPassword } from '../domain/password.js';
import { NewUserSchema, type NewUser } from '../contract.js';

/** Adds a user; the scope must be an existing division (or '' for the whole country). Audited. */
export async function createUser(deps: Deps, actor: Actor, input: NewUser): Promise<{ id: number }> {
  const user = NewUserSchema.parse(input);
  const { db } = deps.store;
  if (user.scopePrefix) {
    const division = await db.selectFrom('division').select('code').where('prefix', '=', user.scopePrefix).executeTakeFirst();
    if (!division) throw invalidInput(`No division with code ${user.scopePrefix}`, [{ path: 'scopePrefix', message: 'unknown division', value: user.scopePrefix }]);
  }
  const passwordHash = await hashPassword(user.password);
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('app_user').select('id').where('username', '=', user.username).executeTakeFirst();
    if (exists) throw conflict(`User ${user.username} exists`, [{ path: 'username', message: 'already taken', value: user.username }]);
    const { id } = await trx
      .insertInto('app_user')
      .values({ username: user.username, display_name: user.displayName, password_hash: passwordHash, role: user.role, scope_prefix: user.scopePrefix, created_at: deps.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, deps.clock.now(), {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      scopeCode: user.scopePrefix,
      after: { username: user.username, displayName: user.displayName, role: user.role, scopePrefix: user.scopePrefix },
    });
    return { id };
  });
}
