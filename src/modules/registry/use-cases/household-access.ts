import { canEditRegistry, canSeePersonalData, type Actor } from '../../access/index.js';
import { auditDenied, recordAudit } from '../../audit/index.js';
import type { Deps } from '../../../platform/deps.js';
import { notifyHouseholdsChanged } from '../households-changed.js';
import { AppError, type ErrorDetail } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import type { Household, HouseholdProfile } from '../contract.js';
import { findHouseholdVillage } from '../store/registry-lookup.js';
import { withRegistryScope, type RegistryScope } from '../store/registry-store.js';

/**
 * Guards and helpers shared by the registry use cases: who may see or change personal data, what
 * happens when a household is outside the caller's scope (404, and an `access.denied` audit event),
 * and the 一户一档 profile every read and change returns.
 */
export function requirePersonalData(actor: Actor): void {
  if (!canSeePersonalData(actor)) throw new AppError('forbidden', 'aggregates only', { key: 'registry.errors.personal_data' });
}

export function requireEditor(actor: Actor): void {
  requirePersonalData(actor);
  if (!canEditRegistry(actor)) throw new AppError('forbidden', 'read-only role', { key: 'registry.errors.read_only' });
}

export const today = (deps: Deps) => toLocalDate(deps.clock.now());

export const householdNotFound = () => new AppError('not_found', 'household not found', { key: 'registry.errors.household_not_found' });

/** The 404 for a household the actor cannot see; audited when the household exists elsewhere. */
export async function refuseHousehold(deps: Deps, actor: Actor, householdId: number, what: string): Promise<never> {
  const village = await findHouseholdVillage(deps.store.db, householdId);
  if (village !== null) {
    await auditDenied(deps, actor, { entityType: 'household', entityId: householdId, scopeCode: village, reason: '超出管辖范围', attempted: `household.${what}` });
  }
  throw householdNotFound();
}

/** Sentinel a scoped transaction returns when the household is not in scope (the refusal is audited after it). */
export const OUT_OF_SCOPE = Symbol('out of scope');

export async function loadProfile(scope: RegistryScope, household: Household): Promise<HouseholdProfile> {
  const members = await scope.members(household.id);
  const incomes = await scope.incomes(household.id);
  const guarantee = await scope.guarantee(household.id);
  const history = await scope.history(household.id);
  return { household, members, incomes, guarantee, history };
}

/** Refuses a change made against an older version of the household (optimistic concurrency). */
export function checkVersion(household: Household, sent: number | undefined): void {
  if (sent !== undefined && sent !== household.version) throw staleVersion(sent, household.version);
}

export const staleVersion = (sent: number, current: number) =>
  new AppError('conflict', 'stale version', {
    key: 'registry.errors.stale_version',
    details: [{ path: 'version', code: 'registry.version.stale', message: `sent ${sent}, now ${current}`, value: sent, params: { current } }],
  });

export const householdSnapshot = (h: Household) => ({
  householdNo: h.householdNo,
  villageCode: h.villageCode,
  householdType: h.householdType,
  address: h.address,
  phone: h.phone,
  isRelocated: h.isRelocated,
  isMilitaryFamily: h.isMilitaryFamily,
});

/** A unique-constraint failure that slipped past the checks (two clerks at once) as a 409. */
export function mapUniqueViolation(e: unknown): unknown {
  const err = e as { code?: string; constraint?: string; detail?: string };
  if (err?.code !== '23505') return e;
  const text = `${err.constraint ?? ''} ${err.detail ?? ''}`;
  const field = /id_number/.test(text) ? 'idNumber' : /household_no/.test(text) ? 'householdNo' : /one_head/.test(text) ? 'relation' : 'body';
  const code = { idNumber: 'registry.id_number.taken_elsewhere', householdNo: 'registry.household_no.taken', relation: 'registry.head.multiple', body: 'registry.errors.duplicate' }[field];
  return new AppError('conflict', 'duplicate', { key: 'registry.errors.duplicate', details: [{ path: field, message: 'already registered', code }] });
}

/** Runs a change; unique violations from the database become 409s. */
export async function withUniqueMapping<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw mapUniqueViolation(e);
  }
}

/**
 * 409 details for ID numbers already held by someone else. `holders` comes from the unscoped lookup
 * made before the transaction; households in the actor's scope are named by number, others are not.
 */
export async function idNumberConflicts(
  scope: RegistryScope,
  holders: { idNumber: string; personId: number; villageCode: string }[],
  entries: { idNumber: string; path: string }[],
  exceptPersonId?: number,
): Promise<ErrorDetail[]> {
  const others = holders.filter((h) => h.personId !== exceptPersonId);
  if (others.length === 0) return [];
  const named = new Map((await scope.holdersInScope(others.map((o) => o.idNumber))).map((h) => [h.idNumber, h.householdNo]));
  const details: ErrorDetail[] = [];
  for (const e of entries) {
    if (!others.some((o) => o.idNumber === e.idNumber)) continue;
    const householdNo = named.get(e.idNumber);
    details.push(
      householdNo
        ? { path: e.path, code: 'registry.id_number.taken', message: `already in household ${householdNo}`, value: e.idNumber, params: { householdNo } }
        : { path: e.path, code: 'registry.id_number.taken_elsewhere', message: 'already in a household outside your area', value: e.idNumber },
    );
  }
  return details;
}

export const duplicate = (details: ErrorDetail[]) => new AppError('conflict', 'duplicate', { key: 'registry.errors.duplicate', details });
export const invalidHousehold = (details: ErrorDetail[]) => new AppError('invalid_input', 'invalid household', { key: 'registry.errors.invalid_household', details });

export interface ChangeRecord {
  action: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

/**
 * The frame of every change to a household's members, incomes or guarantees: the household must be
 * in scope (else 404 + audit), at the version the editor saw when they sent one (else 409); `work`
 * makes the change and says what changed; the household version goes up by one, the change is
 * audited in the same transaction, and the fresh profile comes back.
 */
export async function changeHousehold(
  deps: Deps,
  actor: Actor,
  householdId: number,
  version: number | undefined,
  what: string,
  work: (scope: RegistryScope, household: Household) => Promise<ChangeRecord | ChangeRecord[]>,
): Promise<HouseholdProfile> {
  requireEditor(actor);
  const now = deps.clock.now();
  const result = await withUniqueMapping(() =>
    withRegistryScope(deps.store.db, actor, async (scope) => {
      const household = await scope.household(householdId, { forUpdate: true });
      if (!household) return OUT_OF_SCOPE;
      checkVersion(household, version);
      const records = await work(scope, household);
      await scope.touchHousehold(householdId, now);
      for (const r of Array.isArray(records) ? records : [records]) {
        await recordAudit(scope.trx, actor, now, {
          action: r.action,
          entityType: 'household',
          entityId: householdId,
          scopeCode: household.villageCode,
          before: r.before,
          after: r.after,
          reason: r.reason ?? null,
        });
      }
      const fresh = await scope.household(householdId);
      if (!fresh) throw householdNotFound();
      return loadProfile(scope, fresh);
    }),
  );
  if (result === OUT_OF_SCOPE) return refuseHousehold(deps, actor, householdId, what);
  await notifyHouseholdsChanged(deps, actor, { kind: 'edit', action: `registry.${what}`, householdIds: [householdId] });
  return result;
}
