import { auditDenied, canImportRegistry, type Actor } from '../../../access/index.js';
import { recordAudit } from '../../../audit/index.js';
import type { Deps } from '../../../../platform/deps.js';
import { AppError } from '../../../../platform/errors.js';
import type { IndicatorSystem, IndicatorSystemInput } from '../contract.js';
import { defaultIndicatorSystem } from '../domain/default-system.js';
import { findSystem, saveSystem } from '../store/indicator-store.js';
import { loadIndicatorSystem } from './get-indicator-system.js';

/**
 * Replaces the county's indicator tree (county administrators of that county). Optimistic lock on
 * `version` (0 = editing the shipped default); audited with the tree before and after.
 */
export async function saveIndicatorSystem(deps: Deps, actor: Actor, countyCode: string, input: IndicatorSystemInput): Promise<IndicatorSystem> {
  const allowed = canImportRegistry(actor) && countyCode.startsWith(actor.scopePrefix);
  if (!allowed) {
    await auditDenied(deps, actor, { entityType: 'indicator_system', entityId: countyCode, reason: canImportRegistry(actor) ? '超出管辖范围' : '角色无权编辑指标体系', scopeCode: countyCode, attempted: 'indicator_system.update' });
    throw new AppError('forbidden', 'may not edit this indicator system', { key: canImportRegistry(actor) ? 'evaluation.indicators.out_of_scope' : 'evaluation.indicators.forbidden_role' });
  }
  const { version, ...tree } = input;
  await deps.store.db.transaction().execute(async (trx) => {
    const current = await findSystem(trx, countyCode, true);
    const currentVersion = current?.version ?? 0;
    if (version !== currentVersion) {
      throw new AppError('conflict', `version ${version} is stale (now ${currentVersion})`, {
        key: 'evaluation.indicators.version_conflict',
        details: [{ path: 'version', message: `now ${currentVersion}`, code: 'evaluation.indicators.version_conflict', params: { version: currentVersion }, value: version }],
      });
    }
    const before = current ? current.definition : { ...defaultIndicatorSystem(), version: undefined, shippedDefault: true };
    const at = deps.clock.now();
    await saveSystem(trx, { countyCode, definition: tree, version: currentVersion + 1, userId: actor.userId, userName: actor.name, at });
    await recordAudit(trx, actor, at, {
      action: 'evaluation.indicator_system.update',
      entityType: 'indicator_system',
      entityId: countyCode,
      scopeCode: countyCode,
      before,
      after: { ...tree, version: currentVersion + 1 },
    });
  });
  return loadIndicatorSystem(deps, countyCode);
}
