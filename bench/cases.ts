/**
 * `npm run bench -- cases`: case-transition latency under 50 concurrent users on a 1M-household
 * registry, through the real HTTP API of a separate server process on the local PostgreSQL server.
 *
 * Setup (once, reused): a scratch database (default rb_bench_cases) with a generated county (30
 * townships × 34 villages), 1M households with their heads, and 200k cases (100k open at CLUE, the
 * rest under monitoring), all made with set-based SQL. 50 village-cadre accounts, one per worker,
 * scoped to townships. Each worker signs in, then takes its own CLUE cases through `assign` and
 * `submit_verification` (with full evidence), one request in flight per user. Two phases in one run: users at work (a random think time, mean BENCH_THINK_MS = 1 s, before each
 * step: still far busier than people filling in evidence forms) and saturation (closed loop, no think
 * time). Latency of every POST is recorded after a warm-up, next to a peer: GET /api/health through
 * the same server under the same load.
 *
 * Environment: BENCH_PG_URL (server, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_HOUSEHOLDS (1000000), BENCH_CASES (200000), BENCH_USERS (50), BENCH_SECONDS (30),
 * BENCH_THINK_MS (1000), BENCH_FRESH=1 to regenerate. Target: p99 ≤ 50 ms with 50 users at work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/platform/db.js';
import { migrate } from '../src/db/migrate.js';
import { createUser, systemActor } from '../src/modules/access/index.js';
import { ConfigSchema } from '../src/platform/config.js';
import { systemClock } from '../src/platform/clock.js';
import { evidenceFor } from '../src/modules/cases/testing.js';
import { httpClient, report, runUsers } from './users.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const HOUSEHOLDS = env('BENCH_HOUSEHOLDS', 1_000_000);
const CASES = env('BENCH_CASES', 200_000);
const USERS = env('BENCH_USERS', 50);
const SECONDS = env('BENCH_SECONDS', 30);
/** Workers actually running (≤ USERS); for diagnosis, e.g. 1 for unloaded latency. */
const CONCURRENCY = Math.min(env('BENCH_CONCURRENCY', USERS), USERS);
const WARMUP_MS = 5_000;
/** Mean think time between one user's requests in the 'users at work' phase. */
const THINK_MS = env('BENCH_THINK_MS', 1000);
const TOWNSHIPS = 30;
const VILLAGES = 34;
const PORT = env('BENCH_PORT', 3917);
const PASSWORD = 'bench-password-1';

