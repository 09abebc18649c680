import type { Deps } from '../../../platform/deps.js';
import { invalidInput } from '../../../platform/errors.js';
import { ancestorPrefixes } from '../domain/division-code.js';
import { findByPrefixes, searchDivisionsByName, type Division } from '../store/division-store.js';
import { resolveDivision } from './resolve-division.js';

export const SEARCH_LIMIT = 20;

export interface DivisionHit extends Division {
  /** Names of the ancestors, province first (to tell the many 民主村 apart). */
  path: string[];
}

/** Divisions whose name contains `q`, optionally inside the subtree of `within`; at most 20. */
export async function searchDivisions(deps: Deps, input: { q: string; within?: string }): Promise<DivisionHit[]> {
  const { db } = deps.store;
  const q = input.q.trim();
  if (q.length < 1 || q.length > 50) throw invalidInput('bad query', [{ path: 'q', message: 'enter 1–50 characters', code: 'divisions.bad_query', value: input.q }]);
  const withinPrefix = input.within ? (await resolveDivision(db, input.within, 'within')).prefix : '';
  const hits = await searchDivisionsByName(db, q, withinPrefix, SEARCH_LIMIT);
  const ancestors = await findByPrefixes(db, [...new Set(hits.flatMap((h) => ancestorPrefixes(h.prefix)))]);
  const nameOf = new Map(ancestors.map((a) => [a.prefix, a.name]));
  return hits.map((h) => ({ ...h, path: ancestorPrefixes(h.prefix).flatMap((p) => (nameOf.has(p) ? [nameOf.get(p)!] : [])) }));
}
