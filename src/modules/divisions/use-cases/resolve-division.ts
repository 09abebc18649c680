import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError, invalidInput } from '../../../platform/errors.js';
import { parseDivisionCode } from '../domain/division-code.js';
import { findDivision, type Division } from '../store/division-store.js';
import '../messages.js';

/** The division a user named by 12-digit code or significant prefix; 422 naming `path` when malformed, 404 when unknown. */
export async function resolveDivision(db: Kysely<Database>, text: string, path: string): Promise<Division> {
  const key = parseDivisionCode(text);
  if (!key) throw invalidInput(`malformed division code ${text}`, [{ path, message: 'malformed division code', code: 'divisions.bad_code', value: text }]);
  const division = await findDivision(db, key);
  if (!division) {
    throw new AppError('not_found', `no division ${text}`, {
      details: [{ path, message: `no division with code ${text}`, code: 'divisions.unknown_code', value: text }],
    });
  }
  return division;
}
