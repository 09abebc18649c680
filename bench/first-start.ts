/**
 * First start of the demo, end to end, as a new user runs it: `npm start` = build the web app, then
 * `serve` on an empty data folder (create PGlite, migrate, load the Hezhang divisions, generate the
 * demo county, create the demo accounts) until GET /api/health answers ok. Target (issue 2): ≤ 60 s.
 * Env: BENCH_SKIP_BUILD=1 skips the web build; SEED_SCALE is passed through to the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TARGET_SECONDS = 60;

export async function runFirstStartBench(): Promise<void> {
  let buildSeconds = 0;
  if (!process.env.BENCH_SKIP_BUILD) {
    const t = performance.now();
    const build = spawnSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('web build failed');
    buildSeconds = (performance.now() - t) / 1000;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rb-first-start-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  let peakRssMb = 0;
  try {
    for (;;) {
      if (exited) throw new Error(`server exited before it was ready:\n${output}`);
      peakRssMb = Math.max(peakRssMb, vmHwmMb(child.pid!));
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (performance.now() - started > 600_000) throw new Error('not ready after 10 minutes');
      await new Promise((r) => setTimeout(r, 200));
    }
    const serveSeconds = (performance.now() - started) / 1000;
    peakRssMb = Math.max(peakRssMb, vmHwmMb(child.pid!));
    const ready = /demo county ready: (\d+) households, (\d+) people/.exec(output);
    const total = buildSeconds + serveSeconds;
    console.log(`web build           ${buildSeconds.toFixed(1)} s${process.env.BENCH_SKIP_BUILD ? ' (skipped)' : ''}`);
    console.log(`serve to health ok  ${serveSeconds.toFixed(1)} s (peak RSS ${peakRssMb.toFixed(0)} MB)`);
    console.log(`demo                ${ready ? `${ready[1]} households, ${ready[2]} people` : 'not seeded (see output)'}; SEED_SCALE=${process.env.SEED_SCALE ?? 'default'}`);
    console.log(`first start total   ${total.toFixed(1)} s vs target ≤ ${TARGET_SECONDS} s: ${total <= TARGET_SECONDS ? 'met' : 'MISSED'}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (!exited) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Peak resident set of a process in MB (Linux), 0 elsewhere. */
function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
