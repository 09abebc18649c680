/**
 * Columns fetched as one aggregated row (`string_agg` of every household's value), turned into typed
 * arrays: millions of values arrive as a few strings instead of millions of row objects.
 */

/** Labels joined by `separator` → a code per value and the distinct labels in order of first sight. */
export function encodeLabels(text: string, separator: string, n: number): { codes: Int32Array; labels: string[] } {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(n);
  const parts = n ? text.split(separator) : [];
  for (let i = 0; i < n; i++) {
    const label = parts[i];
    let c = index.get(label);
    if (c === undefined) {
      c = labels.length;
      index.set(label, c);
      labels.push(label);
    }
    codes[i] = c;
  }
  return { codes, labels };
}

/** Parses a comma-separated list of integers into a Float64Array without making a string per value. */
export function parseIntegers(text: string | null, n: number): Float64Array {
  const out = new Float64Array(n);
  if (!text) return out;
  let k = 0;
  let value = 0;
  let negative = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      out[k++] = negative ? -value : value;
      value = 0;
      negative = false;
    } else if (c === 45) negative = true;
    else value = value * 10 + (c - 48);
  }
  return out;
}
