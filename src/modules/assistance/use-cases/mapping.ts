import type { Deps } from '../../../platform/deps.js';
import { forbidden, invalidInput } from '../../../platform/errors.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { RISK_TYPES } from '../../cases/index.js';
import { SetMappingRequestSchema } from '../contract.js';
import type { z } from 'zod';
import type { RiskMeasureMapping } from '../domain/suggest.js';
import { upsertMapping } from '../store/plan-store.js';
import { effectiveMapping } from './plan-view.js';

/** The risk → measure mapping in force for a county (default: the actor's county). */
export async function getMapping(deps: Deps, actor: Actor, countyCode?: string): Promise<RiskMeasureMapping> {
  const county = countyCode ?? actor.scopePrefix.slice(0, 6);
  return withActorTransaction(deps.store.db, actor, (trx) => effectiveMapping(trx, county));
}

/** Replaces the categories one risk calls for, everywhere ('' — system/national admins) or in one county. County admins. Audited. */
export async function setMapping(deps: Deps, actor: Actor, risk: string, input: z.input<typeof SetMappingRequestSchema>): Promise<RiskMeasureMapping> {
  const req = SetMappingRequestSchema.parse(input);
  if (actor.role !== 'system' && actor.role !== 'county_admin') throw forbidden('only county administrators edit the mapping');
  if (!(risk in RISK_TYPES)) throw invalidInput(`unknown risk ${risk}`, [{ path: 'risk', code: 'assistance.risk.unknown', message: 'unknown risk type', value: risk }]);
  if (!req.scopeCode.startsWith(actor.scopePrefix) && !(actor.scopePrefix.startsWith(req.scopeCode) && req.scopeCode.length === 6)) {
    throw forbidden('the mapping scope is outside your scope');
  }
  if (req.scopeCode === '' && actor.scopePrefix !== '') throw forbidden('only a national administrator edits the mapping everywhere');
  const now = deps.clock.now();
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const before = await upsertMapping(trx, { scopeCode: req.scopeCode, risk, categories: [...new Set(req.categories)], updatedBy: actor.userId, at: now });
    await recordAudit(trx, actor, now, { action: 'assistance.mapping.set', entityType: 'risk_measure_mapping', entityId: `${req.scopeCode}:${risk}`, scopeCode: req.scopeCode, before, after: req.categories });
    return effectiveMapping(trx, req.scopeCode || actor.scopePrefix.slice(0, 6));
  });
}
