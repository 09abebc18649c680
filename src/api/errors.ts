import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type ErrorCode, type ErrorDetail } from '../platform/errors.js';
import { hasMessage, translate, type Lang } from '../platform/messages.js';
import { zodIssueDetails, type ZodIssueLike } from './validation.js';

/** The only place that knows HTTP statuses. */
export const statusByCode = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  invalid_input: 422,
  rule_violation: 422,
  payload_too_large: 413,
  rate_limited: 429,
} satisfies Record<ErrorCode, number>;

export interface ErrorBody {
  error: { code: ErrorCode | 'internal'; message: string; details: ErrorDetail[]; requestId?: string };
}

function localiseDetails(lang: Lang, details: ErrorDetail[]): ErrorDetail[] {
  return details.map((d) => (d.code && hasMessage(d.code) ? { ...d, message: translate(lang, d.code, { ...d.params, value: d.value }) } : d));
}

export function sendError(reply: FastifyReply, lang: Lang, e: AppError, params: Record<string, unknown> = {}) {
  const body: ErrorBody = {
    error: { code: e.code, message: translate(lang, e.userMessageKey, params), details: localiseDetails(lang, e.details) },
  };
  return reply.status(statusByCode[e.code]).send(body);
}

/** Maps anything thrown to the one error shape. Unknown errors: logged once here, 500 with the request id. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = request.lang;
  if (isAppError(error)) return sendError(reply, lang, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    // The validation shape of fastify-type-provider-zod's own compiler (used by some tests' bare apps).
    const issues = error.validation.map((v) => ({
      ...v.params,
      code: v.keyword,
      message: v.message ?? 'invalid',
      path: String(v.instancePath).split('/').filter(Boolean),
    }));
    return sendError(reply, lang, new AppError('invalid_input', 'invalid input', { details: zodIssueDetails(lang, issues, error.validationContext) }));
  }
  if (error.name === 'ZodError') {
    // From request validation (./validation.ts, tagged with the request part) or a parse inside a use case.
    const { issues, validationContext } = error as unknown as { issues: ZodIssueLike[]; validationContext?: string };
    return sendError(reply, lang, new AppError('invalid_input', 'invalid input', { details: zodIssueDetails(lang, issues, validationContext) }));
  }
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
    return sendError(reply, lang, new AppError('payload_too_large', 'too large'), { limit: `${request.server.uploadLimitMb} MB` });
  }
  if (status === 429) return sendError(reply, lang, new AppError('rate_limited', 'rate limited'));
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, wrong content type ...).
    return sendError(reply, lang, new AppError('invalid_input', error.message, { details: [{ path: 'body', message: error.message }] }));
  }
  request.log.error({ err: error }, 'unhandled error');
  const body: ErrorBody = {
    error: { code: 'internal', message: translate(lang, 'errors.internal', { requestId: request.id }), details: [], requestId: request.id },
  };
  return reply.status(500).send(body);
}
