import type { Actor } from './actor.js';

/**
 * What each role may do with personal data. Pure. Analysts see aggregates only; auditors read
 * everything (masked IDs) but change nothing; experts see households they serve with masked IDs.
 */
export const canSeePersonalData = (a: Actor): boolean => a.role !== 'analyst';
export const canSeeFullIdNumbers = (a: Actor): boolean =>
  a.role === 'system' || a.role === 'county_admin' || a.role === 'county_reviewer' || a.role === 'township_officer' || a.role === 'village_cadre';
export const canEditRegistry = (a: Actor): boolean =>
  a.role === 'system' || a.role === 'county_admin' || a.role === 'township_officer' || a.role === 'village_cadre' || a.role === 'task_force';
export const canImportRegistry = (a: Actor): boolean => a.role === 'system' || a.role === 'county_admin';
export const canManageUsers = (a: Actor): boolean => a.role === 'system' || a.role === 'county_admin';
export const canReadAudit = (a: Actor): boolean => a.role === 'system' || a.role === 'county_admin' || a.role === 'auditor';

/** SQL LIKE pattern for division codes inside the actor's scope (the one scope rule: a prefix test). */
export const scopePattern = (a: Actor): string => `${a.scopePrefix}%`;
