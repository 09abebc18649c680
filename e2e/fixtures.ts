/**
 * A few known households in the journey villages, created through the registry API (validation
 * and audit included) as the county administrator.
 */
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../src/modules/registry/domain/id-number.js';

const SURNAMES = ['张', '王', '李', '杨', '陈', '刘', '罗', '龙', '安', '禄'];
const GIVEN = ['国华', '正文', '秀英', '明军', '兰芬', '德胜', '玉梅', '光荣', '春燕', '志强'];

export interface FixtureHousehold {
  householdNo: string;
  village: string;
  headName: string;
}

/** Three households per village: head + spouse + child, incomes for 2021–2024, guarantees. */
export function fixtureHouseholds(villageCodes: string[]) {
  return villageCodes.flatMap((village, v) =>
    [0, 1, 2].map((i) => {
      const n = v * 3 + i;
      const headName = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 3) % GIVEN.length]}`;
      const seq = 100 + n * 4;
      return {
        householdNo: `E2E${village.slice(6)}${String(i + 1).padStart(3, '0')}`,
        villageCode: village,
        householdType: i === 0 ? 'POVERTY_EXITED' : 'GENERAL',
        address: `赫章县测试地址${n + 1}号`,
        isRelocated: i === 2,
        members: [
          { name: headName, idNumber: makeIdNumber('520527', `19${70 + n}-03-1${i}`, seq + 1), relation: 'HEAD', laborSkill: 'ORDINARY' },
          { name: `${SURNAMES[(n + 3) % SURNAMES.length]}${GIVEN[(n * 7 + 1) % GIVEN.length]}`, idNumber: makeIdNumber('520527', `19${72 + n}-06-2${i}`, seq + 2), relation: 'SPOUSE', laborSkill: 'ORDINARY' },
          { name: `${headName.slice(0, 1)}小${GIVEN[(n + 5) % GIVEN.length].slice(1)}`, idNumber: makeIdNumber('520527', `20${10 + i}-09-0${i + 1}`, seq + 3), relation: 'CHILD', laborSkill: 'NONE', studentStatus: 'PRIMARY' },
        ],
        incomes: [2021, 2022, 2023, 2024].map((year, k) => ({
          year,
          wageFen: (1_200_000 + n * 150_000 + k * 90_000) * (i === 1 && year === 2024 ? 0.3 : 1),
          operatingFen: 300_000 + k * 20_000,
          transferFen: 150_000,
          productionCostFen: 120_000,
        })),
        guarantee: { foodClothingOk: true, housingUnsafe: false, dropoutChild: false, memberUninsured: i === 1, waterUnsafe: false },
      };
    }),
  );
}

export async function seedFixtureHouseholds(app: FastifyInstance, login: { username: string; password: string }, villageCodes: string[]): Promise<FixtureHousehold[]> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: login });
  if (res.statusCode !== 200) throw new Error(`fixture login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rb_session')!;
  const { csrfToken } = res.json() as { csrfToken: string };
  const created: FixtureHousehold[] = [];
  for (const h of fixtureHouseholds(villageCodes)) {
    const body = { ...h, incomes: h.incomes.map((r) => ({ ...r, wageFen: Math.round(r.wageFen) })) };
    const r = await app.inject({ method: 'POST', url: '/api/households', payload: body, headers: { cookie: `rb_session=${cookie.value}`, 'x-csrf-token': csrfToken } });
    if (r.statusCode >= 300) throw new Error(`fixture household ${h.householdNo} refused (${r.statusCode}): ${r.body}`);
    created.push({ householdNo: h.householdNo, village: h.villageCode, headName: h.members[0].name });
  }
  return created;
}
