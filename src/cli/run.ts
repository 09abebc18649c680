import { ZodError } from 'zod';
import type { Deps } from '../platform/deps.js';
import { isAppError } from '../platform/errors.js';
import { hasMessage, translate } from '../platform/messages.js';
import { openRuntime } from '../platform/runtime.js';

/**
 * Runs one CLI action with an open runtime, closes it, and turns failures into a clear message and
 * exit code 1 (2 for bad input) without a stack trace.
 */
export async function withRuntime(action: (deps: Deps) => Promise<void>): Promise<void> {
  let deps: Deps | undefined;
  try {
    deps = await openRuntime();
    await action(deps);
  } catch (e) {
    reportCliError(e);
  } finally {
    await deps?.store.close();
  }
}

/** A schema's message key (such as `measures.spec.lower_above_upper`) in the system's default language; other text as it is. */
function worded(message: string, params?: Record<string, unknown>): string {
  return hasMessage(message) ? translate('zh-CN', message, params) : message;
}

export function reportCliError(e: unknown): void {
  if (isAppError(e)) {
    // The summary in the system's default language, then the use case's own (English) wording.
    console.error(`错误 / error: ${translate('zh-CN', e.userMessageKey)} (${e.message})`);
    for (const d of e.details) {
      const text = d.code && hasMessage(d.code) ? translate('zh-CN', d.code, { ...d.params, value: d.value }) : worded(d.message, d.params);
      console.error(`  ${d.path}: ${text}${d.value !== undefined ? ` (${JSON.stringify(d.value)})` : ''}`);
    }
    process.exitCode = e.code === 'invalid_input' ? 2 : 1;
  } else if (e instanceof ZodError) {
    console.error(`错误 / error: ${translate('zh-CN', 'errors.invalid_input')} (invalid input)`);
    for (const issue of e.issues) console.error(`  ${issue.path.join('.') || '(input)'}: ${worded(issue.message, 'params' in issue ? issue.params : undefined)}`);
    process.exitCode = 2;
  } else {
    console.error(`错误 / error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
