/**
 * Test helpers: the shared reference vectors, and a recursive check that a result holds no NaN,
 * Infinity or -0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The reference vectors (methods.md §9), copied from `../shared/reference/vectors` so that a plain
 * clone runs them; reference-vectors.test.ts checks the copy against the shared folder when it lies
 * beside the repository.
 */
export const referenceVectorsDir = fileURLToPath(new URL('./reference-vectors/', import.meta.url));
export const sharedReferenceVectorsDir = fileURLToPath(new URL('../../../../shared/reference/vectors/', import.meta.url));

/** Reads one reference vector file; fails loudly when it is missing (never skipped). */
export function loadReferenceVector<T = any>(file: string): T {
  const path = referenceVectorsDir + file;
  if (!existsSync(path)) throw new Error(`reference vector ${file} not found at ${path}`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The files listed in index.json. */
export function listReferenceVectors(): string[] {
  const index = loadReferenceVector<{ vectors: { file: string }[] }>('index.json');
  return index.vectors.map((v) => v.file);
}

/** Paths of numbers that are NaN, ±Infinity or -0 anywhere inside a result (typed arrays included). */
export function nonFiniteNumbers(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) out.push(`${path} = ${Object.is(value, -0) ? '-0' : value}`);
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < arr.length; i++) nonFiniteNumbers(arr[i], `${path}[${i}]`, out);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFiniteNumbers(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, `${path}.${k}`, out);
  }
  return out;
}

/** Row-major matrix to columns. */
export function toColumns(matrix: readonly (readonly number[])[]): Float64Array[] {
  const d = matrix[0]?.length ?? 0;
  return Array.from({ length: d }, (_, j) => Float64Array.from(matrix, (row) => row[j]));
}
