import type { Deps } from '../../../platform/deps.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { canSeePersonalData, withActorTransaction, type Actor } from '../../access/index.js';
import { findHouseholdCard } from '../../registry/index.js';
import type { CasePage } from '../contract.js';
import { caseNotices, caseObjections, caseTimeline, getCase, householdFacts } from '../store/case-store.js';
import { toCaseView } from './case-view.js';

/** Everything the case page shows: the case, its household, the full timeline with evidence, notices and objections. */
export async function getCasePage(deps: Deps, actor: Actor, caseId: number): Promise<CasePage> {
  if (!canSeePersonalData(actor)) throw forbidden('aggregates only for this role');
  const today = toLocalDate(deps.clock.now());
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const c = await getCase(trx, actor.scopePrefix, caseId);
    if (!c) throw notFound(`case ${caseId}`);
    const [household, facts, timeline, notices, objections, village] = await Promise.all([
      findHouseholdCard(trx, actor.scopePrefix, c.householdId),
      householdFacts(trx, c.householdId, Number(today.slice(0, 4))),
      caseTimeline(trx, c.id),
      caseNotices(trx, c.id),
      caseObjections(trx, c.id),
      trx.selectFrom('division').select('name').where('code', '=', c.villageCode).executeTakeFirst(),
    ]);
    if (!household) throw notFound(`household ${c.householdId}`);
    return {
      case: toCaseView({ ...c, householdNo: household.householdNo, headName: household.headName }, actor, today),
      household: {
        id: household.id,
        householdNo: household.householdNo,
        householdType: household.householdType,
        villageCode: household.villageCode,
        villageName: village?.name ?? null,
        size: household.size,
        hasLabour: facts.hasLabour,
        latestIncome: facts.latestIncome,
      },
      timeline: timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
      notices: notices.map(({ countyCode: _c, ...n }) => n),
      objections: objections.map(({ villageCode: _v, ...o }) => o),
      today,
    };
  });
}
