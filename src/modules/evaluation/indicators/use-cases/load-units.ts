import { auditDenied, isInScope, withActorTransaction, type Actor } from '../../../access/index.js';
import { getDivision, listDivisionSubtree, type Division } from '../../../divisions/index.js';
import { thresholdFen } from '../../../parameters/index.js';
import type { Deps } from '../../../../platform/deps.js';
import { AppError } from '../../../../platform/errors.js';
import type { IndicatorSystemInput, UnitLevel } from '../contract.js';
import type { UnitValues } from '../domain/evaluate-indicators.js';
import { loadComputedValues, loadValues } from '../store/indicator-store.js';
import '../messages.js';

/** Refuses (and audits) a division outside the actor's scope. */
export async function requireInScope(deps: Deps, actor: Actor, division: string, attempted: string): Promise<void> {
  if (isInScope(actor, division)) return;
  await auditDenied(deps, actor, { entityType: 'division', entityId: division, reason: '超出管辖范围', scopeCode: division, attempted });
  throw new AppError('forbidden', `division ${division} is outside your scope`, { key: 'evaluation.indicators.out_of_scope' });
}

export interface AreaUnits {
  division: Division;
  level: UnitLevel;
  /** Units in code order (townships or villages). */
  units: Division[];
}

/** The area (county or township) and its units: townships of a county, villages of a county or township. */
export async function resolveArea(deps: Deps, division: string, level: UnitLevel | undefined): Promise<AreaUnits> {
  const area = await getDivision(deps, division);
  const d: Division = { code: area.code, prefix: area.prefix, name: area.name, level: area.level, parentCode: area.parentCode };
  const effective: UnitLevel = level ?? (d.level === 3 ? 'township' : 'village');
  if (d.level !== 3 && d.level !== 4) throw new AppError('invalid_input', 'a county or township is required', { key: 'evaluation.indicators.bad_area', details: [{ path: 'division', message: 'a county (6 digits) or township (9 digits)', code: 'evaluation.indicators.bad_area', value: division }] });
  if (effective === 'township' && d.level !== 3) throw new AppError('invalid_input', 'townships are ranked within a county', { key: 'evaluation.indicators.bad_level', details: [{ path: 'level', message: 'level=township needs a county division', code: 'evaluation.indicators.bad_level', value: level }] });
  const units = await listDivisionSubtree(deps, d.code, [effective === 'township' ? 4 : 5]);
  return { division: d, level: effective, units };
}

/**
 * Values of every unit for each year: stored values (a township's own row, else the mean of its
 * villages' values, indicator by indicator) and the consolidation indicators computed from the registry.
 * Runs in the actor's transaction, so row-level security applies too.
 */
export async function loadUnitValues(deps: Deps, actor: Actor, area: AreaUnits, system: IndicatorSystemInput, years: readonly number[]): Promise<Map<number, UnitValues[]>> {
  const thresholds = new Map<number, number | null>();
  for (const y of years) thresholds.set(y, await thresholdFen(deps, area.division.prefix, `${y}-12-31`));
  const inputCodes = system.pillars.flatMap((p) => p.indicators.filter((i) => i.source === 'input').map((i) => i.code));
  const computedWanted = new Set(system.pillars.flatMap((p) => p.indicators.filter((i) => i.source === 'computed').map((i) => i.code)));
  const unitLength = area.level === 'township' ? 9 : 12;
  const { stored, computed } = await withActorTransaction(deps.store.db, actor, async (trx) => ({
    stored: await loadValues(trx, area.division.prefix, years, inputCodes),
    computed: await loadComputedValues(trx, area.division.prefix, unitLength, years, thresholds),
  }));
  // own[unit|year] and village means for townships
  const own = new Map<string, Map<string, number>>();
  const sums = new Map<string, Map<string, { s: number; n: number }>>();
  for (const r of stored) {
    if (area.level === 'village') {
      if (r.divisionCode.endsWith('000')) continue;
      const key = `${r.divisionCode}|${r.year}`;
      if (!own.has(key)) own.set(key, new Map());
      own.get(key)!.set(r.indicatorCode, r.value);
      continue;
    }
    const township = r.divisionCode.slice(0, 9);
    const key = `${township}|${r.year}`;
    if (r.divisionCode.endsWith('000')) {
      if (!own.has(key)) own.set(key, new Map());
      own.get(key)!.set(r.indicatorCode, r.value);
    } else {
      if (!sums.has(key)) sums.set(key, new Map());
      const m = sums.get(key)!;
      const acc = m.get(r.indicatorCode) ?? { s: 0, n: 0 };
      acc.s += r.value;
      acc.n += 1;
      m.set(r.indicatorCode, acc);
    }
  }
  const out = new Map<number, UnitValues[]>();
  for (const y of years) {
    out.set(
      y,
      area.units.map((u) => {
        const unitKey = `${u.prefix}|${y}`;
        const values = new Map<string, number>();
        for (const [code, acc] of sums.get(unitKey) ?? []) values.set(code, acc.s / acc.n);
        for (const [code, v] of own.get(`${area.level === 'township' ? u.prefix : u.code}|${y}`) ?? []) values.set(code, v);
        for (const [code, v] of computed.get(unitKey) ?? []) if (computedWanted.has(code)) values.set(code, v);
        return { code: u.code, name: u.name, values };
      }),
    );
  }
  return out;
}
