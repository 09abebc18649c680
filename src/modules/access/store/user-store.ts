import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
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
  createdAt: Date;
}

type Db = Kysely<Database> | Transaction<Database>;

const toUser = (r: Selectable<AppUserTable>): UserRecord => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  role: r.role as Role,
  scopePrefix: r.scope_prefix,
  disabled: r.disabled,
  createdAt: new Date(r.created_at),
});

export async function findUserByName(db: Db, username: string): Promise<UserRecord | null> {
  const r = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? toUser(r) : null;
}

/** By id (a number) or user name (a string); `forUpdate` locks the row for the transaction. */
export async function findUser(db: Db, ref: number | string, forUpdate = false): Promise<UserRecord | null> {
  let q = db.selectFrom('app_user').selectAll();
  q = typeof ref === 'number' ? q.where('id', '=', ref) : q.where('username', '=', ref);
  const r = await (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; role: Role; scopePrefix: string; createdAt: Date },
): Promise<UserRecord> {
  const r = await db
    .insertInto('app_user')
    .values({ username: u.username, display_name: u.displayName, password_hash: u.passwordHash, role: u.role, scope_prefix: u.scopePrefix, created_at: u.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(r);
}

export async function updateUserRow(
  db: Db,
  id: number,
  set: Partial<{ displayName: string; role: Role; scopePrefix: string; disabled: boolean; passwordHash: string }>,
): Promise<UserRecord> {
  const r = await db
    .updateTable('app_user')
    .set({
      ...(set.displayName !== undefined && { display_name: set.displayName }),
      ...(set.role !== undefined && { role: set.role }),
      ...(set.scopePrefix !== undefined && { scope_prefix: set.scopePrefix }),
      ...(set.disabled !== undefined && { disabled: set.disabled }),
      ...(set.passwordHash !== undefined && { password_hash: set.passwordHash }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(r);
}

export interface UserListFilter {
  scopePrefix: string;
  text?: string;
  role?: Role;
  disabled?: boolean;
}

function filteredUsers(db: Db, f: UserListFilter) {
  let q = db.selectFrom('app_user as u');
  if (f.scopePrefix) q = q.where('u.scope_prefix', 'like', `${f.scopePrefix}%`);
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.disabled !== undefined) q = q.where('u.disabled', '=', f.disabled);
  if (f.text) {
    const t = f.text.toLowerCase();
    q = q.where((eb) => eb.or([eb(sql`strpos(lower(u.username), ${t})`, '>', 0), eb(sql`strpos(lower(u.display_name), ${t})`, '>', 0)]));
  }
  return q;
}

/** Users inside a scope with the names of their scope divisions, ordered by user name. */
export async function listUserRows(db: Db, f: UserListFilter, page: { offset: number; limit: number }) {
  const [{ total }] = await filteredUsers(db, f).select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await filteredUsers(db, f)
    .leftJoin('division as d', 'd.prefix', 'u.scope_prefix')
    .selectAll('u')
    .select('d.name as scope_name')
    .orderBy('u.username')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total), items: rows.map((r) => ({ user: toUser(r), scopeName: r.scope_name })) };
}

export async function divisionName(db: Db, prefix: string): Promise<string | null> {
  const r = await db.selectFrom('division').select('name').where('prefix', '=', prefix).executeTakeFirst();
  return r?.name ?? null;
}
