import { sql } from 'kysely';
import type { ChildDivisionStats } from '../contract.js';
import type { RegistryScope } from './registry-store.js';

/**
 * County-dashboard aggregates over a division subtree, computed in SQL (three grouped scans and one
 * histogram; no per-household rows reach JavaScript). Children are grouped by the first `childLength`
 * digits of the village code, which is the child division's prefix.
 */
export const HISTOGRAM_BIN_FEN = 100_000; // 1 000 yuan
export const HISTOGRAM_BINS = 30; // 0 … 30 000 yuan, then one open bin

export interface OverviewRows {
  totals: { households: number; people: number; formerlyPoor: number; relocated: number; withIncome: number; below: number };
  histogram: { fromFen: number; toFen: number | null; households: number }[];
  children: ChildDivisionStats[];
}

export async function overviewRows(scope: RegistryScope, p: { prefix: string; childLength: number; /** '' for the whole country (children: provinces) */ parentCode: string | null; year: number; thresholdFen: number | null }): Promise<OverviewRows> {
  const subtree = `${p.prefix}%`;
  const len = p.childLength;
  const threshold = p.thresholdFen ?? -1; // no threshold: nothing is "below"
  await sql`SELECT set_config('jit', 'off', true)`.execute(scope.trx);

  const groups = await sql<{
    child: string;
    households: number;
    formerly_poor: number;
    relocated: number;
    people: number;
    with_income: number;
    below: number;
    median: number | null;
  }>`
    WITH hh AS (
      SELECT substr(h.village_code, 1, ${len}) AS child, count(*) AS households,
             count(*) FILTER (WHERE h.household_type = 'POVERTY_EXITED') AS formerly_poor,
             count(*) FILTER (WHERE h.is_relocated) AS relocated
      FROM household h WHERE ${scope.inScope('h')} AND h.village_code COLLATE "C" LIKE ${subtree} GROUP BY 1
    ), pp AS (
      SELECT substr(p.village_code, 1, ${len}) AS child, count(*) AS people
      FROM person p WHERE ${scope.inScope('p')} AND p.village_code COLLATE "C" LIKE ${subtree} GROUP BY 1
    ), inc AS (
      SELECT substr(i.village_code, 1, ${len}) AS child, count(*) AS with_income,
             count(*) FILTER (WHERE i.per_capita_net_fen < ${threshold}) AS below,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY i.per_capita_net_fen) AS median
      FROM income_record i WHERE ${scope.inScope('i')} AND i.village_code COLLATE "C" LIKE ${subtree} AND i.year = ${p.year} GROUP BY 1
    )
    SELECT coalesce(hh.child, pp.child, inc.child) AS child,
           coalesce(hh.households, 0)::int AS households, coalesce(hh.formerly_poor, 0)::int AS formerly_poor,
           coalesce(hh.relocated, 0)::int AS relocated, coalesce(pp.people, 0)::int AS people,
           coalesce(inc.with_income, 0)::int AS with_income, coalesce(inc.below, 0)::int AS below, inc.median
    FROM hh FULL JOIN pp ON pp.child = hh.child FULL JOIN inc ON inc.child = coalesce(hh.child, pp.child)`.execute(scope.trx);

  const bins = await sql<{ bin: number; households: number }>`
    SELECT least(greatest(floor(i.per_capita_net_fen::numeric / ${HISTOGRAM_BIN_FEN}), 0), ${HISTOGRAM_BINS})::int AS bin, count(*)::int AS households
    FROM income_record i WHERE ${scope.inScope('i')} AND i.village_code COLLATE "C" LIKE ${subtree} AND i.year = ${p.year}
    GROUP BY 1`.execute(scope.trx);

  const byChild = new Map(groups.rows.map((g) => [g.child, g]));
  const totals = { households: 0, people: 0, formerlyPoor: 0, relocated: 0, withIncome: 0, below: 0 };
  for (const g of groups.rows) {
    totals.households += Number(g.households);
    totals.people += Number(g.people);
    totals.formerlyPoor += Number(g.formerly_poor);
    totals.relocated += Number(g.relocated);
    totals.withIncome += Number(g.with_income);
    totals.below += Number(g.below);
  }

  const histogram = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => ({
    fromFen: k * HISTOGRAM_BIN_FEN,
    toFen: k < HISTOGRAM_BINS ? (k + 1) * HISTOGRAM_BIN_FEN : null,
    households: 0,
  }));
  for (const b of bins.rows) histogram[Number(b.bin)].households = Number(b.households);

  let children: ChildDivisionStats[] = [];
  if (p.parentCode !== null && len > p.prefix.length) {
    const parent = p.parentCode;
    const divisions = await scope.trx
      .selectFrom('division')
      .select(['code', 'prefix', 'name'])
      .where((eb) => (parent === '' ? eb('level', '=', 1) : eb('parent_code', '=', parent)))
      .orderBy('code')
      .execute();
    children = divisions.map((d) => {
      const g = byChild.get(d.prefix);
      const withIncome = g ? Number(g.with_income) : 0;
      return {
        code: d.code,
        prefix: d.prefix,
        name: d.name,
        households: g ? Number(g.households) : 0,
        people: g ? Number(g.people) : 0,
        formerlyPoor: g ? Number(g.formerly_poor) : 0,
        relocated: g ? Number(g.relocated) : 0,
        medianPerCapitaNetFen: g && g.median !== null ? Number(g.median) : null,
        shareBelowThreshold: withIncome > 0 && p.thresholdFen !== null ? Number(g!.below) / withIncome : null,
      };
    });
  }
  return { totals, histogram, children };
}
