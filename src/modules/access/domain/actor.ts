/** Who is acting, with which role, inside which division subtree. Pure: no I/O. */
export const ROLES = [
  'county_admin',
  'county_reviewer',
  'township_officer',
  'village_cadre',
  'task_force',
  'expert',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  /** null for the system itself (seeding, scheduled sweeps, CLI run by the operator). */
  userId: number | null;
  name: string;
  role: Role | 'system';
  /** Significant digits of the division subtree the actor may see ('' = the whole country). */
  scopePrefix: string;
}

export const systemActor = (name = 'system'): Actor => ({ userId: null, name, role: 'system', scopePrefix: '' });

/** Is this division code (12 digits, or a prefix) inside the actor's scope? */
export const isInScope = (actor: Actor, divisionCode: string): boolean => divisionCode.startsWith(actor.scopePrefix);
