import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../domain/password.js';
import type { Actor } from '../domain/actor.js';
import { deleteSession, findSessionUser, insertSession, purgeExpiredSessions } from '../store/session-store.js';
import { findUser, findUserByName, type UserRecord } from '../store/user-store.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionStart {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRecord;
}

const actorOf = (user: UserRecord): Actor => ({ userId: user.id, name: user.displayName, role: user.role, scopePrefix: user.scopePrefix });

/**
 * Checks the password and opens a server-side session of SESSION_HOURS; the token goes to an
 * httpOnly cookie and only its hash is stored. Expired sessions are purged here. An unknown user
 * name costs the same scrypt work as a wrong password, so timing does not reveal which names exist.
 * Audited as `session.login`.
 */
export async function login(deps: Deps, username: string, password: string): Promise<SessionStart> {
  const user = await findUserByName(deps.store.db, username);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || user.disabled || !passwordOk) throw new AppError('unauthenticated', 'wrong user name or password', { key: 'errors.bad_credentials' });
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_HOURS * 3_600_000);
  await deps.store.db.transaction().execute(async (trx) => {
    await purgeExpiredSessions(trx, now);
    await insertSession(trx, { tokenHash: hashToken(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
    await recordAudit(trx, actorOf(user), now, { action: 'session.login', entityType: 'user', entityId: user.id, scopeCode: user.scopePrefix, after: { expiresAt: expiresAt.toISOString() } });
  });
  return { token, csrfToken, expiresAt, user };
}

/** Ends the session of this token (audited `session.logout`); unknown tokens are ignored. */
export async function logout(deps: Deps, token: string): Promise<void> {
  const now = deps.clock.now();
  await deps.store.db.transaction().execute(async (trx) => {
    const userId = await deleteSession(trx, hashToken(token));
    if (userId === null) return;
    const user = await findUser(trx, userId);
    if (user) await recordAudit(trx, actorOf(user), now, { action: 'session.logout', entityType: 'user', entityId: user.id, scopeCode: user.scopePrefix });
  });
}

/** The actor behind a session token, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(deps: Deps, token: string): Promise<{ actor: Actor; user: UserRecord; csrfToken: string } | null> {
  const found = await findSessionUser(deps.store.db, hashToken(token), deps.clock.now());
  if (!found) return null;
  return { actor: actorOf(found.user), user: found.user, csrfToken: found.csrfToken };
}
