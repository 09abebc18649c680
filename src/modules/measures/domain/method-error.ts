/**
 * Conventions shared by every method (methods.md §0): the tolerance, warnings and the input error.
 * Pure: no I/O.
 */

/** The one tolerance for computed quantities meeting a threshold (AF cutoff, grade boundaries, ties). */
export const TOL = 1e-9;

export type MethodErrorCode =
  | 'EMPTY_INPUT'
  | 'MISSING_VALUE'
  | 'INVALID_VALUE'
  | 'DIMENSION_MISMATCH'
  | 'INVALID_PARAMETER'
  | 'INSUFFICIENT_DATA'
  | 'DEGENERATE';

export type WarningCode =
  | 'EMPTY_GROUP'
  | 'NEGATIVE_WELFARE'
  | 'ZERO_MEAN'
  | 'M_ALPHA_UNAVAILABLE'
  | 'ZERO_VARIANCE_COLUMN'
  | 'ZERO_NORM_COLUMN'
  | 'NO_DISCRIMINATION'
  | 'ALL_ZERO'
  | 'WEIGHTS_NORMALIZED';

export interface MethodWarning {
  code: WarningCode;
  message: string;
  column?: string | number;
  rows?: number[];
}

/** A cell reference: 0-based row, and the caller's column name (or the 0-based column index). */
export type ColumnRef = string | number | null;

/** Invalid input to a method (methods.md §0). `row` is 0-based or null; `column` a name, an index or null. */
export class MethodInputError extends Error {
  readonly code: MethodErrorCode;
  readonly row: number | null;
  readonly column: ColumnRef;
  constructor(code: MethodErrorCode, message: string, row: number | null = null, column: ColumnRef = null) {
    super(message);
    this.name = 'MethodInputError';
    this.code = code;
    this.row = row;
    this.column = column;
  }
}

export const isMethodInputError = (e: unknown): e is MethodInputError => e instanceof MethodInputError;

/** `column "income"` or `column 3`. */
export function describeColumn(column: ColumnRef): string {
  return typeof column === 'string' ? `column "${column}"` : `column ${column}`;
}

export function cellError(code: MethodErrorCode, what: string, row: number, column: ColumnRef): MethodInputError {
  return new MethodInputError(code, `${what} at row ${row}, ${describeColumn(column)}`, row, column);
}

/** Rows listed in warnings are capped so a warning stays readable on millions of rows. */
export const MAX_WARNING_ROWS = 100;
