/**
 * The DuckDB side of the measures benchmark, in its own process so that its peak memory is measured
 * like ours and numpy's (VmHWM of the process minus its RSS before the data):
 *   node --import tsx bench/measures-duckdb-worker.ts load|run fgt|af|topsis DIR RUNS
 * `load` copies the column files into a table of the database file beside the data (once; a table
 * that already holds as many rows is kept), so `run` only opens the database and runs the query.
 * `run` prints one JSON line: best wall time (ms), CPU time, RSS before the query, peak RSS, raw data
 * bytes and the results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBDataChunk, DuckDBInstance, DOUBLE, type DuckDBConnection } from '@duckdb/node-api';
import { peakRss, readColumn, type MeasuresBenchMeta } from './measures-data.js';

const [mode, task, dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as MeasuresBenchMeta;

/** Column names and files of each task's table. */
function columnsOf(t: string): { table: string; names: string[]; files: string[]; withId: boolean } {
  if (t === 'fgt') return { table: 'fgt', names: ['y'], files: ['fgt_income'], withId: false };
  if (t === 'af') {
    const names = Array.from({ length: meta.af.d }, (_, j) => `x${j}`);
    return { table: 'af', names, files: names.map((_, j) => `af_${j}`), withId: false };
  }
  const names = Array.from({ length: meta.topsis.n }, (_, j) => `c${j}`);
  return { table: 'alt', names, files: names.map((_, j) => `topsis_${j}`), withId: true };
}

const rowsOf = (t: string) => (t === 'fgt' ? meta.fgt.n : t === 'af' ? meta.af.n : meta.topsis.m);

/** Loads the float64 column files into the task's table through the appender, a vector-sized chunk at a time. */
async function load(con: DuckDBConnection, t: string): Promise<void> {
  const { table, names, files, withId } = columnsOf(t);
  const existing = await con.runAndReadAll(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = '${table}'`);
  if (Number(existing.getRowObjectsJson()[0].n) > 0) {
    const rows = await con.runAndReadAll(`SELECT count(*) AS n FROM ${table}`);
    if (Number(rows.getRowObjectsJson()[0].n) === rowsOf(t)) return;
  }
  const cols = files.map((f) => readColumn(dir, f));
  const all = withId ? ['id', ...names] : names;
  if (withId) {
    const ids = new Float64Array(cols[0].length);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    cols.unshift(ids);
  }
  await con.run(`CREATE OR REPLACE TABLE ${table} (${all.map((n) => `${n} DOUBLE`).join(', ')})`);
  const appender = await con.createAppender(table);
  const n = cols[0].length;
  const size = 2048;
  for (let start = 0; start < n; start += size) {
    const len = Math.min(size, n - start);
    const chunk = DuckDBDataChunk.create(all.map(() => DOUBLE), len);
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
async function timedQuery(con: DuckDBConnection, sql: string): Promise<{ ms: number; cpuMs: number; row: Record<string, unknown> }> {
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

async function run(con: DuckDBConnection, t: string): Promise<{ ms: number; cpuMs: number; results: Record<string, unknown> }> {
  if (t === 'fgt') {
    const z = meta.fgt.z;
    const sql = `SELECT avg(CASE WHEN y < ${z} THEN 1.0 ELSE 0.0 END) AS "P0",
      avg(CASE WHEN y < ${z} THEN (${z} - y) / ${z} ELSE 0.0 END) AS "P1",
      avg(CASE WHEN y < ${z} THEN ((${z} - y) / ${z}) * ((${z} - y) / ${z}) ELSE 0.0 END) AS "P2" FROM fgt`;
    const { ms, cpuMs, row } = await timedQuery(con, sql);
    return { ms, cpuMs, results: row };
  }
  if (t === 'af') {
    const { d, cutoffs, k } = meta.af;
    const wsum = meta.af.weights.reduce((s, w) => s + w, 0);
    const w = meta.af.weights.map((x) => x / wsum);
    const names = columnsOf('af').names;
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
    const { ms, cpuMs, row } = await timedQuery(con, sql);
    const results: Record<string, unknown> = { H: row.H, A: row.A, M0: row.M0, M1: row.M1, M2: row.M2 };
    results.censored = Array.from({ length: d }, (_, j) => row[`h${j}`]);
    results.uncensored = Array.from({ length: d }, (_, j) => row[`u${j}`]);
    return { ms, cpuMs, results };
  }
  // TOPSIS: vector normalisation, weighted, ideal/anti-ideal, distances, closeness and rank kept in a table.
  const { cost } = meta.topsis;
  const wsum = meta.topsis.weights.reduce((s, x) => s + x, 0);
  const w = meta.topsis.weights.map((x) => x / wsum);
  const names = columnsOf('topsis').names;
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
  const { ms, cpuMs } = await timedQuery(con, sql);
  const check = (await con.runAndReadAll(
    `SELECT (SELECT closeness FROM topsis_out WHERE id = 0) AS first, sum(closeness) AS sum, (SELECT min(id) FROM topsis_out WHERE rnk = 1) AS "bestRow" FROM topsis_out`,
  )).getRowObjectsJson()[0];
  return { ms, cpuMs, results: check };
}

const instance = await DuckDBInstance.create(join(dir, 'duckdb.db'));
const con = await instance.connect();
try {
  if (mode === 'load') {
    await load(con, task);
  } else if (mode === 'run') {
    const baselineRss = process.memoryUsage().rss;
    const { ms, cpuMs, results } = await run(con, task);
    const rawBytes = columnsOf(task).files.length * rowsOf(task) * 8;
    console.log(JSON.stringify({ ms, cpuMs, rawBytes, results, baselineRss, peakRss: peakRss() }));
  } else throw new Error(`unknown mode ${mode}`);
} finally {
  con.closeSync();
  instance.closeSync();
}
