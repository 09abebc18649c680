import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import type { Dashboard } from '../contract.js';
import { IN_PROCEDURE, MONITORED } from '../domain/case-machine.js';
import { addDays } from '../domain/calendar.js';

const NEXT_LEVEL: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

/**
 * Monitoring dashboard for the actor's scope (county, township or village), or a narrower division
 * inside it: monitored households by category and risk, cases by status, overdue, eliminated, a
 * breakdown by the next division level, and the last 12 months of identifications and eliminations.
 * Aggregates only (any role).
 */
export async function caseDashboard(deps: Deps, actor: Actor, division?: string): Promise<Dashboard> {
  const today = toLocalDate(deps.clock.now());
  const prefix = division && division.startsWith(actor.scopePrefix) ? division : actor.scopePrefix;
  const like = `${prefix}%`;
  const childLen = NEXT_LEVEL[prefix.length] ?? 12;
  const monitored = [...MONITORED];
  const inProcedure = [...IN_PROCEDURE];
  const since = `${addDays(today, -365).slice(0, 7)}-01`;
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const [statusRows, categoryRows, riskRows, overdueRow, divisionRows, trendRows] = await Promise.all([
      trx.selectFrom('monitoring_case').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('village_code', 'like', like).groupBy('status').execute(),
      trx.selectFrom('monitoring_case').select(['category', (eb) => eb.fn.countAll<number>().as('n')]).where('village_code', 'like', like).where('status', 'in', monitored).groupBy('category').execute(),
      sql<{ risk: string; n: number }>`SELECT r AS risk, count(*)::int AS n FROM monitoring_case, unnest(risks) AS r WHERE village_code LIKE ${like} AND status IN (${sql.join(monitored)}) GROUP BY r`.execute(trx),
      trx.selectFrom('monitoring_case').select((eb) => eb.fn.countAll<number>().as('n')).where('village_code', 'like', like).where('status', 'in', inProcedure).where('due_on', '<', today).executeTakeFirstOrThrow(),
      sql<{ code: string; name: string | null; monitored: number; in_procedure: number; overdue: number; eliminated: number }>`
        SELECT g.code, d.name, g.monitored, g.in_procedure, g.overdue, g.eliminated FROM (
          SELECT substr(village_code, 1, ${childLen}) AS code,
                 count(*) FILTER (WHERE status IN (${sql.join(monitored)}))::int AS monitored,
                 count(*) FILTER (WHERE status IN (${sql.join(inProcedure)}))::int AS in_procedure,
                 count(*) FILTER (WHERE status IN (${sql.join(inProcedure)}) AND due_on < ${today})::int AS overdue,
                 count(*) FILTER (WHERE status = 'ELIMINATED')::int AS eliminated
          FROM monitoring_case WHERE village_code LIKE ${like} GROUP BY 1) g
        LEFT JOIN division d ON d.prefix = g.code
        ORDER BY g.code`.execute(trx),
      sql<{ month: string; identified: number; eliminated: number }>`
        SELECT to_char(on_date, 'YYYY-MM') AS month,
               count(*) FILTER (WHERE action IN ('start_monitoring', 'reinclude'))::int AS identified,
               count(*) FILTER (WHERE action = 'approve_elimination')::int AS eliminated
        FROM case_event
        WHERE village_code LIKE ${like} AND on_date >= ${since} AND action IN ('start_monitoring', 'reinclude', 'approve_elimination')
        GROUP BY 1 ORDER BY 1`.execute(trx),
    ]);
    const byStatus = Object.fromEntries(statusRows.map((r) => [r.status, Number(r.n)]));
    const sum = (set: string[]) => set.reduce((a, s) => a + (byStatus[s] ?? 0), 0);
    return {
      scopePrefix: prefix,
      asOf: today,
      monitored: sum(monitored),
      inProcedure: sum(inProcedure),
      overdue: Number(overdueRow.n),
      eliminated: byStatus.ELIMINATED ?? 0,
      rejected: byStatus.REJECTED ?? 0,
      byCategory: Object.fromEntries(categoryRows.map((r) => [r.category, Number(r.n)])),
      byRisk: Object.fromEntries(riskRows.rows.map((r) => [r.risk, Number(r.n)])),
      byStatus,
      byDivision: divisionRows.rows.map((r) => ({ code: r.code, name: r.name, monitored: r.monitored, inProcedure: r.in_procedure, overdue: r.overdue, eliminated: r.eliminated })),
      trend: trendRows.rows.map((r) => ({ month: r.month, identified: r.identified, eliminated: r.eliminated })),
    };
  });
}
