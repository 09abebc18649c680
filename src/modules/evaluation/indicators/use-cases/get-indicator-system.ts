import type { Actor } from '../../../access/index.js';
import type { Deps } from '../../../../platform/deps.js';
import { IndicatorSystemInputSchema, type IndicatorSystem, type IndicatorSystemInput } from '../contract.js';
import { defaultIndicatorSystem } from '../domain/default-system.js';
import { findSystem } from '../store/indicator-store.js';
import { AppError } from '../../../../platform/errors.js';
import { auditDenied } from '../../../access/index.js';

/** The county's indicator tree, or the shipped default while the county has not saved one. */
export async function loadIndicatorSystem(deps: Deps, countyCode: string): Promise<IndicatorSystem> {
  const row = await findSystem(deps.store.db, countyCode);
  if (!row) return { countyCode, ...withoutVersion(defaultIndicatorSystem()), version: 0, isDefault: true, updatedAt: null, updatedBy: null };
  const tree = IndicatorSystemInputSchema.parse({ ...(row.definition as object), version: row.version });
  return { countyCode, ...withoutVersion(tree), version: row.version, isDefault: false, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
}

const withoutVersion = ({ version: _v, ...rest }: IndicatorSystemInput) => rest;

/** GET: anyone whose scope overlaps the county (a township officer reads the county's system). */
export async function getIndicatorSystem(deps: Deps, actor: Actor, countyCode: string): Promise<IndicatorSystem> {
  if (!countyCode.startsWith(actor.scopePrefix) && !actor.scopePrefix.startsWith(countyCode)) {
    await auditDenied(deps, actor, { entityType: 'indicator_system', entityId: countyCode, reason: '超出管辖范围', scopeCode: countyCode, attempted: 'indicator_system.read' });
    throw new AppError('forbidden', `county ${countyCode} is outside your scope`, { key: 'evaluation.indicators.out_of_scope' });
  }
  return loadIndicatorSystem(deps, countyCode);
}
