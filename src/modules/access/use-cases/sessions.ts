import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import { verifyPassword } from '../domain/password.js';
import type { Actor } from '../domain/actor.js';
import { findSessionUser, findUserByName, type UserRecord } from '../store/user-store.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionStart {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRecord;
}

/** Checks the password and opens a server-side session; the token goes to an httpOnly cookie. */
export async function login(deps: Deps, username: string, password: string): Promise<SessionStart> {
  const user = await findUserByName(deps.store.db, username);
  const ok = user && !user.disabled && (await verifyPassword(password, user.passwordHash));
  if (!ok) throw new AppError('unauthenticated', 'wrong user name or password', { key: 'errors.bad_credentials' });
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_HOURS * 3_600_000);
  await deps.store.db
    .insertInto('app_session')
    .values({ token_hash: hashToken(token), user_id: user.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt, user };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  await deps.store.db.deleteFrom('app_session').where('token_hash', '=', hashToken(token)).execute();
}

/** The actor behind a session token, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(deps: Deps, token: string): Promise<{ actor: Actor; user: UserRecord; csrfToken: string } | null> {
  const found = await findSessionUser(deps.store.db, hashToken(token), deps.clock.now());
  if (!found) return null;
  const { user, csrfToken } = found;
  return { actor: { userId: user.id, name: user.displayName, role: user.role, scopePrefix: user.scopePrefix }, user, csrfToken };
}
