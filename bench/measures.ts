/**
 * `npm run bench -- measures [--scale=0.01] [--runs=3]`: AF-MPI on 10M persons x 10 indicators,
 * TOPSIS on 620k alternatives x 20 criteria and FGT on 10M incomes, each on our code, DuckDB
 * (@duckdb/node-api, the same computation in SQL, data loaded once by its appender into a database
 * file) and numpy (bench/measures_numpy.py on Debian's python3), on the same generated data, each
 * engine in its own process. Prints best-of-runs times, ratios, peak memory measured the same way for
 * all three (VmHWM of the process minus its RSS before the data, divided by the raw data size) and the
 * largest difference between the engines' results.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ensureMeasuresData } from './measures-data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir = join(root, 'bench', 'out', 'measures');

interface EngineRun {
  ms: number;
  /** CPU time (user + system, all threads) of the best run. */
  cpuMs?: number;
  rawBytes: number;
  results: Record<string, unknown>;
  baselineRss?: number;
  peakRss?: number;
}

const arg = (name: string, fallback: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function runOurs(task: string, runs: number): EngineRun {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'bench', 'measures-worker.ts'), task, dir, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`our ${task} worker failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

function runNumpy(task: string, runs: number): EngineRun | null {
  const python = '/usr/bin/python3';
  const env = { ...process.env };
  // The machine's OpenBLAS settings break numpy here; unset them for this command only.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const check = spawnSync(python, ['-c', 'import numpy'], { env });
  if (check.status !== 0) {
    console.log('  numpy: not available (apt-get install -y python3-numpy)');
    return null;
  }
  const r = spawnSync(python, [join(root, 'bench', 'measures_numpy.py'), task, dir, String(runs)], { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`numpy ${task} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** DuckDB in its own process: `load` fills the table once (not measured), `run` times the query. */
function runDuck(task: string, runs: number): EngineRun {
  const worker = (mode: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'measures-duckdb-worker.ts'), mode, task, dir, String(runs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
  const loaded = worker('load');
  if (loaded.status !== 0) throw new Error(`duckdb ${task} load failed: ${loaded.stderr}`);
  const r = worker('run');
  if (r.status !== 0) throw new Error(`duckdb ${task} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** Largest absolute difference between two result objects (numbers and arrays of numbers). */
function maxDiff(a: Record<string, unknown>, b: Record<string, unknown>): number {
  let worst = 0;
  for (const [key, x] of Object.entries(a)) {
    const y = b[key];
    const xs = Array.isArray(x) ? x : [x];
    const ys = Array.isArray(y) ? y : [y];
    xs.forEach((xv, i) => {
      const p = Number(xv);
      const q = Number(ys[i]);
      if (key === 'sum') worst = Math.max(worst, Math.abs(p - q) / Math.max(1, Math.abs(p)));
      else if (Number.isFinite(p) && Number.isFinite(q)) worst = Math.max(worst, Math.abs(p - q));
      else if (p !== q) worst = Infinity;
    });
  }
  return worst;
}

export async function runMeasuresBench(): Promise<void> {
  const scale = arg('scale', 1);
  const runs = arg('runs', 3);
  // Each scale keeps its own data folder, so a quick small run does not replace the full-size data.
  if (scale !== 1) dir = join(root, 'bench', 'out', `measures-x${scale}`);
  const meta = ensureMeasuresData(dir, {
    fgtN: Math.round(10_000_000 * scale),
    afN: Math.round(10_000_000 * scale),
    topsisM: Math.round(620_000 * scale),
  });
  const tasks: [string, string][] = [
    ['af', `AF-MPI, ${meta.af.n.toLocaleString('en')} persons x ${meta.af.d} indicators (H, A, M0, M1, M2, h_j, h_j(k))`],
    ['topsis', `TOPSIS, ${meta.topsis.m.toLocaleString('en')} alternatives x ${meta.topsis.n} criteria (vector, 5 cost columns, closeness + rank)`],
    ['fgt', `FGT P0/P1/P2, ${meta.fgt.n.toLocaleString('en')} incomes`],
  ];
  const summary: string[] = [];
  for (const [task, label] of tasks) {
    console.log(`\n${label}`);
    const ours = runOurs(task, runs);
    const duck = runDuck(task, runs);
    const numpy = runNumpy(task, runs);
    const memRatio = (r: EngineRun) => ((r.peakRss ?? 0) - (r.baselineRss ?? 0)) / r.rawBytes;
    const mem = (r: EngineRun) => `memory ${memRatio(r).toFixed(2)}x raw (peak RSS ${mb(r.peakRss ?? 0)})`;
    const cpu = (r: EngineRun) => `cpu ${(r.cpuMs ?? NaN).toFixed(0).padStart(6)} ms`;
    const cpuRatio = (a: EngineRun, b: EngineRun) => ((a.cpuMs ?? NaN) / (b.cpuMs ?? NaN)).toFixed(2);
    const load = () => loadavg()[0].toFixed(1);
    console.log(`  ours   ${ours.ms.toFixed(1).padStart(9)} ms   ${cpu(ours)}   ${mem(ours)}; raw data ${mb(ours.rawBytes)}`);
    console.log(
      `  duckdb ${duck.ms.toFixed(1).padStart(9)} ms   ${cpu(duck)}   ${mem(duck)}   ours/duckdb = ${(ours.ms / duck.ms).toFixed(2)} wall, ${cpuRatio(ours, duck)} cpu (target <= 1.5)   max |diff| ${maxDiff(ours.results, duck.results).toExponential(1)}`,
    );
    if (numpy) {
      console.log(
        `  numpy  ${numpy.ms.toFixed(1).padStart(9)} ms   ${cpu(numpy)}   ${mem(numpy)}   ours/numpy  = ${(ours.ms / numpy.ms).toFixed(2)} wall, ${cpuRatio(ours, numpy)} cpu (target <= 1.0)   max |diff| ${maxDiff(ours.results, numpy.results).toExponential(1)}`,
      );
    }
    console.log(`  memory: ours (peak RSS − RSS before the data) / raw data = ${memRatio(ours).toFixed(2)} (target <= 1.5); load average ${load()}`);
    summary.push(
      `${task}: wall ours ${ours.ms.toFixed(0)} ms, duckdb ${duck.ms.toFixed(0)} ms (x${(ours.ms / duck.ms).toFixed(2)}), numpy ${numpy ? `${numpy.ms.toFixed(0)} ms (x${(ours.ms / numpy.ms).toFixed(2)})` : 'n/a'}; ` +
        `cpu ours/duckdb x${cpuRatio(ours, duck)}, ours/numpy ${numpy ? `x${cpuRatio(ours, numpy)}` : 'n/a'}; ` +
        `memory ours x${memRatio(ours).toFixed(2)}, duckdb x${memRatio(duck).toFixed(2)}${numpy ? `, numpy x${memRatio(numpy).toFixed(2)}` : ''}; load ${load()}`,
    );
  }
  console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (times are unreliable when it exceeds the cores)`);
  console.log(`summary (best of ${runs} runs each):\n  ${summary.join('\n  ')}`);
}
