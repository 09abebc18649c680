import type { Deps } from '../../../platform/deps.js';
import type { Actor } from '../../access/domain/actor.js';
import { recordAudit } from '../store/audit-store.js';

export interface DeniedAttempt {
  entityType: string;
  entityId?: string | number | null;
  /** Why it was refused, e.g. 'outside scope', 'role may not edit'. */
  reason: string;
  /** The division the attempt concerned, when known; defaults to the actor's own scope. */
  scopeCode?: string | null;
  /** What was attempted, e.g. 'household.read' (stored in `after.attempted`). */
  attempted?: string;
}

/**
 * Records a refused attempt (outside scope, wrong role) as an audit event `access.denied`, in a
 * transaction of its own, so it survives the rollback of the refused work. Call it before throwing
 * the 403/404, and never from inside another open transaction: PGlite has one connection, so a
 * second transaction started there would wait forever (docs/decisions/0001-pglite-driver.md).
 */
export async function auditDenied(deps: Deps, actor: Actor, attempt: DeniedAttempt): Promise<void> {
  await deps.store.db.transaction().execute((trx) =>
    recordAudit(trx, actor, deps.clock.now(), {
      action: 'access.denied',
      entityType: attempt.entityType,
      entityId: attempt.entityId ?? null,
      scopeCode: attempt.scopeCode ?? actor.scopePrefix,
      after: attempt.attempted ? { attempted: attempt.attempted } : null,
      reason: attempt.reason,
    }),
  );
}
