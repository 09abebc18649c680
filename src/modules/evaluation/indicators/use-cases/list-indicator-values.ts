import { withActorTransaction, type Actor } from '../../../access/index.js';
import type { Deps } from '../../../../platform/deps.js';
import type { IndicatorValueList, ValuesQuery } from '../contract.js';
import { listValues } from '../store/indicator-store.js';
import { requireInScope } from './load-units.js';

/** Stored indicator values under a division (paged). */
export async function listIndicatorValues(deps: Deps, actor: Actor, q: ValuesQuery): Promise<IndicatorValueList> {
  await requireInScope(deps, actor, q.division, 'indicator_value.read');
  const { items, total } = await withActorTransaction(deps.store.db, actor, (trx) =>
    listValues(trx, { prefix: q.division, year: q.year, indicator: q.indicator, page: q.page, pageSize: q.pageSize }),
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}
