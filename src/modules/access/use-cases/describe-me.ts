import type { Deps } from '../../../platform/deps.js';
import type { Me } from '../contract.js';
import { WHOLE_COUNTRY_NAME } from '../domain/user-view.js';
import { divisionName } from '../store/user-store.js';
import type { UserRecord } from '../store/user-store.js';

/** The signed-in user as `/api/auth/me` shows them, with the name of their scope division. */
export async function describeMe(deps: Deps, user: UserRecord, csrfToken: string): Promise<Me> {
  const scopeName = user.scopePrefix ? ((await divisionName(deps.store.db, user.scopePrefix)) ?? user.scopePrefix) : WHOLE_COUNTRY_NAME;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, scopePrefix: user.scopePrefix, scopeName, csrfToken };
}