function dbUrl(name: string): string {
  const u = new URL(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = `/${name}`;
  return u.toString();
}

async function prepare(dbName: string): Promise<string> {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
  // Each run uses up CLUE cases; start again when fewer than a quarter are left.
  let fresh = Boolean(process.env.BENCH_FRESH);
  if (exists && !fresh) {
    const probe = new pg.Client({ connectionString: dbUrl(dbName) });
    await probe.connect();
    const left = await probe.query(`SELECT count(*)::int AS n FROM monitoring_case WHERE status = 'CLUE'`).catch(() => ({ rows: [{ n: 0 }] }));
    await probe.end();
    fresh = left.rows[0].n < CASES / 8;
  }
  if (exists && fresh) await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  if (!exists || fresh) await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = dbUrl(dbName);
  const store = await openStore({ url });
  await migrate(store);
  const done = await store.db.selectFrom('app_setting').select('value').where('key', '=', 'bench.cases').executeTakeFirst();
  const want = { households: HOUSEHOLDS, cases: CASES, users: USERS };
  const same = (v: unknown) => { const o = v as typeof want; return o.households === want.households && o.cases === want.cases && o.users === want.users; };
  if (done && same(done.value)) {
    console.log(`reusing ${dbName}: ${HOUSEHOLDS} households, ${CASES} cases`);
  } else {
    if (done) throw new Error(`${dbName} holds another bench size (${JSON.stringify(done.value)}); rerun with BENCH_FRESH=1`);
    const t0 = Date.now();
    await store.bulk(async (s) => {
      await s.exec(`
        INSERT INTO division (code, prefix, name, level, parent_code) VALUES
          ('520000000000','52','贵州省',1,NULL), ('520500000000','5205','毕节市',2,'520000000000'), ('520527000000','520527','赫章县',3,'520500000000')
        ON CONFLICT DO NOTHING;
        INSERT INTO division (code, prefix, name, level, parent_code)
          SELECT '520527' || t || '000', '520527' || t, '乡镇' || t, 4, '520527000000' FROM generate_series(101, ${100 + TOWNSHIPS}) t ON CONFLICT DO NOTHING;
        INSERT INTO division (code, prefix, name, level, parent_code)
          SELECT '520527' || t || v, '520527' || t || v, '村' || t || v, 5, '520527' || t || '000'
          FROM generate_series(101, ${100 + TOWNSHIPS}) t, generate_series(201, ${200 + VILLAGES}) v ON CONFLICT DO NOTHING;`);
      await s.query(`SELECT setseed(0.31)`);
      await s.exec(`
        INSERT INTO household (county_code, village_code, household_no, household_type, created_at, updated_at)
        SELECT '520527', '520527' || (101 + i % ${TOWNSHIPS}) || (201 + (i / ${TOWNSHIPS}) % ${VILLAGES}), 'B' || lpad(i::text, 10, '0'),
               CASE WHEN random() < 0.25 THEN 'POVERTY_EXITED' ELSE 'GENERAL' END, now(), now()
        FROM generate_series(1, ${HOUSEHOLDS}) i;`);
      await s.exec(`
        INSERT INTO person (household_id, county_code, village_code, name, id_number, gender, birth_date, relation, labor_skill)
        SELECT id, county_code, village_code, (ARRAY['张','王','李','赵','刘','陈','杨','黄'])[1 + id % 8] || (ARRAY['建','国','小','秀','明','华','志','丽'])[1 + (id / 8) % 8] || (ARRAY['明','英','军','芳','平','强','兰','伟'])[1 + (id / 64) % 8],
               'B' || lpad(id::text, 17, '0'), 'M', date '1970-01-01' + (id % 9000)::int, 'HEAD', 'ORDINARY'
        FROM household;`);
      // Every 5th household has a case, spread over all townships: half open at CLUE (the work), half under monitoring.
      await s.exec(`
        INSERT INTO monitoring_case (county_code, village_code, household_id, category, risks, channel, status, opened_at, opened_on, due_on, procedure_due_on, identified_on, updated_at)
        SELECT county_code, village_code, id, CASE WHEN household_type = 'POVERTY_EXITED' THEN 'UNSTABLE_EXITED' ELSE 'MARGINAL' END,
               ARRAY['ILLNESS'], 'CADRE_SCREENING', CASE WHEN (id / ${TOWNSHIPS * 5}) % 2 = 0 THEN 'CLUE' ELSE 'MONITORING' END,
               now(), current_date, CASE WHEN (id / ${TOWNSHIPS * 5}) % 2 = 0 THEN current_date + 2 END, CASE WHEN (id / ${TOWNSHIPS * 5}) % 2 = 0 THEN current_date + 28 END,
               CASE WHEN (id / ${TOWNSHIPS * 5}) % 2 = 1 THEN current_date - 200 END, now()
        FROM household WHERE (id / ${TOWNSHIPS}) % 5 = 0 ORDER BY id LIMIT ${CASES};`);
      await s.exec(`ANALYZE division; ANALYZE household; ANALYZE person; ANALYZE monitoring_case;`);
    });
    const deps = { store, clock: systemClock, config: ConfigSchema.parse({}) };
    for (let w = 0; w < USERS; w++) {
      await createUser(deps, systemActor('bench'), { username: `bench_cadre_${w}`, displayName: `村干部${w}`, password: PASSWORD, role: 'village_cadre', scopePrefix: `520527${101 + (w % TOWNSHIPS)}` });
    }
    // A freshly bulk-loaded table has no visibility map: the planner's index probes (join estimates)
    // then visit the heap and planning takes tens to hundreds of ms. Autovacuum would fix it later;
    // do it now, as a real registry would be.
    const vac = new pg.Client({ connectionString: url });
    await vac.connect();
    for (const table of ['household', 'person', 'monitoring_case', 'division', 'app_user']) await vac.query(`VACUUM ANALYZE ${table}`);
    await vac.end();
    await store.db.insertInto('app_setting').values({ key: 'bench.cases', value: JSON.stringify(want) }).execute();
    console.log(`generated ${dbName} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await store.close();
  return url;
}

const { request, close: closeClient } = httpClient(PORT, USERS * 2);

async function startServer(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []), '--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-seed'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SESSION_HOURS: '12' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d) => process.stderr.write(`[server] ${d}`));
  for (let i = 0; i < 240; i++) {
    try {
      const r = await request('GET', '/api/health', undefined, {});
      if (r.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('server did not start in 120 s');
}

export async function runCasesBench(): Promise<void> {
  const dbName = process.env.BENCH_CASES_DB ?? 'rb_bench_cases';
  const url = await prepare(dbName);
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const counts = (await check.query(`SELECT (SELECT count(*) FROM household) AS households, (SELECT count(*) FROM monitoring_case) AS cases, (SELECT count(*) FROM monitoring_case WHERE status NOT IN ('MONITORING','ELIMINATED','REJECTED','CLOSED')) AS open`)).rows[0];
  const clue = (await check.query<{ id: string; village_code: string }>(`SELECT id, village_code FROM monitoring_case WHERE status = 'CLUE' ORDER BY id`)).rows;
  console.log(`registry: ${counts.households} households, ${counts.cases} cases (${counts.open} in procedure), ${clue.length} at CLUE for the workers`);
  // Each worker gets cases of its own township, disjoint from the other workers of that township.
  const queues: number[][] = Array.from({ length: USERS }, () => []);
  const perTownship = new Map<string, number>();
  for (const c of clue) {
    const t = Number(c.village_code.slice(6, 9)) - 101;
    const workersHere = Array.from({ length: USERS }, (_, w) => w).filter((w) => w % TOWNSHIPS === t);
    if (!workersHere.length) continue;
    const k = perTownship.get(String(t)) ?? 0;
    perTownship.set(String(t), k + 1);
    queues[workersHere[k % workersHere.length]].push(Number(c.id));
  }

  console.log(`workers with cases: ${queues.slice(0, CONCURRENCY).filter((q) => q.length > 0).length} of ${CONCURRENCY} (min ${Math.min(...queues.slice(0, CONCURRENCY).map((q) => q.length))} cases each)`);
  const server = await startServer(url);
  try {
    const sessions = await Promise.all(
      Array.from({ length: USERS }, async (_, w) => {
        const r = await request('POST', '/api/auth/login', { username: `bench_cadre_${w}`, password: PASSWORD }, {});
        if (r.status !== 200) throw new Error(`login bench_cadre_${w}: ${r.status} ${r.body}`);
        const cookie = String(r.headers['set-cookie']?.[0] ?? '').split(';')[0];
        return { cookie, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken };
      }),
    );
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    // Each user takes its own CLUE cases through `assign`, then `submit_verification`.
    const cursor = queues.map(() => 0);
    const next = queues.map(() => ({ id: 0, version: 1, action: 'submit_verification' as 'assign' | 'submit_verification' }));
    const act = async (w: number) => {
      const n = next[w];
      if (n.action === 'submit_verification') {
        if (cursor[w] >= queues[w].length) return null;
        Object.assign(n, { id: queues[w][cursor[w]++], version: 1, action: 'assign' });
      } else {
        n.action = 'submit_verification';
      }
      const headers = { cookie: sessions[w].cookie, 'x-csrf-token': sessions[w].csrf };
      const reply = await request('POST', `/api/cases/${n.id}/transitions`, { action: n.action, version: n.version, evidence: evidenceFor(n.action, today) }, headers);
      if (reply.status === 200) n.version = (JSON.parse(reply.body) as { version: number }).version;
      else n.action = 'submit_verification'; // give up on this case
      return { label: n.action, reply };
    };
    const phase = (thinkMs: number) => runUsers({ users: CONCURRENCY, seconds: SECONDS, warmupMs: WARMUP_MS, thinkMs, act, peer: () => request('GET', '/api/health') });

    // Users at work: a step, then time to read the case and fill in the next form (mean THINK_MS).
    const atWork = report(`${CONCURRENCY} users at work (think time mean ${THINK_MS} ms)`, await phase(THINK_MS), 'transitions');
    // Saturation: no think time at all, every user's next request sent the moment the last returns.
    const saturated = report(`${CONCURRENCY} users, saturation (closed loop, no think time)`, await phase(0), 'transitions');
    console.log(`\ntarget p99 ≤ 50 ms with ${CONCURRENCY} users at work: ${atWork <= 50 ? 'MET' : 'NOT MET'} (p99 ${atWork.toFixed(1)} ms; at saturation p99 ${saturated.toFixed(1)} ms)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    closeClient();
    await check.end();
  }
}
