/**
 * The closed set of failures a use case may raise. HTTP statuses live in src/api/errors.ts only.
 * `userMessageKey` is an i18n key (see src/platform/messages.ts); `details` names fields or rows.
 */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'invalid_input'
  | 'rule_violation'
  | 'payload_too_large'
  | 'rate_limited';

export interface ErrorDetail {
  /** Field path (`members.0.idNumber`) or file location (`row 12, column 身份证号`). */
  path: string;
  /** English text; the API replaces it with the user's language when `code` names a message. */
  message: string;
  /** Message key in src/platform/messages.ts, with `params` for its placeholders. */
  code?: string;
  params?: Record<string, unknown>;
  value?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessageKey: string;
  readonly details: ErrorDetail[];
  constructor(code: ErrorCode, message: string, options: { key?: string; details?: ErrorDetail[] } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.userMessageKey = options.key ?? `errors.${code}`;
    this.details = options.details ?? [];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why = 'outside your scope') => new AppError('forbidden', why);
export const conflict = (why: string, details?: ErrorDetail[]) => new AppError('conflict', why, { details });
export const invalidInput = (why: string, details?: ErrorDetail[]) => new AppError('invalid_input', why, { details });
export const ruleViolation = (why: string, details?: ErrorDetail[]) => new AppError('rule_violation', why, { details });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
