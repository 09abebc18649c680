import { withActorTransaction, type Actor } from '../../access/index.js';
import { scopePattern } from '../../access/domain/permissions.js';
import { computeFgt, computeGini, type MethodWarning } from '../../measures/index.js';
import { thresholdFen } from '../../parameters/index.js';
import type { Deps } from '../../../platform/deps.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import type { PovertyEvaluation, PovertyQuery } from '../contract.js';
import { loadIncomeColumns } from '../store/income-columns.js';

/**
 * Income poverty of a division subtree in a year: FGT P0/P1/P2 and the Gini of per-capita net income,
 * person-weighted by household size, against the year's monitoring threshold (in force on 31 December;
 * for a prefix above county level the province's value). Optional breakdown by household type
 * (formerly poor vs general), relocation or the head's ethnicity. Aggregates only.
 */
export async function evaluateIncomePoverty(deps: Deps, actor: Actor, query: PovertyQuery): Promise<PovertyEvaluation> {
  if (!query.division.startsWith(actor.scopePrefix)) throw forbidden(`division ${query.division} is outside your scope`);
  const z = await thresholdFen(deps, query.division, `${query.year}-12-31`);
  if (z === null) throw notFound(`monitoring threshold for ${query.division} in ${query.year}`);
  const cols = await withActorTransaction(deps.store.db, actor, (trx) =>
    loadIncomeColumns(trx, `${query.division}%`, scopePattern(actor), query.year, query.by),
  );
  const base = { division: query.division, year: query.year, thresholdFen: z, by: query.by ?? null };
  if (cols.households === 0) {
    return {
      ...base, households: 0, persons: 0, P0: null, P1: null, P2: null, poorPersons: 0, gini: null, groups: query.by ? [] : null,
      warnings: [{ code: 'NO_DATA', message: `no income records under ${query.division} for ${query.year}` }],
    };
  }
  const fgt = computeFgt({ welfare: cols.perCapitaFen, weights: cols.size, group: cols.group ?? undefined }, { z });
  const warnings: MethodWarning[] = fgt.warnings.map((w) => ({ code: w.code, message: w.message }));
  let negative = 0;
  for (let i = 0; i < cols.households; i++) if (cols.perCapitaFen[i] < 0) negative++;
  // The Gini is undefined with negative incomes (methods.md §2): report null and say why.
  const gini = negative === 0 ? computeGini({ x: cols.perCapitaFen, weights: cols.size, group: cols.group ?? undefined }) : null;
  if (negative > 0) {
    warnings.push({ code: 'NEGATIVE_WELFARE', message: `${negative} household(s) have negative per-capita net income: the Gini is not computed` });
  } else for (const w of gini!.warnings) warnings.push({ code: w.code, message: w.message });
  const groups = fgt.groups
    ? fgt.groups.map((g, l) => ({
        group: g.label,
        households: g.n,
        persons: g.weightTotal,
        popShare: g.popShare,
        P0: g.values.P0,
        P1: g.values.P1,
        P2: g.values.P2,
        gini: gini?.groups?.[l]?.gini ?? null,
        contribution: { P0: g.contribution.P0, P1: g.contribution.P1, P2: g.contribution.P2 },
      }))
    : null;
  return {
    ...base,
    households: fgt.n,
    persons: fgt.weightTotal,
    P0: fgt.values.P0,
    P1: fgt.values.P1,
    P2: fgt.values.P2,
    poorPersons: fgt.poorWeight,
    gini: gini?.gini ?? null,
    groups,
    warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
