import type { Deps } from '../../../platform/deps.js';
import { listChildren, type Division } from '../store/division-store.js';
import { resolveDivision } from './resolve-division.js';

/** The direct children of a division, each with its own child count. */
export async function listDivisionChildren(deps: Deps, codeText: string, path = 'code'): Promise<Array<Division & { childCount: number }>> {
  const division = await resolveDivision(deps.store.db, codeText, path);
  return listChildren(deps.store.db, division.code);
}
