import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { notFound } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { yuanToFen, type Fen } from '../../../platform/money.js';
import { PARAMETERS, parameterDefinition } from '../defaults.js';
import { resolveLayered, type ResolvedValue } from '../domain/resolve.js';
import { loadOverrides } from '../store/override-store.js';
import type { ParameterValue } from '../contract.js';

type Db = Kysely<Database> | Transaction<Database>;
const dbOf = (d: Deps | Db): Db => ('store' in d ? d.store.db : d);

function scopeCodesOf(code: string): string[] {
  return code.length >= 6 ? [code.slice(0, 2), code.slice(0, 6)] : [code.slice(0, 2)];
}

/** The value of a parameter for a division (any level) on a date: county override, province override, defaults. */
export async function resolveParameter(deps: Deps | Db, parameterId: string, divisionCode: string, date: string): Promise<ResolvedValue | null> {
  const def = parameterDefinition(parameterId);
  if (!def) throw notFound(`parameter ${parameterId}`);
  const overrides = await loadOverrides(dbOf(deps), [parameterId], scopeCodesOf(divisionCode));
  return resolveLayered(def.values, overrides, divisionCode, date);
}

/** The number, or an error when the parameter has no value on that date (a configuration gap). */
export async function parameterValue(deps: Deps | Db, parameterId: string, divisionCode: string, date: string): Promise<number> {
  const r = await resolveParameter(deps, parameterId, divisionCode, date);
  if (!r) throw notFound(`value of parameter ${parameterId} for ${divisionCode} on ${date}`);
  return r.value;
}

/** The monitoring income threshold in fen per person per year for a province/county on a date. */
export async function thresholdFen(deps: Deps | Db, divisionCode: string, date: string): Promise<Fen | null> {
  const r = await resolveParameter(deps, 'monitoring.income-threshold', divisionCode, date);
  return r === null ? null : yuanToFen(r.value);
}

/**
 * Many parameters for many counties at once (the sweep): one query for all overrides.
 * Money parameters (unit yuan) come back in fen. Missing values are null.
 */
export async function resolveForCounties(db: Db, parameterIds: readonly string[], countyCodes: readonly string[], date: string): Promise<Map<string, Record<string, number | null>>> {
  const provinces = [...new Set(countyCodes.map((c) => c.slice(0, 2)))];
  const overrides = await loadOverrides(db, parameterIds, [...provinces, ...countyCodes]);
  const out = new Map<string, Record<string, number | null>>();
  for (const county of countyCodes) {
    const values: Record<string, number | null> = {};
    for (const id of parameterIds) {
      const def = parameterDefinition(id);
      if (!def) throw notFound(`parameter ${id}`);
      const r = resolveLayered(def.values, overrides.filter((o) => o.parameterId === id), county, date);
      values[id] = r === null ? null : def.unit.startsWith('yuan') ? yuanToFen(r.value) : r.value;
    }
    out.set(county, values);
  }
  return out;
}

/** Every parameter (or one) with its value for a division on a date, its defaults and overrides. */
export async function listParameters(deps: Deps, input: { code: string; date?: string; id?: string }): Promise<ParameterValue[]> {
  const date = input.date ?? toLocalDate(deps.clock.now());
  const ids = input.id ? [input.id] : [...PARAMETERS.keys()];
  if (input.id && !parameterDefinition(input.id)) throw notFound(`parameter ${input.id}`);
  const overrides = await loadOverrides(deps.store.db, ids, scopeCodesOf(input.code));
  return ids.map((id) => {
    const def = parameterDefinition(id)!;
    const own = overrides.filter((o) => o.parameterId === id);
    const r = resolveLayered(def.values, own, input.code, date);
    return {
      id,
      label: def.label,
      description: def.description,
      unit: def.unit,
      reference: def.reference,
      code: input.code,
      date,
      value: r?.value ?? null,
      layer: r?.layer ?? null,
      effectiveFrom: r?.effectiveFrom ?? null,
      docNo: r?.docNo ?? null,
      docTitle: r?.docTitle ?? null,
      defaults: def.values,
      overrides: own,
    };
  });
}
