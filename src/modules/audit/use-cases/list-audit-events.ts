import type { Deps } from '../../../platform/deps.js';
import { forbidden, invalidInput } from '../../../platform/errors.js';
import type { Actor } from '../../access/domain/actor.js';
import { canReadAudit, canSeeFullIdNumbers } from '../../access/index.js';
import { AuditQuerySchema, type AuditPage, type AuditQuery } from '../contract.js';
import { maskIdNumbersDeep, parseAuditInstant } from '../domain/mask.js';
import { listAuditRows } from '../store/audit-store.js';

/**
 * A page of audit events for a reader with `canReadAudit`, restricted to the reader's scope (events
 * whose scope code starts with it; events without a scope only for whole-country readers). ID numbers
 * in before/after are masked for readers who may not see them.
 */
export async function listAuditEvents(deps: Deps, actor: Actor, query: Partial<AuditQuery>): Promise<AuditPage> {
  if (!canReadAudit(actor)) throw forbidden(`role ${actor.role} may not read the audit log`);
  const q = AuditQuerySchema.parse(query);
  const fromAt = q.from ? parseAuditInstant(q.from, false) : undefined;
  const toAt = q.to ? parseAuditInstant(q.to, true) : undefined;
  for (const [path, d, raw] of [['from', fromAt, q.from], ['to', toAt, q.to]] as const) {
    if (d && Number.isNaN(d.getTime())) throw invalidInput(`bad ${path}`, [{ path, message: `not a date: ${raw}`, code: 'audit.errors.bad_instant', value: raw }]);
  }
  if (fromAt && toAt && fromAt >= toAt) throw invalidInput('from after to', [{ path: 'from', message: 'the start is after the end', code: 'audit.errors.bad_range', value: q.from }]);
  const { total, rows } = await listAuditRows(
    deps.store.db,
    { scopePrefix: actor.scopePrefix, entityType: q.entityType, entityId: q.entityId, actorName: q.actor, action: q.action, fromAt, toAt },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  const mask = !canSeeFullIdNumbers(actor);
  return {
    total,
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      scopeCode: r.scopeCode,
      before: mask ? maskIdNumbersDeep(r.before) : r.before,
      after: mask ? maskIdNumbersDeep(r.after) : r.after,
      reason: r.reason,
    })),
  };
}
