import type { Actor } from '../../access/index.js';
import { defaultMonitoringThresholdFen } from '../../parameters/index.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import type { OverviewQuery, RegistryOverview } from '../contract.js';
import { overviewRows } from '../store/overview-query.js';
import { withRegistryScope } from '../store/registry-store.js';
import { today } from './household-access.js';

/** Prefix length of a division's children, by the division's own prefix length. */
const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

/**
 * The county dashboard: households, people, formerly poor, relocated; the year's per-capita net
 * income histogram against the province's monitoring threshold; and the same figures (with the
 * median and the share below the threshold) for each child division, for the map. Aggregates only,
 * so analysts may call it; the subtree is intersected with the caller's scope.
 */
export async function getOverview(deps: Deps, actor: Actor, query: OverviewQuery): Promise<RegistryOverview> {
  const year = query.year ?? Number(today(deps).slice(0, 4)) - 1;
  return withRegistryScope(deps.store.db, actor, async (scope) => {
    const prefix = scope.narrow(query.division ?? actor.scopePrefix);
    if (prefix === null) throw new AppError('forbidden', 'division outside scope');
    const division =
      prefix === ''
        ? { code: '', prefix: '', name: '全国', level: 0 }
        : await scope.trx.selectFrom('division').select(['code', 'prefix', 'name', 'level']).where('prefix', '=', prefix).executeTakeFirst();
    if (!division) throw new AppError('not_found', `division ${prefix} not found`);
    const thresholdFen = prefix.length >= 2 ? defaultMonitoringThresholdFen(prefix.slice(0, 2), `${year}-12-31`) : null;
    const rows = await overviewRows(scope, {
      prefix,
      childLength: CHILD_LENGTH[prefix.length] ?? 12,
      parentCode: division.code,
      year,
      thresholdFen,
    });
    return {
      division: { code: division.code, prefix: division.prefix, name: division.name, level: Number(division.level) },
      year,
      households: rows.totals.households,
      people: rows.totals.people,
      formerlyPoor: rows.totals.formerlyPoor,
      relocated: rows.totals.relocated,
      householdsWithIncome: rows.totals.withIncome,
      thresholdFen,
      belowThreshold: rows.totals.below,
      shareBelowThreshold: rows.totals.withIncome > 0 && thresholdFen !== null ? rows.totals.below / rows.totals.withIncome : null,
      histogram: rows.histogram,
      children: rows.children,
    };
  });
}
