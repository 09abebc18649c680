/**
 * Data for the measures benchmark, generated once from a fixed seed and written to bench/out/measures/
 * as raw little-endian float64 column files (`<name>.f64`) plus meta.json. Our code, DuckDB and numpy
 * all read these same files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MeasuresBenchMeta {
  fgt: { n: number; z: number };
  af: { n: number; d: number; cutoffs: number[]; weights: number[]; k: number };
  topsis: { m: number; n: number; weights: number[]; cost: boolean[] };
}

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(r: () => number): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

export function columnFile(dir: string, name: string): string {
  return join(dir, `${name}.f64`);
}

/** Reads a column file into a Float64Array without copying. */
export function readColumn(dir: string, name: string): Float64Array {
  const buf = readFileSync(columnFile(dir, name));
  if (buf.byteOffset % 8 !== 0) return new Float64Array(new Uint8Array(buf).buffer);
  return new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
}

function write(dir: string, name: string, x: Float64Array): void {
  writeFileSync(columnFile(dir, name), new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
}

/** Generates the data unless meta.json already describes the same sizes. */
export function ensureMeasuresData(dir: string, sizes: { fgtN: number; afN: number; topsisM: number }): MeasuresBenchMeta {
  mkdirSync(dir, { recursive: true });
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as MeasuresBenchMeta;
    if (meta.fgt.n === sizes.fgtN && meta.af.n === sizes.afN && meta.topsis.m === sizes.topsisM) return meta;
  }
  const t0 = performance.now();
  // FGT: per-capita incomes, log-normal around 11,000 yuan; line 8,100 yuan.
  {
    const r = rng(1);
    const y = new Float64Array(sizes.fgtN);
    for (let i = 0; i < y.length; i++) y[i] = Math.exp(9.3 + 0.6 * normal(r));
    write(dir, 'fgt_income', y);
  }
  // AF: 10 indicators as in the global MPI preset (2 + 2 at 1/6, 6 at 1/18), k = 1/3. Four cardinal
  // ratios to their cutoff (log-normal), six 0/1 flags (deprived when 0 < 1).
  const d = 10;
  const cutoffs = [1, 6, 1, 1, 1, 1, 1, 1, 1, 1];
  const weights = [1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 18, 1 / 18, 1 / 18, 1 / 18, 1 / 18, 1 / 18];
  for (let j = 0; j < d; j++) {
    const r = rng(100 + j);
    const x = new Float64Array(sizes.afN);
    if (j === 0) for (let i = 0; i < x.length; i++) x[i] = Math.exp(0.25 + 0.5 * normal(r));
    else if (j === 1) for (let i = 0; i < x.length; i++) x[i] = Math.max(0, Math.round(8 + 3 * normal(r)));
    else if (j === 2 || j === 3) for (let i = 0; i < x.length; i++) x[i] = r() < 0.12 ? 0 : 1;
    else if (j < 6) for (let i = 0; i < x.length; i++) x[i] = Math.exp(0.3 + 0.4 * normal(r));
    else for (let i = 0; i < x.length; i++) x[i] = r() < 0.08 + 0.03 * j ? 0 : 1;
    write(dir, `af_${j}`, x);
  }
  // TOPSIS: 20 criteria, positive, every fourth a cost criterion; random weights.
  const tn = 20;
  const wr = rng(7);
  const tw = Array.from({ length: tn }, () => 0.5 + wr());
  const tsum = tw.reduce((s, w) => s + w, 0);
  for (let j = 0; j < tn; j++) {
    const r = rng(200 + j);
    const x = new Float64Array(sizes.topsisM);
    for (let i = 0; i < x.length; i++) x[i] = Math.exp(1 + 0.1 * j + 0.7 * normal(r));
    write(dir, `topsis_${j}`, x);
  }
  const meta: MeasuresBenchMeta = {
    fgt: { n: sizes.fgtN, z: 8100 },
    af: { n: sizes.afN, d, cutoffs, weights, k: 1 / 3 },
    topsis: { m: sizes.topsisM, n: tn, weights: tw.map((w) => w / tsum), cost: Array.from({ length: tn }, (_, j) => j % 4 === 3) },
  };
  writeFileSync(metaPath, JSON.stringify(meta, null, 2));
  console.log(`generated benchmark data in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return meta;
}

/**
 * Peak RSS of this process image: VmHWM from /proc (resets at exec). `resourceUsage().maxRSS` is not
 * used because Linux carries it over from the forking parent.
 */
export function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
