import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { reportCliError } from './run.js';

describe('reportCliError', () => {
  const printed = () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    return () => spy.mock.calls.map((c) => String(c[0])).join('\n');
  };
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('words a use-case failure in Chinese first, keeps its own wording, and exits 1', () => {
    const out = printed();
    reportCliError(new AppError('not_found', 'household 7 not found'));
    expect(out()).toBe('错误 / error: 未找到所请求的资源 (household 7 not found)');
    expect(process.exitCode).toBe(1);
  });

  it('names each bad field of a schema failure and exits 2', () => {
    const out = printed();
    const parsed = z.object({ year: z.number() }).safeParse({ year: 'x' });
    reportCliError(parsed.error);
    expect(out()).toMatch(/^错误 \/ error: 输入有误，请检查标出的字段 \(invalid input\)\n {2}year: /);
    expect(process.exitCode).toBe(2);
  });
});
