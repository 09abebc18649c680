import type { Deps } from '../../../platform/deps.js';
import { ancestorPrefixes } from '../domain/division-code.js';
import { countChildren, findByPrefixes, type Division } from '../store/division-store.js';
import { resolveDivision } from './resolve-division.js';

export interface DivisionDetail extends Division {
  ancestors: Array<Omit<Division, 'parentCode'>>;
  childCount: number;
}

/** A division with its ancestors (province first) and the number of its direct children. */
export async function getDivision(deps: Deps, codeText: string, path = 'code'): Promise<DivisionDetail> {
  const { db } = deps.store;
  const division = await resolveDivision(db, codeText, path);
  const [ancestors, childCount] = await Promise.all([findByPrefixes(db, ancestorPrefixes(division.prefix)), countChildren(db, division.code)]);
  return { ...division, ancestors: ancestors.map(({ parentCode: _p, ...a }) => a), childCount };
}
