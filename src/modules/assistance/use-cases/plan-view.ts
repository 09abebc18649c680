import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { addDays, type CaseSummary } from '../../cases/index.js';
import { householdHasLabour } from '../../registry/index.js';
import type { PlanView } from '../contract.js';
import { mergeMapping, suggestMeasures, uncoveredRisks } from '../domain/suggest.js';
import { firstMeasureDays, shippedMapping } from '../params.js';
import { mappingOverrides, planMeasures, type PlanRecord } from '../store/plan-store.js';

/** The mapping in force for a county: shipped defaults, then overrides everywhere, then the county's. */
export async function effectiveMapping(trx: Transaction<Database>, countyCode: string) {
  const { general, county } = await mappingOverrides(trx, countyCode);
  return mergeMapping(shippedMapping, general, county);
}

/** First-measure deadline: identification date + the parameter (null before identification). */
export const firstMeasureDue = (c: CaseSummary) => (c.identifiedOn ? addDays(c.identifiedOn, firstMeasureDays(c.villageCode.slice(0, 2), c.identifiedOn)) : null);

export async function toPlanView(trx: Transaction<Database>, plan: PlanRecord, c: CaseSummary, today: string): Promise<PlanView> {
  const [measures, mapping, hasLabour] = await Promise.all([planMeasures(trx, plan.id), effectiveMapping(trx, plan.countyCode), householdHasLabour(trx, plan.householdId)]);
  const planned = measures.map((m) => m.category);
  const due = plan.firstMeasureDueOn ?? firstMeasureDue(c);
  const started = measures.some((m) => m.status !== 'PLANNED');
  const g = plan.guaranteesAfter as PlanView['effect'] extends infer E ? (E extends { guaranteesAfter: infer G } ? G : never) : never;
  return {
    id: plan.id,
    householdId: plan.householdId,
    caseId: plan.caseId,
    caseStatus: c.status,
    villageCode: plan.villageCode,
    risks: c.risks,
    responsibleName: plan.responsibleName,
    responsibleUserId: plan.responsibleUserId,
    firstMeasureDueOn: due,
    firstMeasureOverdue: Boolean(due && today > due && !started),
    measures: measures.map(({ householdId: _h, villageCode: _v, ...m }) => m),
    suggestions: suggestMeasures({ risks: c.risks, hasLabour, mapping, planned }),
    uncoveredRisks: uncoveredRisks(c.risks, mapping, planned),
    totalAmountFen: measures.reduce((a, m) => a + m.amountFen, 0),
    effect: plan.effectRecordedOn && plan.incomeAfterFen !== null ? { incomeAfterPerCapitaFen: plan.incomeAfterFen, guaranteesAfter: g, note: plan.effectNote, recordedOn: plan.effectRecordedOn } : null,
    version: plan.version,
  };
}
