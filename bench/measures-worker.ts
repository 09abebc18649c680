/**
 * One task of the measures benchmark on our code, in its own process so its peak memory is its own:
 *   node --import tsx bench/measures-worker.ts fgt|af|topsis DIR RUNS
 * Prints one JSON line: best time (ms), RSS before loading, peak RSS, raw data bytes and the results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeAlkireFoster, computeFgt, computeTopsis } from '../src/modules/measures/index.js';
import { readColumn, type MeasuresBenchMeta } from './measures-data.js';

const [task, dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as MeasuresBenchMeta;
const baselineRss = process.memoryUsage().rss;

let cpuMs = Infinity;
/** Best wall time over the runs; the best CPU time (user + system) goes to `cpuMs`. */
function timed<T>(fn: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms: best, result };
}

let out: { ms: number; rawBytes: number; results: Record<string, unknown> };
if (task === 'fgt') {
  const y = readColumn(dir, 'fgt_income');
  // Warm-up on a slice so the JIT has compiled the loop.
  computeFgt({ welfare: y.subarray(0, 100_000) }, { z: meta.fgt.z });
  const { ms, result } = timed(() => computeFgt({ welfare: y }, { z: meta.fgt.z }));
  out = { ms, rawBytes: y.byteLength, results: { ...result.values } };
} else if (task === 'af') {
  const cols = Array.from({ length: meta.af.d }, (_, j) => readColumn(dir, `af_${j}`));
  const run = (c: Float64Array[]) =>
    computeAlkireFoster({ achievements: c, cutoffs: meta.af.cutoffs }, { indicatorWeights: meta.af.weights, k: meta.af.k });
  run(cols.map((c) => c.subarray(0, 100_000)));
  const { ms, result } = timed(() => run(cols));
  out = {
    ms,
    rawBytes: cols.reduce((s, c) => s + c.byteLength, 0),
    results: { H: result.H, A: result.A, M0: result.M0, M1: result.M1, M2: result.M2, censored: result.censoredHeadcount, uncensored: result.uncensoredHeadcount },
  };
} else if (task === 'topsis') {
  const cols = Array.from({ length: meta.topsis.n }, (_, j) => readColumn(dir, `topsis_${j}`));
  const criteria = meta.topsis.cost.map((c) => ({ type: c ? ('cost' as const) : ('benefit' as const) }));
  const run = (c: Float64Array[]) => computeTopsis(c, criteria, { weights: meta.topsis.weights });
  run(cols.map((c) => c.subarray(0, 100_000)));
  const { ms, result } = timed(() => run(cols));
  let best = 0;
  for (let i = 0; i < result.rank.length; i++) if (result.rank[i] === 1) best = i;
  out = {
    ms,
    rawBytes: cols.reduce((s, c) => s + c.byteLength, 0),
    results: { first: result.closeness[0], sum: result.closeness.reduce((s, c) => s + c, 0), bestRow: best },
  };
} else throw new Error(`unknown task ${task}`);

/**
 * Peak RSS of this process image: VmHWM from /proc (resets at exec). `resourceUsage().maxRSS` is not
 * used because Linux carries it over from the forking parent, which holds the DuckDB data.
 */
function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

console.log(JSON.stringify({ ...out, cpuMs, baselineRss, peakRss: peakRss() }));
