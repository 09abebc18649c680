/**
 * `npm run bench -- measures [--scale=0.01] [--runs=3]`: AF-MPI on 10M persons x 10 indicators,
 * TOPSIS on 620k alternatives x 20 criteria and FGT on 10M incomes, each on our code (own process),
 * DuckDB (@duckdb/node-api, the same computation in SQL, data loaded by its appender) and numpy
 * (bench/measures_numpy.py on Debian's python3), on the same generated data. Prints best-of-runs
 * times, ratios, peak memory and the largest difference between the engines' results.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DuckDBDataChunk, DuckDBInstance, DOUBLE, type DuckDBConnection } from '@duckdb/node-api';
import { ensureMeasuresData, readColumn, type MeasuresBenchMeta } from './measures-data.js';

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
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'measures-worker.ts'), task, dir, String(runs)], {
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

/**
 * Loads float64 columns into a DuckDB table through its appender, a vector-sized data chunk at a time.
 * The database is a file in the data folder, so a table already loaded with as many rows is reused.
 */
async function loadDuckTable(con: DuckDBConnection, table: string, names: string[], cols: Float64Array[]): Promise<void> {
  const existing = await con.runAndReadAll(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '${table}'`);
  if (Number(existing.getRowObjectsJson()[0].n) > 0) {
    const rows = await con.runAndReadAll(`SELECT count(*) AS n FROM ${table}`);
    if (Number(rows.getRowObjectsJson()[0].n) === cols[0].length) return;
  }
  await con.run(`CREATE OR REPLACE TABLE ${table} (${names.map((n) => `${n} DOUBLE`).join(', ')})`);
  const appender = await con.createAppender(table);
  const n = cols[0].length;
  const size = 2048;
  for (let start = 0; start < n; start += size) {
    const len = Math.min(size, n - start);
    const chunk = DuckDBDataChunk.create(names.map(() => DOUBLE), len);
    for (let j = 0; j < cols.length; j++) {
      const vector = chunk.getColumnVector(j) as unknown as { items: Float64Array; flush(): void };
      vector.items.set(cols[j].subarray(start, start + len));
      vector.flush();
    }
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

/** Best wall time over the runs; CPU time of this process (DuckDB's threads run in it) likewise. */
async function timedQuery(con: DuckDBConnection, sql: string, runs: number): Promise<{ ms: number; cpuMs: number; row: Record<string, unknown> }> {
  let best = Infinity;
  let cpuMs = Infinity;
  let row: Record<string, unknown> = {};
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const reader = await con.runAndReadAll(sql);
    row = reader.getRowObjectsJson()[0] ?? {};
    best = Math.min(best, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms: best, cpuMs, row };
}

async function runDuck(task: string, meta: MeasuresBenchMeta, runs: number): Promise<EngineRun> {
  const instance = await DuckDBInstance.create(join(dir, 'duckdb.db'));
  const con = await instance.connect();
  try {
    if (task === 'fgt') {
      const y = readColumn(dir, 'fgt_income');
      await loadDuckTable(con, 'fgt', ['y'], [y]);
      const z = meta.fgt.z;
      const sql = `SELECT avg(CASE WHEN y < ${z} THEN 1.0 ELSE 0.0 END) AS "P0",
        avg(CASE WHEN y < ${z} THEN (${z} - y) / ${z} ELSE 0.0 END) AS "P1",
        avg(CASE WHEN y < ${z} THEN ((${z} - y) / ${z}) * ((${z} - y) / ${z}) ELSE 0.0 END) AS "P2" FROM fgt`;
      const { ms, cpuMs, row } = await timedQuery(con, sql, runs);
      return { ms, cpuMs, rawBytes: y.byteLength, results: row };
    }
    if (task === 'af') {
      const { d, cutoffs, k } = meta.af;
      const wsum = meta.af.weights.reduce((s, w) => s + w, 0);
      const w = meta.af.weights.map((x) => x / wsum);
      const names = Array.from({ length: d }, (_, j) => `x${j}`);
      const cols = names.map((_, j) => readColumn(dir, `af_${j}`));
      await loadDuckTable(con, 'af', names, cols);
      const dep = (j: number) => `(x${j} < ${cutoffs[j]})`;
      const gap = (j: number) => `CASE WHEN x${j} < ${cutoffs[j]} THEN (${cutoffs[j]} - x${j}) / ${cutoffs[j]} ELSE 0.0 END`;
      const sql = `WITH s AS (
          SELECT ${names.map((_, j) => `${dep(j)}::INTEGER AS d${j}`).join(', ')},
            ${names.map((_, j) => `${w[j]} * ${dep(j)}::DOUBLE`).join(' + ')} AS c,
            ${names.map((_, j) => `${w[j]} * ${gap(j)}`).join(' + ')} AS g1,
            ${names.map((_, j) => `${w[j]} * (${gap(j)}) * (${gap(j)})`).join(' + ')} AS g2
          FROM af),
        p AS (SELECT *, (c > 0 AND c >= ${k} - 1e-9)::INTEGER AS poor FROM s)
        SELECT avg(poor) AS "H", sum(poor * c) / nullif(sum(poor), 0) AS "A", avg(poor * c) AS "M0",
          avg(poor * g1) AS "M1", avg(poor * g2) AS "M2",
          ${names.map((_, j) => `avg(d${j}) AS u${j}, avg(poor * d${j}) AS h${j}`).join(', ')}
        FROM p`;
      const { ms, cpuMs, row } = await timedQuery(con, sql, runs);
      const results: Record<string, unknown> = { H: row.H, A: row.A, M0: row.M0, M1: row.M1, M2: row.M2 };
      results.censored = names.map((_, j) => row[`h${j}`]);
      results.uncensored = names.map((_, j) => row[`u${j}`]);
      return { ms, cpuMs, rawBytes: cols.reduce((s, c) => s + c.byteLength, 0), results };
    }
    // TOPSIS: vector normalisation, weighted, ideal/anti-ideal, distances, closeness and rank kept in a table.
    const { n, cost } = meta.topsis;
    const wsum = meta.topsis.weights.reduce((s, x) => s + x, 0);
    const w = meta.topsis.weights.map((x) => x / wsum);
    const names = Array.from({ length: n }, (_, j) => `c${j}`);
    const cols = names.map((_, j) => readColumn(dir, `topsis_${j}`));
    const ids = new Float64Array(cols[0].length);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    await loadDuckTable(con, 'alt', ['id', ...names], [ids, ...cols]);
    const v = (j: number) => `c${j} * s.s${j}`;
    const sql = `CREATE OR REPLACE TEMP TABLE topsis_out AS
      WITH s AS (SELECT ${names.map((_, j) => `${w[j]} / sqrt(sum(c${j} * c${j})) AS s${j}, max(c${j}) AS mx${j}, min(c${j}) AS mn${j}`).join(', ')} FROM alt),
      ideal AS (SELECT s.*, ${names
        .map((_, j) => (cost[j] ? `mn${j} * s${j} AS b${j}, mx${j} * s${j} AS a${j}` : `mx${j} * s${j} AS b${j}, mn${j} * s${j} AS a${j}`))
        .join(', ')} FROM s),
      dist AS (SELECT alt.id,
          sqrt(${names.map((_, j) => `(${v(j)} - s.b${j}) * (${v(j)} - s.b${j})`).join(' + ')}) AS dp,
          sqrt(${names.map((_, j) => `(${v(j)} - s.a${j}) * (${v(j)} - s.a${j})`).join(' + ')}) AS dm
        FROM alt, ideal s)
      SELECT id, dp, dm, dm / (dp + dm) AS closeness, rank() OVER (ORDER BY dm / (dp + dm) DESC) AS rnk FROM dist`;
    const { ms, cpuMs } = await timedQuery(con, sql, runs);
    const check = (await con.runAndReadAll(
      `SELECT (SELECT closeness FROM topsis_out WHERE id = 0) AS first, sum(closeness) AS sum, (SELECT min(id) FROM topsis_out WHERE rnk = 1) AS "bestRow" FROM topsis_out`,
    )).getRowObjectsJson()[0];
    return { ms, cpuMs, rawBytes: cols.reduce((s, c) => s + c.byteLength, 0), results: check };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
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
    const duck = await runDuck(task, meta, runs);
    const numpy = runNumpy(task, runs);
    const oursMem = (ours.peakRss ?? 0) - (ours.baselineRss ?? 0);
    const cpu = (r: EngineRun) => `cpu ${(r.cpuMs ?? NaN).toFixed(0).padStart(6)} ms`;
    const cpuRatio = (a: EngineRun, b: EngineRun) => ((a.cpuMs ?? NaN) / (b.cpuMs ?? NaN)).toFixed(2);
    console.log(`  ours   ${ours.ms.toFixed(1).padStart(9)} ms   ${cpu(ours)}   peak RSS ${mb(ours.peakRss ?? 0)} (${mb(oursMem)} above the process baseline; raw data ${mb(ours.rawBytes)})`);
    console.log(`  duckdb ${duck.ms.toFixed(1).padStart(9)} ms   ${cpu(duck)}   ours/duckdb = ${(ours.ms / duck.ms).toFixed(2)} wall, ${cpuRatio(ours, duck)} cpu (target <= 1.5)   max |diff| ${maxDiff(ours.results, duck.results).toExponential(1)}`);
    if (numpy) {
      console.log(
        `  numpy  ${numpy.ms.toFixed(1).padStart(9)} ms   ${cpu(numpy)}   ours/numpy  = ${(ours.ms / numpy.ms).toFixed(2)} wall, ${cpuRatio(ours, numpy)} cpu (target <= 1.0)   max |diff| ${maxDiff(ours.results, numpy.results).toExponential(1)}   numpy peak RSS ${mb(numpy.peakRss ?? 0)}`,
      );
    }
    const memRatio = oursMem / ours.rawBytes;
    console.log(`  memory: ours (peak RSS − baseline) / raw data = ${memRatio.toFixed(2)} (target <= 1.5); whole process ${((ours.peakRss ?? 0) / ours.rawBytes).toFixed(2)}`);
    summary.push(
      `${task}: wall ours ${ours.ms.toFixed(0)} ms, duckdb ${duck.ms.toFixed(0)} ms (x${(ours.ms / duck.ms).toFixed(2)}), numpy ${numpy ? `${numpy.ms.toFixed(0)} ms (x${(ours.ms / numpy.ms).toFixed(2)})` : 'n/a'}; ` +
        `cpu ours/duckdb x${cpuRatio(ours, duck)}, ours/numpy ${numpy ? `x${cpuRatio(ours, numpy)}` : 'n/a'}; memory x${memRatio.toFixed(2)}`,
    );
  }
  console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (times are unreliable when it exceeds the cores)`);
  console.log(`summary (best of ${runs} runs each):\n  ${summary.join('\n  ')}`);
}
