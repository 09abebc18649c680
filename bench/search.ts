/**
 * `npm run bench -- search`: household search under concurrent load on a 1M-household registry
 * (~3.7M people, 2M income records, 1M guarantee rows) versus a Fastify hello-world on the same machine.
 *
 * 1. A scratch database on the local PostgreSQL server is migrated and filled in SQL
 *    (bench/search-data.ts: real 赫章县 villages, skewed surnames, valid unique ID numbers).
 * 2. Our server runs as its own process (`ruralbridge serve --no-seed` on that database) and a
 *    Fastify hello-world as another; autocannon drives both from this process.
 * 3. Load: a signed-in county administrator (scope 赫章县, row-level security on) sends a mix of
 *    realistic searches — division subtree (county, township, village), fuzzy name (2- and 3-character
 *    names sampled from the data), household number, ID number — round-robin, CONNECTIONS
 *    connections for DURATION seconds after a warm-up; then each kind alone for a few seconds.
 * 4. Prints p50/p99 for ours and the hello-world and the ratio; drops the database.
 *
 * Env: BENCH_SEARCH_HOUSEHOLDS (default 1000000), BENCH_SEARCH_CONNECTIONS (20),
 * BENCH_SEARCH_SECONDS (15), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_KEEP_DB=1 keeps the scratch database; BENCH_SEARCH_DB=<name> reuses a kept one (no build, not dropped). Target (issue 2): search p99 ≤ 50 ms on 1M households.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStore } from '../src/platform/db.js';
import { migrate } from '../src/db/migrate.js';
import { FixedClock } from '../src/platform/clock.js';
import { ConfigSchema } from '../src/platform/config.js';
import { createUser, systemActor } from '../src/modules/access/index.js';
import { buildSyntheticRegistry, COUNTY } from './search-data.js';
import { httpClient, report, runUsers } from './users.js';

const HOUSEHOLDS = Number(process.env.BENCH_SEARCH_HOUSEHOLDS ?? 1_000_000);
const CONNECTIONS = Number(process.env.BENCH_SEARCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 15);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_P99_MS = 50;
/** Mean think time of a user between searches (reading the result page) in the users-at-work phase. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);

interface Run {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function cannon(opts: { url: string; paths?: string[]; cookie?: string; seconds: number; connections: number }): Promise<Run> {
  let next = 0;
  const paths = opts.paths;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        headers: opts.cookie ? { cookie: opts.cookie } : undefined,
        requests: paths
          ? [
              {
                method: 'GET',
                setupRequest: (req: Record<string, unknown>) => {
                  req.path = paths[next++ % paths.length];
                  return req;
                },
              },
            ]
          : undefined,
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          p50: r.latency.p50,
          p90: r.latency.p90,
          p99: r.latency.p99,
          max: r.latency.max,
          rps: r.requests.average,
          requests: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors,
        });
      },
    );
  });
}

function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 180 s:\n${out}`)), 180_000);
    const onData = (d: Buffer) => {
      out += d;
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** A port nobody listens on right now (other benchmarks and servers share this machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const fmt = (r: Run) =>
  `p50 ${r.p50.toFixed(1)} ms  p90 ${r.p90.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(0)} ms  ${r.rps.toFixed(0)} req/s  (${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`;

export async function runSearchBench(): Promise<void> {
  const reuse = process.env.BENCH_SEARCH_DB;
  const name = reuse ?? `rb_bench_search_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const children: ChildProcess[] = [];
  try {
    // 1. schema and data
    const store = await openStore({ url: dbUrl });
    await migrate(store);
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    if (reuse) {
      const counts = await client.query(`SELECT (SELECT count(*) FROM household) AS h, (SELECT count(*) FROM person) AS p`);
      console.log(`reusing ${name}: ${Number(counts.rows[0].h).toLocaleString('en')} households, ${Number(counts.rows[0].p).toLocaleString('en')} people`);
    } else {
      console.log(`building ${HOUSEHOLDS.toLocaleString('en')} households in ${name} …`);
      const built = await buildSyntheticRegistry(client, HOUSEHOLDS, (s) => console.log(`  ${s}`));
      console.log(`registry: ${built.households.toLocaleString('en')} households, ${built.people.toLocaleString('en')} people, built in ${built.seconds.toFixed(0)} s`);
      const deps = { store, clock: new FixedClock(new Date()), config: ConfigSchema.parse({}) };
      await createUser(deps, systemActor('bench'), { username: 'bench_admin', displayName: '县管理员(基准)', password: 'bench-password-1', role: 'county_admin', scopePrefix: COUNTY });
    }
    await store.close();

    // Realistic query values sampled from the data.
    const sample = async (q: string) => (await client.query(q)).rows.map((r) => Object.values(r)[0] as string);
    const townships = await sample(`SELECT prefix FROM division WHERE level = 4 AND prefix LIKE '${COUNTY}%' ORDER BY code`);
    const villages = await sample(`SELECT code FROM division WHERE level = 5 AND code LIKE '${COUNTY}%' ORDER BY random() LIMIT 100`);
    const names = await sample(`SELECT name FROM person TABLESAMPLE SYSTEM (0.2) REPEATABLE (7) LIMIT 300`);
    const numbers = await sample(`SELECT household_no FROM household TABLESAMPLE SYSTEM (0.2) REPEATABLE (8) LIMIT 300`);
    const ids = await sample(`SELECT id_number FROM person TABLESAMPLE SYSTEM (0.2) REPEATABLE (9) LIMIT 300`);
    await client.end();

    const kinds: Record<string, string[]> = {
      division: [`/api/households?division=${COUNTY}`, ...townships.map((t) => `/api/households?division=${t}`), ...villages.map((v) => `/api/households?division=${v}`)],
      name: names.map((n) => `/api/households?q=${encodeURIComponent(n)}`),
      householdNo: numbers.map((n) => `/api/households?householdNo=${n}`),
      idNumber: ids.map((i) => `/api/households?idNumber=${i}`),
    };
    const mix: string[] = [];
    for (let i = 0; i < 300; i++) for (const list of Object.values(kinds)) mix.push(list[i % list.length]);

    // 2. servers
    const port = await freePort();
    const ours = await startProcess(['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-seed'], { DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' }, /ready on/);
    children.push(ours.child);
    const helloPort = await freePort();
    const hello = await startProcess(
      ['-e', `const f = require('fastify')(); f.get('/', async () => ({ hello: 'world' })); f.listen({ port: ${helloPort}, host: '127.0.0.1' }).then(() => console.log('hello ready'));`],
      {},
      /hello ready/,
    );
    children.push(hello.child);

    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench_admin', password: 'bench-password-1' }) });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const probe = await fetch(`${base}${kinds.name[0]}`, { headers: { cookie } });
    if (!probe.ok) throw new Error(`search failed: ${probe.status} ${await probe.text()}`);

    // 3. load: users at work (a search, then time to read the results: the target), then saturation.
    const client2 = httpClient(port, CONNECTIONS * 2);
    const labelled = Object.entries(kinds).flatMap(([kind, paths]) => paths.map((path) => ({ kind, path })));
    const order = Array.from({ length: 300 * 4 }, (_, i) => labelled[(i * 7919) % labelled.length]);
    const cursor = Array.from({ length: CONNECTIONS }, (_, u) => u * 37);
    const users = await runUsers({
      users: CONNECTIONS,
      seconds: SECONDS,
      warmupMs: 3000,
      thinkMs: THINK_MS,
      act: async (u) => {
        const { kind, path } = order[cursor[u]++ % order.length];
        return { label: kind, reply: await client2.request('GET', path, undefined, { cookie }) };
      },
      peer: () => client2.request('GET', '/api/health'),
    });
    client2.close();
    const atWork = report(`${CONNECTIONS} users at work (think time mean ${THINK_MS} ms)`, users, 'searches');
    console.log(`target: search p99 ≤ ${TARGET_P99_MS} ms on ${HOUSEHOLDS.toLocaleString('en')} households with ${CONNECTIONS} users at work: ${atWork <= TARGET_P99_MS && users.errors === 0 ? 'met' : 'MISSED'}`);

    console.log(`\nsaturation (autocannon, ${CONNECTIONS} connections, no think time); warm-up 3 s …`);
    await cannon({ url: base, paths: mix, cookie, seconds: 3, connections: CONNECTIONS });
    const mixed = await cannon({ url: base, paths: mix, cookie, seconds: SECONDS, connections: CONNECTIONS });
    const peer = await cannon({ url: `http://127.0.0.1:${helloPort}/`, seconds: Math.min(SECONDS, 10), connections: CONNECTIONS });
    console.log(`\nsearch mix (${CONNECTIONS} connections, ${SECONDS} s): ${fmt(mixed)}`);
    console.log(`hello-world  (${CONNECTIONS} connections):        ${fmt(peer)}`);
    console.log(`ratio ours/hello: p50 ${(mixed.p50 / Math.max(peer.p50, 0.001)).toFixed(1)}×  p99 ${(mixed.p99 / Math.max(peer.p99, 0.001)).toFixed(1)}×  throughput ${(peer.rps / Math.max(mixed.rps, 1)).toFixed(1)}× lower`);
        console.log('\nby kind (4 s each):');
    for (const [kind, paths] of Object.entries(kinds)) {
      const r = await cannon({ url: base, paths, cookie, seconds: 4, connections: CONNECTIONS });
      console.log(`  ${kind.padEnd(12)} ${fmt(r)}`);
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (!process.env.BENCH_KEEP_DB && !reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else console.log(`kept database ${name}`);
    await admin.end();
  }
}
