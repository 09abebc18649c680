import type { Deps } from '../../../platform/deps.js';
import type { DivisionLevel } from '../domain/division-code.js';
import { countSubtreeByLevel, listSubtree, type Division } from '../store/division-store.js';
import { resolveDivision } from './resolve-division.js';

/** The divisions below `codeText` at the given levels (e.g. the townships and villages of a county), in code order. */
export async function listDivisionSubtree(deps: Deps, codeText: string, levels: DivisionLevel[]): Promise<Division[]> {
  const division = await resolveDivision(deps.store.db, codeText, 'code');
  return listSubtree(deps.store.db, division.prefix, levels);
}

/** How many divisions of each level lie below a division. */
export async function countDivisionSubtree(deps: Deps, codeText: string): Promise<Partial<Record<DivisionLevel, number>>> {
  const division = await resolveDivision(deps.store.db, codeText, 'code');
  return countSubtreeByLevel(deps.store.db, division.prefix);
}
