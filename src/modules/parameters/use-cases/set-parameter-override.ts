import type { Deps } from '../../../platform/deps.js';
import { forbidden, invalidInput, notFound } from '../../../platform/errors.js';
import { type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { parameterDefinition } from '../defaults.js';
import { SetParameterRequestSchema, type SetParameterRequest } from '../contract.js';
import { upsertOverride } from '../store/override-store.js';

let version = 0;
/** Grows with every override set in this process: caches of resolved parameters key on it. */
export const overrideVersion = (): number => version;

/**
 * Sets a province or county value of a parameter from a date, with the document that set it.
 * County administrators only, for a division inside their scope (a county admin sets their county;
 * a province value needs a province-wide scope). Audited with before/after.
 */
export async function setParameterOverride(deps: Deps, actor: Actor, parameterId: string, input: SetParameterRequest): Promise<{ id: number }> {
  const def = parameterDefinition(parameterId);
  if (!def) throw notFound(`parameter ${parameterId}`);
  const body = SetParameterRequestSchema.parse(input);
  if (actor.role !== 'system' && actor.role !== 'county_admin') throw forbidden(`role ${actor.role} may not set parameters`);
  if (!body.code.startsWith(actor.scopePrefix)) throw forbidden(`division ${body.code} is outside your scope`);
  if (def.unit === 'share' && body.value > 1) throw invalidInput('a share is between 0 and 1', [{ path: 'value', message: 'a share is between 0 and 1', code: 'parameters.share_range', value: body.value }]);
  const division = await deps.store.db.selectFrom('division').select('code').where('prefix', '=', body.code).executeTakeFirst();
  if (!division) throw invalidInput(`no division ${body.code}`, [{ path: 'code', message: 'unknown division', code: 'parameters.unknown_division', value: body.code }]);
  const at = deps.clock.now();
  return deps.store.db.transaction().execute(async (trx) => {
    const { id, before } = await upsertOverride(trx, {
      parameterId,
      scopeCode: body.code,
      effectiveFrom: body.effectiveFrom,
      value: body.value,
      docNo: body.docNo,
      docTitle: body.docTitle,
      createdBy: actor.userId,
      createdByName: actor.name,
      at,
    });
    await recordAudit(trx, actor, at, {
      action: 'parameters.override.set',
      entityType: 'parameter_override',
      entityId: id,
      scopeCode: body.code,
      before: before && { value: before.value, docNo: before.docNo, docTitle: before.docTitle },
      after: { parameterId, scopeCode: body.code, effectiveFrom: body.effectiveFrom, value: body.value, docNo: body.docNo, docTitle: body.docTitle },
      reason: body.reason ?? null,
    });
    return { id };
  }).finally(() => {
    version++;
  });
}
