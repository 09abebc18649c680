/**
 * The registry's change event: after an edit or an import has committed, the households it touched
 * are announced to whoever subscribed (the monitoring module re-evaluates its rules for them, so a
 * household edited below the threshold has its risk clue at once, not after the nightly sweep).
 *
 * The registry imports nothing of its subscribers (architecture: registry ← monitoring). Listeners
 * are process-wide and receive the deps of the change, so one process serving one database (or a
 * test file with its own database) sees only its own changes. The use case awaits the listeners, so
 * a response (or a finished import job) means the follow-up work is done; a listener that fails is
 * logged and never fails the change that has already committed.
 */
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../access/index.js';

export type HouseholdsChange =
  | {
      kind: 'edit';
      /** The audit action of the change, e.g. `registry.income.upsert`. */
      action: string;
      householdIds: number[];
    }
  | {
      kind: 'import';
      importId: number;
      /** The importing actor's scope: every household of the import is under it. */
      scopePrefix: string;
      /** Households the import inserted or changed. */
      householdCount: number;
      /** Loads their ids (a county-size import has hundreds of thousands: ask only when needed). */
      householdIds: () => Promise<number[]>;
    };

export type HouseholdsChangedListener = (deps: Deps, actor: Actor, change: HouseholdsChange) => Promise<void>;

const listeners = new Set<HouseholdsChangedListener>();

/** Subscribes to committed registry changes; returns the unsubscribe function. Subscribing the same function twice keeps one. */
export function onHouseholdsChanged(listener: HouseholdsChangedListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Calls every listener in turn, after the change committed. A listener's failure is logged, not thrown. */
export async function notifyHouseholdsChanged(deps: Deps, actor: Actor, change: HouseholdsChange): Promise<void> {
  for (const listener of [...listeners]) {
    try {
      await listener(deps, actor, change);
    } catch (e) {
      logListenerFailure(change, e);
    }
  }
}

function logListenerFailure(change: HouseholdsChange, e: unknown): void {
  const what = change.kind === 'edit' ? { action: change.action, householdIds: change.householdIds } : { importId: change.importId, householdCount: change.householdCount };
  console.error(JSON.stringify({ level: 'error', msg: 'registry change listener failed; the change itself is committed', kind: change.kind, ...what, error: e instanceof Error ? e.message : String(e) }));
}
