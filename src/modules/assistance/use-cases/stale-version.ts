import { conflict } from '../../../platform/errors.js';

/** A change sent against an older version of a plan or measure (optimistic concurrency): 409, worded per request. */
export const staleVersion = (what: 'plan' | 'measure', id: number, current: number, sent: number) =>
  conflict(`${what} ${id} changed (version ${current})`, [
    { path: 'version', message: 'stale version', code: `assistance.${what}.stale_version`, params: { current, sent }, value: sent },
  ]);
