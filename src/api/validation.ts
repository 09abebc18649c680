import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { ErrorDetail } from '../platform/errors.js';
import { hasMessage, type Lang } from '../platform/messages.js';

/**
 * zod's messages in the user's language. zod words its messages once, when it parses, in the one
 * language of its global config (English); the language of a request is only known here, at the edge.
 * So each issue zod worded itself is worded again with the request's locale, while a message a schema
 * set itself (a message key such as `registry.enum.gender`, or its own text) is kept as it is.
 */
const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError } satisfies Record<Lang, z.core.$ZodErrorMap>;
/** The locale zod words its messages with when parsing (its default, as nothing calls `z.config`). */
const parsedWith = localeErrors.en;

/** The fields of a zod issue a locale words its message from (`input` only when parsed with `reportInput`). */
export type ZodIssueLike = { code: string; message: string; path: readonly PropertyKey[] } & Record<string, unknown>;

function word(map: z.core.$ZodErrorMap, issue: ZodIssueLike): string | undefined {
  const out = map(issue as unknown as Parameters<z.core.$ZodErrorMap>[0]);
  return typeof out === 'string' ? out : (out?.message ?? undefined);
}

/** The issue's message in `lang`: zod's own wording re-derived with that locale, a schema's own message unchanged. */
export function localiseZodMessage(lang: Lang, issue: ZodIssueLike): string {
  const isZodWording = word(parsedWith, issue) === issue.message;
  return (isZodWording && word(localeErrors[lang], issue)) || issue.message;
}

const isParams = (p: unknown): p is Record<string, unknown> => typeof p === 'object' && p !== null;

/** One error detail per zod issue; `context` is where the value came from (`body`, `querystring`, …) when known. */
export function zodIssueDetails(lang: Lang, issues: readonly ZodIssueLike[], context?: string): ErrorDetail[] {
  return issues.map((issue) => ({
    path: [context, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: localiseZodMessage(lang, issue),
    // A schema may give a message key (`z.enum(…, { error: 'registry.enum.gender' })`): sendError translates it,
    // filling its placeholders from the `params` of a custom issue (`ctx.addIssue({ message: key, params })`).
    ...(hasMessage(issue.message) ? { code: issue.message, ...(isParams(issue.params) ? { params: issue.params } : {}) } : {}),
  }));
}

/**
 * Request validation with zod that keeps each issue's input (`reportInput`), so a message such as
 * "expected string, received number" can be worded again in the user's language. Fails with the
 * ZodError itself; Fastify tags it with the part of the request (`validationContext`).
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = z.safeParse(schema, data, { reportInput: true });
    return result.success ? { value: result.data } : { error: result.error };
  };
