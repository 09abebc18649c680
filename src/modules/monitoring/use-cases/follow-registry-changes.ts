import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../access/index.js';
import { onHouseholdsChanged, type HouseholdsChange } from '../../registry/index.js';
import { reevaluateHouseholds } from './reevaluate-households.js';
import { runSweep } from './run-sweep.js';

/**
 * Imports touching more households than this re-run the sweep over the importer's whole scope instead
 * of re-evaluating the listed ids. Measured on PostgreSQL (docs/decisions/0003): 20 000 spread ids take
 * 1.0–1.3 s in a 185 000-household county, about what a whole sweep of a 55 000-household county takes,
 * and the id path keeps growing with the ids (2.3–2.8 s at 60 000) while the scope sweep does not; above
 * 65 535 ids it fails outright (one bind parameter per id). The scope sweep also records a job and an
 * audit event, as a sweep should.
 */
export const IMPORT_REEVALUATION_LIMIT = 20_000;

/**
 * "The sweep evaluates all rules … immediately for the households touched by an edit or an import":
 * an edit re-evaluates its household; an import its inserted and changed households (or the
 * importer's scope, for a large import). Runs after the registry change committed.
 */
export async function reevaluateAfterRegistryChange(deps: Deps, actor: Actor, change: HouseholdsChange): Promise<void> {
  if (change.kind === 'edit') {
    await reevaluateHouseholds(deps, change.householdIds);
    return;
  }
  if (change.householdCount === 0) return;
  if (change.householdCount <= IMPORT_REEVALUATION_LIMIT) await reevaluateHouseholds(deps, await change.householdIds());
  // In full: an import moves updated_at only for households whose fields or members changed.
  else await runSweep(deps, actor, { scopePrefix: change.scopePrefix, full: true });
}

/**
 * Subscribes monitoring to the registry's change events (once per process; later calls do nothing).
 * Called where the modules are assembled: the HTTP app and the CLI program.
 */
export function followRegistryChanges(): void {
  onHouseholdsChanged(reevaluateAfterRegistryChange);
}
