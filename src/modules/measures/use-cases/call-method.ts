import { invalidInput, type ErrorDetail } from '../../../platform/errors.js';
import { isMethodInputError, type MethodWarning } from '../domain/method-error.js';
import type { ColumnTable } from '../io/read-table.js';

/**
 * Runs a method on a file's columns and turns a MethodInputError into a clear invalid-input error
 * naming the spreadsheet row (header = row 1) and the column.
 */
export function callMethod<T>(table: ColumnTable, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!isMethodInputError(e)) throw e;
    const fileRow = e.row !== null && e.row < table.rowNumbers.length ? table.rowNumbers[e.row] : null;
    let message = e.message;
    if (e.row !== null && fileRow !== null) message = message.replace(`row ${e.row}`, `row ${fileRow}`);
    const detail: ErrorDetail = {
      path: fileRow !== null ? `row ${fileRow}${e.column !== null ? `, column ${typeof e.column === 'string' ? `"${e.column}"` : e.column}` : ''}` : 'spec',
      message: `${e.code}: ${message}`,
      code: `measures.${e.code.toLowerCase()}`,
      params: { row: fileRow, column: e.column },
    };
    throw invalidInput(message, [detail]);
  }
}

/** Warnings with rows as spreadsheet rows. */
export function fileWarnings(table: ColumnTable, warnings: readonly MethodWarning[]): MethodWarning[] {
  return warnings.map((w) => (w.rows ? { ...w, rows: w.rows.map((r) => table.rowNumbers[r] ?? r) } : { ...w }));
}

/** Identifier of each row: the id column's text, or the 1-based data row number. */
export function rowIds(table: ColumnTable, idColumn: string | undefined): (string | number)[] {
  if (idColumn) return table.text[idColumn];
  return Array.from({ length: table.rowCount }, (_, i) => i + 1);
}
