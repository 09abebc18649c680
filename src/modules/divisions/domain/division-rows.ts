import { toCode12, type DivisionLevel } from './division-code.js';

/** One row of the `division` table as the loader writes it. */
export interface DivisionRow {
  code: string;
  prefix: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

/** A record of the source files: its significant code, name and the significant code of its parent. */
export interface DivisionSourceRecord {
  prefix: string;
  name: string;
  level: DivisionLevel;
  parentPrefix: string | null;
}

/**
 * Turns source records (parents before children) into table rows. The NBS data has a few placeholder
 * rows whose 12-digit code equals their parent's: cities without counties (东莞 4419 → "county"
 * 441900) and 金门县's single "township" and "village". Such a row is not a division of its own: it
 * is skipped and its children hang directly under the parent. Pure; holds only the few aliases.
 */
export class DivisionRowBuilder {
  private readonly aliases = new Map<string, string>();
  readonly skipped: DivisionSourceRecord[] = [];

  add(record: DivisionSourceRecord): DivisionRow | null {
    const parentCode = record.parentPrefix === null ? null : (this.aliases.get(record.parentPrefix) ?? toCode12(record.parentPrefix));
    const code = toCode12(record.prefix);
    if (parentCode === code) {
      this.aliases.set(record.prefix, parentCode);
      this.skipped.push(record);
      return null;
    }
    return { code, prefix: record.prefix, name: record.name, level: record.level, parentCode };
  }
}
