import { ZodError } from 'zod';
import type { Deps } from '../../../platform/deps.js';
import { AppError, isAppError, type ErrorDetail } from '../../../platform/errors.js';
import { hasMessage, translate } from '../../../platform/messages.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import type { Refusal } from '../domain/case-rules.js';

/** Turns the domain's refusals into one AppError: forbidden > stale (conflict) > invalid evidence > rule. */
export function refusalError(refusals: Refusal[]): AppError {
  const details: ErrorDetail[] = refusals.map((r) => ({ path: r.path, message: r.message, code: r.code, params: r.params }));
  const first = refusals[0];
  if (refusals.some((r) => r.kind === 'forbidden')) return new AppError('forbidden', first.message, { details, key: 'cases.refused_forbidden' });
  if (refusals.some((r) => r.code === 'case.stale_version')) return new AppError('conflict', first.message, { details, key: 'cases.refused_stale' });
  if (refusals.some((r) => r.kind === 'invalid')) return new AppError('invalid_input', first.message, { details, key: 'cases.refused_evidence' });
  return new AppError('rule_violation', first.message, { details, key: 'cases.refused_rule' });
}

/**
 * The reason an audit record stores for a refusal: in Chinese, the system's default language, as audit
 * records are data shown as stored: the first detail with a message key, else the error's own key;
 * for a malformed request, the fields it got wrong.
 */
function refusalReason(e: unknown): string {
  if (e instanceof ZodError) return `${translate('zh-CN', 'errors.invalid_input')}：${e.issues.map((i) => i.path.join('.') || '（整体）').join('、')}`;
  if (!isAppError(e)) return `内部错误：${e instanceof Error ? e.message : String(e)}`;
  const first = e.details.find((d) => d.code && hasMessage(d.code));
  return first?.code ? translate('zh-CN', first.code, { ...first.params, value: first.value }) : translate('zh-CN', e.userMessageKey);
}

/**
 * Records a refused attempt in the audit chain, in a transaction of its own (the attempt's own
 * transaction was rolled back). Never throws: a failure here must not hide the original answer.
 */
export async function auditRefusal(deps: Deps, actor: Actor, input: { action: string; caseId: number | null; scopeCode: string | null; error: unknown; attempted?: unknown }): Promise<void> {
  const e = input.error;
  const summary = isAppError(e) ? { code: e.code, message: e.message, details: e.details.map((d) => ({ path: d.path, code: d.code ?? null, message: d.message })) } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
  try {
    await deps.store.db.transaction().execute((trx) =>
      recordAudit(trx, actor, deps.clock.now(), {
        action: `case.refused.${input.action}`,
        entityType: 'monitoring_case',
        entityId: input.caseId,
        scopeCode: input.scopeCode,
        after: { attempted: input.attempted ?? null, refusal: summary },
        reason: refusalReason(e),
      }),
    );
  } catch {
    // The refusal itself is still returned to the caller.
  }
}
