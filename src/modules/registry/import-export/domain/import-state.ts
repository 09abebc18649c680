/**
 * Cross-row checks of one import in bounded memory: no per-row objects are kept. Per household a
 * Map entry (household number → index) plus a few typed-array slots (field hashes, first row, head
 * row); per person 12 bytes in an open-addressing table keyed by the ID number packed into a
 * double. 1M households / 4M people fit in roughly 250 MB. Pure.
 */
import { HOUSEHOLD_FIELD_KEYS, householdFieldTexts, type HouseholdValues, type RowIssue } from './validate-row.js';

const FIELDS = HOUSEHOLD_FIELD_KEYS.length;

/** FNV-1a over UTF-16 code units. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A valid 18-character ID number as an exact integer < 2^47 (area, birth day, sequence; the check character follows from them). */
export function packIdNumber(id: string): number {
  const area = Number(id.slice(0, 6));
  const days = Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14))) / 86_400_000 + 40_000;
  const seq = Number(id.slice(14, 17));
  return (area * 131_072 + days) * 1024 + seq;
}

/** Open-addressing map from positive integer keys (< 2^53) to int32 values. */
/**
 * A copy of a string that shares no memory with the text it was cut from. A cell cut out of a
 * megabyte of CSV text by slice or split keeps that whole text alive in V8; the household numbers
 * kept for the whole import would keep the whole file in memory.
 */
function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

export class PackedKeyMap {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    let cap = 1;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Float64Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slotOf(key: number): number {
    const hi = Math.floor(key / 4294967296);
    const lo = key - hi * 4294967296;
    let h = Math.imul((lo | 0) ^ Math.imul(hi | 0, 0x27d4eb2d), 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    let i = h & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  get(key: number): number | undefined {
    const i = this.slotOf(key);
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  set(key: number, value: number): void {
    if (key <= 0) throw new Error('keys must be positive');
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slotOf(key);
    if (this.keys[i] !== key) {
      this.keys[i] = key;
      this.size++;
    }
    this.values[i] = value;
  }

  private grow() {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] !== 0) {
        const i = this.slotOf(oldKeys[j]);
        this.keys[i] = oldKeys[j];
        this.values[i] = oldValues[j];
      }
    }
  }
}

export class ImportState {
  private readonly households = new Map<string, number>();
  private fieldHashes = new Uint32Array(1024 * FIELDS);
  private firstRows = new Int32Array(1024);
  private headRows = new Int32Array(1024);
  private readonly ids = new PackedKeyMap(1 << 14);
  /** Households with a row whose household cells were invalid: their head count is not trusted. */
  private readonly broken = new Set<string>();
  personCount = 0;

  get householdCount(): number {
    return this.households.size;
  }

  hasHousehold(no: string): boolean {
    return this.households.has(no);
  }

  markBroken(householdNo: string): void {
    this.broken.add(ownCopy(householdNo));
  }

  /**
   * Registers one people row whose household cells are valid. Returns the cross-row issues and
   * whether this is the first row of the household (the caller then stages the household).
   */
  addRow(row: number, h: HouseholdValues, relation: string | null, idNumber: string | null): { issues: RowIssue[]; firstOfHousehold: boolean } {
    const issues: RowIssue[] = [];
    const texts = householdFieldTexts(h);
    let index = this.households.get(h.householdNo);
    let firstOfHousehold = false;
    if (index === undefined) {
      index = this.households.size;
      this.ensureCapacity(index + 1);
      this.households.set(ownCopy(h.householdNo), index);
      for (let f = 0; f < FIELDS; f++) this.fieldHashes[index * FIELDS + f] = hash32(texts[f]);
      this.firstRows[index] = row;
      this.headRows[index] = 0;
      firstOfHousehold = true;
    } else {
      for (let f = 0; f < FIELDS; f++) {
        if (this.fieldHashes[index * FIELDS + f] !== hash32(texts[f])) {
          issues.push({ column: HOUSEHOLD_FIELD_KEYS[f], value: f === 2 ? (texts[f] === 't' ? 'true' : 'false') : texts[f], code: 'import.row.household_conflict', params: { firstRow: this.firstRows[index], householdNo: h.householdNo } });
        }
      }
    }
    if (relation === 'HEAD') {
      const headRow = this.headRows[index];
      if (headRow !== 0) issues.push({ column: 'relation', value: relation, code: 'import.row.second_head', params: { firstRow: headRow, householdNo: h.householdNo } });
      else this.headRows[index] = row;
    }
    if (idNumber) {
      const key = packIdNumber(idNumber);
      const seen = this.ids.get(key);
      if (seen !== undefined) issues.push({ column: 'id_number', value: idNumber, code: 'import.row.id_duplicate', params: { firstRow: seen } });
      else this.ids.set(key, row);
    }
    this.personCount++;
    return { issues, firstOfHousehold };
  }

  /** One issue per household without a head (reported at its first row). */
  *householdsWithoutHead(): Generator<{ row: number; issue: RowIssue }> {
    for (const [no, index] of this.households) {
      if (this.headRows[index] === 0 && !this.broken.has(no)) {
        yield { row: this.firstRows[index], issue: { column: 'relation', value: '', code: 'import.row.no_head', params: { householdNo: no } } };
      }
    }
  }

  private ensureCapacity(n: number) {
    if (n <= this.firstRows.length) return;
    const cap = this.firstRows.length * 2;
    const grow = <T extends Uint32Array | Int32Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.fieldHashes = grow(this.fieldHashes, cap * FIELDS);
    this.firstRows = grow(this.firstRows, cap);
    this.headRows = grow(this.headRows, cap);
  }
}
