import { describe, expect, it } from 'vitest';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { mpiFactsQuery } from './mpi-facts.js';
import { parseIntegers } from './aggregated-columns.js';

/** Compiles without a database (style.md: snapshot the SQL of the heavy analytics queries). */
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const query = { pattern: '520527%', year: 2024, childLength: 9, schoolAgeMin: 6, schoolAgeMax: 15, monitoredStatuses: ['MONITORING', 'ELIM_PROPOSED'] };

describe('mpiFactsQuery', () => {
  it('reads the subtree with one LIKE, the persons by a lateral aggregate per household, and binds every value', () => {
    const compiled = mpiFactsQuery({ ...query, by: 'category' }).compile(db);
    const text = compiled.sql.replace(/\s+/g, ' ');
    expect(text.match(/LIKE/g)).toHaveLength(1);
    expect(text).toContain('CROSS JOIN LATERAL');
    expect(text).toContain('WHERE p.household_id = ir.household_id');
    expect(text).toContain('substr(ir.village_code, 1, 9)');
    expect(text).toMatch(/EXISTS \(SELECT 1 FROM cases_monitoring_case mc WHERE mc.household_id = ir.household_id AND mc.status IN \(\$\d+, \$\d+\)\)/);
    expect(compiled.parameters).toEqual(expect.arrayContaining(['520527%', 2024, 6, 15, 'MONITORING', 'ELIM_PROPOSED']));
    expect(text).toMatchSnapshot();
  });

  it("reads other modules' data through their published views, never their tables", () => {
    const text = mpiFactsQuery({ ...query, by: 'category' }).compile(db).sql;
    for (const view of ['registry_income', 'registry_household', 'registry_guarantee', 'registry_person', 'cases_monitoring_case']) expect(text).toContain(`${view} `);
    expect(text).not.toMatch(/\b(FROM|JOIN)\s+(household|person|income_record|guarantee_status|monitoring_case)\b/);
  });

  it('leaves out the group and child expressions it is not asked for', () => {
    const text = mpiFactsQuery({ ...query, by: undefined, childLength: null }).compile(db).sql;
    expect(text).not.toContain('cases_monitoring_case');
    expect(text).not.toContain('substr(');
  });
});

describe('parseIntegers', () => {
  it('parses signed integers from a comma-separated list', () => {
    expect(Array.from(parseIntegers('12,-3,0,450000', 4))).toEqual([12, -3, 0, 450000]);
    expect(Array.from(parseIntegers(null, 2))).toEqual([0, 0]);
  });
});
