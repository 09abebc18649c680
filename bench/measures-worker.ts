/**
 * One task of the measures benchmark on our code, in its own process so its peak memory is its own:
 *   node --expose-gc --import tsx bench/measures-worker.ts fgt|af|topsis DIR RUNS
 * Prints one JSON line: best time (ms), RSS before loading, peak RSS, raw data bytes and the results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeAlkireFoster, computeFgt, computeTopsis } from '../src/modules/measures/index.js';
import { peakRss, readColumn, type MeasuresBenchMeta } from './measures-data.js';

const [task, dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as MeasuresBenchMeta;
const baselineRss = process.memoryUsage().rss;

let cpuMs = Infinity;
/**
 * `--expose-gc` (given by bench/measures.ts): collects before each run, outside the timing. Twice,
 * because the first collection may leave the dropped typed arrays' memory to a later sweep.
 */
const gc = (globalThis as { gc?: () => void }).gc;
const collect = () => {
  gc?.();
  gc?.();
};
/**
 * Best wall time over the runs; the best CPU time (user + system) goes to `cpuMs`. The previous run's
 * result is dropped and collected before the next run starts, so the peak memory is that of one
 * computation (as numpy's, whose arrays are freed when their last reference goes), not the sum of
 * several results that the garbage collector has not reached yet. Each run is a call of its own, so
 * no register of this loop still holds the previous result.
 */
function timed<T>(fn: () => T, keep: (result: T) => void): { ms: number } {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    collect();
    const t = runOnce(fn, keep);
    best = Math.min(best, t.ms);
    cpuMs = Math.min(cpuMs, t.cpuMs);
  }
  return { ms: best };
}

function runOnce<T>(fn: () => T, keep: (result: T) => void): { ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  keep(result);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

let out: { ms: number; rawBytes: number; results: Record<string, unknown> };
let results: Record<string, unknown> = {};
if (task === 'fgt') {
  const y = readColumn(dir, 'fgt_income');
  // Warm-up on a slice so the JIT has compiled the loop.
  computeFgt({ welfare: y.subarray(0, 100_000) }, { z: meta.fgt.z });
  const { ms } = timed(
    () => computeFgt({ welfare: y }, { z: meta.fgt.z }),
    (r) => (results = { ...r.values }),
  );
  out = { ms, rawBytes: y.byteLength, results };
} else if (task === 'af') {
  const cols = Array.from({ length: meta.af.d }, (_, j) => readColumn(dir, `af_${j}`));
  const run = (c: Float64Array[]) =>
    computeAlkireFoster({ achievements: c, cutoffs: meta.af.cutoffs }, { indicatorWeights: meta.af.weights, k: meta.af.k });
  run(cols.map((c) => c.subarray(0, 100_000)));
  const { ms } = timed(
    () => run(cols),
    (r) => (results = { H: r.H, A: r.A, M0: r.M0, M1: r.M1, M2: r.M2, censored: r.censoredHeadcount, uncensored: r.uncensoredHeadcount }),
  );
  out = { ms, rawBytes: cols.reduce((s, c) => s + c.byteLength, 0), results };
} else if (task === 'topsis') {
  const cols = Array.from({ length: meta.topsis.n }, (_, j) => readColumn(dir, `topsis_${j}`));
  const criteria = meta.topsis.cost.map((c) => ({ type: c ? ('cost' as const) : ('benefit' as const) }));
  const run = (c: Float64Array[]) => computeTopsis(c, criteria, { weights: meta.topsis.weights });
  run(cols.map((c) => c.subarray(0, 100_000)));
  const { ms } = timed(
    () => run(cols),
    (r) => {
      // The first row ranked 1 (as DuckDB's min(id) and numpy's argmax).
      const bestRow = r.rank.indexOf(1);
      results = { first: r.closeness[0], sum: r.closeness.reduce((s, c) => s + c, 0), bestRow };
    },
  );
  out = { ms, rawBytes: cols.reduce((s, c) => s + c.byteLength, 0), results };
} else throw new Error(`unknown task ${task}`);

console.log(JSON.stringify({ ...out, cpuMs, baselineRss, peakRss: peakRss() }));
