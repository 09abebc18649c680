import { sql } from 'kysely';
import type { Deps } from '../../../platform/deps.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { canSeePersonalData, scopePattern, withActorTransaction, type Actor } from '../../access/index.js';
import type { ClueListQuery, ClueStats, ClueStatsQuery, RiskClue } from '../contract.js';
import { clueColumns, householdColumns, sourceFileSql, toClue, type ClueRow } from '../store/clue-store.js';

/** The division filter, which must lie inside the actor's scope (403 otherwise). */
function divisionPrefix(actor: Actor, division: string | undefined): string {
  const d = division ?? actor.scopePrefix;
  if (!d.startsWith(actor.scopePrefix)) {
    throw new AppError('forbidden', 'division outside scope', { details: [{ path: 'division', message: 'outside your scope', code: 'monitoring.outside_scope', value: d }] });
  }
  return d;
}

/** Clues in scope, newest first, filtered by division, status, risk, channel, level, household. */
export async function listClues(deps: Deps, actor: Actor, q: ClueListQuery): Promise<{ total: number; items: RiskClue[] }> {
  if (!canSeePersonalData(actor)) throw forbidden('aggregates only');
  const prefix = divisionPrefix(actor, q.division);
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    let base = trx.selectFrom('risk_clue as c').where('c.village_code', 'like', `${prefix}%`).where('c.village_code', 'like', scopePattern(actor));
    if (q.status) base = base.where('c.status', '=', q.status);
    if (q.riskType) base = base.where('c.risk_type', '=', q.riskType);
    if (q.channel) base = base.where('c.channel', '=', q.channel);
    if (q.level) base = base.where('c.level', '=', q.level);
    if (q.householdId) base = base.where('c.household_id', '=', q.householdId);
    const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await base
      .leftJoin('registry_household as h', 'h.id', 'c.household_id')
      .select([...clueColumns, ...householdColumns])
      .select(sourceFileSql.as('source_file'))
      .orderBy('c.updated_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return { total: Number(total), items: rows.map((r) => toClue(r as ClueRow)) };
  });
}

const NEXT_LEVEL: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };
const GROUP_COLUMN = { status: 'status', riskType: 'risk_type', channel: 'channel', level: 'level' } as const;

/**
 * Dashboard aggregates: clue counts per child division of `division`, month of first report
 * (China time) and status / risk / channel / level. Aggregates only, so analysts may read them.
 */
export async function clueStats(deps: Deps, actor: Actor, q: ClueStatsQuery): Promise<ClueStats> {
  const prefix = divisionPrefix(actor, q.division);
  const childLen = NEXT_LEVEL[prefix.length] ?? 12;
  const column = sql.ref(`c.${GROUP_COLUMN[q.groupBy]}`);
  const month = sql<string>`to_char(c.first_seen_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const { rows } = await sql<{ division_code: string; division_name: string | null; month: string; key: string; count: number }>`
      SELECT s.division_code, d.name AS division_name, s.month, s.key, s.count
      FROM (
        SELECT substr(c.village_code, 1, ${childLen}) AS division_code, ${month} AS month, ${column} AS key, count(*)::int AS count
        FROM risk_clue c
        WHERE c.village_code LIKE ${`${prefix}%`}
          ${q.from ? sql`AND ${month} >= ${q.from}` : sql``}
          ${q.to ? sql`AND ${month} <= ${q.to}` : sql``}
        GROUP BY 1, 2, 3
      ) s LEFT JOIN division d ON d.prefix = s.division_code
      ORDER BY s.division_code, s.month, s.key`.execute(trx);
    return {
      division: prefix,
      groupBy: q.groupBy,
      rows: rows.map((r) => ({ divisionCode: r.division_code, divisionName: r.division_name, month: r.month, key: r.key, count: Number(r.count) })),
    };
  });
}
