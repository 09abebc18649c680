import type { Kysely, Selectable } from 'kysely';
import type { AppUserTable, Database } from '../../../db/schema.js';
import type { Role } from '../domain/actor.js';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  scopePrefix: string;
  disabled: boolean;
}

const toUser = (r: Selectable<AppUserTable>): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  role: r.role as Role,
  scopePrefix: r.scope_prefix,
  disabled: r.disabled,
});

export async function findUserByName(db: Kysely<Database>, username: string): Promise<UserRecord | null> {
  const r = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function findSessionUser(db: Kysely<Database>, tokenHash: string, now: Date) {
  const r = await db
    .selectFrom('app_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  return r ? { user: toUser(r), csrfToken: r.csrf_token } : null;
}
