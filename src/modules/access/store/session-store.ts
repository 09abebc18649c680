import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Role } from '../domain/actor.js';
import type { UserRecord } from './user-store.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertSession(db: Db, s: { tokenHash: string; userId: number; csrfToken: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('app_session')
    .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

/** Removes sessions that expired at or before `now`; returns how many. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('app_session').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends one session; returns the user it belonged to, if it existed. */
export async function deleteSession(db: Db, tokenHash: string): Promise<number | null> {
  const r = await db.deleteFrom('app_session').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
  return r ? Number(r.user_id) : null;
}

/** Ends every session of a user (disabled, or password changed); returns how many. */
export async function deleteSessionsOf(db: Db, userId: number): Promise<number> {
  const r = await db.deleteFrom('app_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function findSessionUser(db: Db, tokenHash: string, now: Date): Promise<{ user: UserRecord; csrfToken: string } | null> {
  const r = await db
    .selectFrom('app_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  if (!r) return null;
  return {
    csrfToken: r.csrf_token,
    user: {
      id: Number(r.id),
      username: r.username,
      displayName: r.display_name,
      passwordHash: r.password_hash,
      role: r.role as Role,
      scopePrefix: r.scope_prefix,
      disabled: r.disabled,
      createdAt: new Date(r.created_at),
    },
  };
}
