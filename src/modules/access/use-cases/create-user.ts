import type { Deps } from '../../../platform/deps.js';
import { conflict, invalidInput } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import type { Actor } from '../domain/actor.js';
import { generatePassword, hashPassword } from '../domain/password.js';
import { auditedUserFields, toUserView } from '../domain/user-view.js';
import { NewUserSchema, type NewUser, type User } from '../contract.js';
import { divisionName, findUserByName, insertUser } from '../store/user-store.js';
import { requireScopeWithin, requireUserManager } from './guard-user-management.js';

export interface CreatedUser {
  id: number;
  user: User;
  /** Present when no password was given: shown to the operator once, stored only as a hash. */
  generatedPassword?: string;
}

/**
 * Adds a user. Only a user manager may, and only inside their own scope; the scope must be an
 * existing division ('' = the whole country). Without a password one is generated. Audited
 * (`user.create`), never with the password or its hash.
 */
export async function createUser(deps: Deps, actor: Actor, input: NewUser): Promise<CreatedUser> {
  const user = NewUserSchema.parse(input);
  await requireUserManager(deps, actor, 'user.create');
  await requireScopeWithin(deps, actor, user.scopePrefix, 'user.create');
  const { db } = deps.store;
  const scopeName = user.scopePrefix ? await divisionName(db, user.scopePrefix) : null;
  if (user.scopePrefix && scopeName === null) {
    throw invalidInput(`No division with code ${user.scopePrefix}`, [
      { path: 'scopePrefix', message: 'unknown division', code: 'access.unknown_division', value: user.scopePrefix },
    ]);
  }
  const generatedPassword = user.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(user.password ?? generatedPassword!);
  return db.transaction().execute(async (trx) => {
    if (await findUserByName(trx, user.username)) {
      throw conflict(`User ${user.username} exists`, [{ path: 'username', message: 'already taken', code: 'access.username_taken', value: user.username }]);
    }
    const created = await insertUser(trx, {
      username: user.username,
      displayName: user.displayName,
      passwordHash,
      role: user.role,
      scopePrefix: user.scopePrefix,
      createdAt: deps.clock.now(),
    }).catch((e: unknown) => {
      // Two managers adding the same name at once: the unique index decides.
      if ((e as { code?: string }).code === '23505') {
        throw conflict(`User ${user.username} exists`, [{ path: 'username', message: 'already taken', code: 'access.username_taken', value: user.username }]);
      }
      throw e;
    });
    await recordAudit(trx, actor, deps.clock.now(), {
      action: 'user.create',
      entityType: 'user',
      entityId: created.id,
      scopeCode: created.scopePrefix,
      after: auditedUserFields(created),
    });
    return { id: created.id, user: toUserView(created, scopeName), ...(generatedPassword && { generatedPassword }) };
  });
}
