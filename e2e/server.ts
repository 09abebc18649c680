/**
 * The real server for the browser journeys, in-process: a fresh PGlite data folder with the
 * migrations, Hezhang's divisions, a small demo registry and the journey accounts, listening on a
 * free port and serving the built web/dist.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/api/app.js';
import { ConfigSchema } from '../src/platform/config.js';
import type { Deps } from '../src/platform/deps.js';
import { openRuntime } from '../src/platform/runtime.js';
import { FixedClock } from '../src/platform/clock.js';
import { createUser, systemActor } from '../src/modules/access/index.js';
import { loadDivisions } from '../src/modules/divisions/index.js';
import { seedFixtureHouseholds } from './fixtures.js';

import { COUNTY, PASSWORD } from './constants.js';

export { COUNTY, PASSWORD };

export interface JourneyWorld {
  url: string;
  /** Two villages of the same township: the cadre's own (A) and another (B). */
  villageA: { code: string; name: string };
  villageB: { code: string; name: string };
  /** A household in village B the cadre must not see. */
  householdInB: { id: number; householdNo: string; headName: string };
  /** A household in village A, with a head name to search for. */
  householdInA: { id: number; householdNo: string; headName: string };
  accounts: { admin: string; cadre: string; auditor: string; township: string; reviewer: string };
}

export async function startJourneyServer(options: { fixtures?: boolean } = {}): Promise<{ world: JourneyWorld; close: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rb-e2e-'));
  const config = ConfigSchema.parse({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  // An injectable clock (starts at the real time; journeys move it with POST /api/test/clock).
  const clock = new FixedClock(new Date());
  const deps: Deps = { ...(await openRuntime(config)), clock };
  await loadDivisions(deps, { kind: 'county', prefix: COUNTY });

  const villages = await deps.store.db
    .selectFrom('division')
    .select(['code', 'name', 'parent_code'])
    .where('level', '=', 5)
    .where('code', 'like', `${COUNTY}%`)
    .orderBy('code')
    .execute();
  const township = villages[0].parent_code;
  const [a, b] = villages.filter((v) => v.parent_code === township);

  await seedDemoIfAvailable(deps);

  const actor = systemActor('e2e');
  const accounts = { admin: 'e2e_admin', cadre: 'e2e_cadre', auditor: 'e2e_auditor', township: 'e2e_township', reviewer: 'e2e_reviewer' };
  await createUser(deps, actor, { username: accounts.admin, displayName: '县管理员', password: PASSWORD, role: 'county_admin', scopePrefix: COUNTY });
  await createUser(deps, actor, { username: accounts.cadre, displayName: '村干部', password: PASSWORD, role: 'village_cadre', scopePrefix: a.code });
  await createUser(deps, actor, { username: accounts.auditor, displayName: '审计员', password: PASSWORD, role: 'auditor', scopePrefix: COUNTY });
  await createUser(deps, actor, { username: accounts.township, displayName: '乡镇干部', password: PASSWORD, role: 'township_officer', scopePrefix: township!.slice(0, 9) });
  await createUser(deps, actor, { username: accounts.reviewer, displayName: '县审核员', password: PASSWORD, role: 'county_reviewer', scopePrefix: COUNTY });

  const app: FastifyInstance = await buildApp(deps);
  // Test-only: move the injected clock (registered by this harness only, never by the production app).
  app.post<{ Body: { days?: number; to?: string } }>('/api/test/clock', async (req) => {
    if (typeof req.body?.to === 'string') clock.set(req.body.to);
    if (typeof req.body?.days === 'number') clock.advanceDays(req.body.days);
    return { now: clock.now().toISOString() };
  });
  if (options.fixtures !== false) await seedFixtureHouseholds(app, { username: accounts.admin, password: PASSWORD }, [a.code, b.code]);

  const pick = async (village: string) => {
    const row = await deps.store.db
      .selectFrom('household as h')
      .innerJoin('person as p', (j) => j.onRef('p.household_id', '=', 'h.id').on('p.relation', '=', 'HEAD'))
      .select(['h.id', 'h.household_no', 'p.name'])
      .where('h.village_code', '=', village)
      .where('h.household_no', 'like', 'E2E%')
      .orderBy('h.household_no')
      .executeTakeFirstOrThrow();
    return { id: row.id, householdNo: row.household_no, headName: row.name };
  };

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const world: JourneyWorld = {
    url: `http://127.0.0.1:${port}`,
    villageA: { code: a.code, name: a.name },
    villageB: { code: b.code, name: b.name },
    householdInA: options.fixtures !== false ? await pick(a.code) : { id: 0, householdNo: '', headName: '' },
    householdInB: options.fixtures !== false ? await pick(b.code) : { id: 0, householdNo: '', headName: '' },
    accounts,
  };
  return {
    world,
    async close() {
      await app.close();
      await deps.store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo generator of the registry module, at a small scale (the journeys need realistic pages, not volume). */
async function seedDemoIfAvailable(deps: Deps): Promise<void> {
  type Seeder = { seedDemo?: (d: Deps, o: { scale: number; seed: number }) => Promise<unknown> };
  const candidates = ['../src/modules/registry/index.js', '../src/modules/registry/demo/index.js'];
  for (const path of candidates) {
    const m = (await import(path).catch(() => null)) as Seeder | null;
    if (m?.seedDemo) {
      await m.seedDemo(deps, { scale: Number(process.env.E2E_SEED_SCALE ?? 0.01), seed: 7 });
      return;
    }
  }
}
