import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Store } from '../../../platform/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { ConfigSchema } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { systemActor, type Actor } from '../../access/index.js';
import { makeIdNumber } from '../../registry/domain/id-number.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from '../testing.js';
import { importDepartmentFile } from './import-department-file.js';
import '../messages.js';

describe('importDepartmentFile', () => {
  let store: Store;
  let deps: Deps;
  let ids: string[];
  let outsider: string;
  const admin: Actor = { userId: null, name: '县管理员', role: 'county_admin', scopePrefix: '520527101' };
  beforeAll(async () => {
    store = await openTestStore();
    await seedTestDivisions(store);
    deps = { store, clock: new FixedClock('2025-06-01T02:00:00Z'), config: ConfigSchema.parse({}) };
    ids = (await insertTestHousehold(store, { villageCode: TEST_VILLAGES[0], members: [{}, {}] })).idNumbers;
    outsider = (await insertTestHousehold(store, { villageCode: TEST_VILLAGES[2] })).idNumbers[0];
  });
  afterAll(async () => store.close());

  const count = async () => Number((await store.db.selectFrom('risk_clue').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const run = (csv: string | Buffer, over: Partial<Parameters<typeof importDepartmentFile>[2]> = {}) =>
    importDepartmentFile(deps, admin, { department: 'HOUSING', fileName: 'zj.csv', bytes: Buffer.isBuffer(csv) ? csv : Buffer.from(csv), dryRun: false, lang: 'zh-CN', ...over });

  it('writes nothing when one row of many is malformed, and names row, column, value and reason', async () => {
    const csv = `身份证号,姓名,鉴定等级,鉴定日期\n${ids[0]},甲,D级,2025-02-01\n${ids[1]},乙,E级,2025-02-30\n`;
    await expect(run(csv)).rejects.toMatchObject({ code: 'invalid_input' });
    const dry = await run(csv, { dryRun: true });
    expect(dry.problems).toEqual([
      expect.objectContaining({ row: 3, column: '鉴定等级', value: 'E级', reason: expect.stringContaining('A级') }),
      expect.objectContaining({ row: 3, column: '鉴定日期', value: '2025-02-30', reason: '日期格式应为 YYYY-MM-DD' }),
    ]);
    expect(await count()).toBe(0);
  });

  it('reports unknown ID numbers and people outside the scope alike, and imports the rest only when asked', async () => {
    const unknown = makeIdNumber('520527', '1970-01-01', 777);
    const csv = `ID number,Name,Grade,Appraisal date\n${ids[0]},a,C,2025-02-01\n${unknown},b,D,2025-02-01\n${outsider},c,D,2025-02-01\n`;
    const dry = await run(csv, { dryRun: true, lang: 'en' });
    expect(dry).toMatchObject({ rowsTotal: 3, rowsValid: 3, rowsMatched: 1, rowsUnmatched: 2, committed: false });
    expect(dry.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [3, 'ID number', 'no registered person in your scope has this ID number'],
      [4, 'ID number', 'no registered person in your scope has this ID number'],
    ]);
    await expect(run(csv)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await count()).toBe(0);
    const partial = await run(csv, { allowUnmatched: true });
    expect(partial).toMatchObject({ committed: true, cluesCreated: 1, rowsUnmatched: 2, problems: [] });
  });

  it('reads GBK-encoded CSV as Excel writes it, and XLSX', async () => {
    const gbk = iconv.encode(`身份证号,姓名,问题类型,开始日期,天数\r\n${ids[1]},乙,水质不达标,2025-05-10,40\r\n`, 'gbk');
    const r1 = await run(gbk, { department: 'WATER' });
    expect(r1).toMatchObject({ committed: true, cluesCreated: 1 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人社');
    ws.addRow(['身份证号', '姓名', '事项', '日期']);
    ws.addRow([ids[0], '甲', '失业登记', new Date(Date.UTC(2025, 3, 15))]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r2 = await run(xlsx, { department: 'HR', fileName: 'rs.xlsx' });
    expect(r2).toMatchObject({ committed: true, cluesCreated: 1 });
    const clue = await store.db.selectFrom('risk_clue').select(['channel', 'source_dept', 'risk_type', 'level']).where('source_dept', '=', 'WATER').executeTakeFirstOrThrow();
    expect(clue).toEqual({ channel: 'DEPT_WARNING', source_dept: 'WATER', risk_type: 'UNSAFE_WATER', level: 'RED' });
  });

  it('refuses a file that is neither CSV nor XLSX, a missing column and other roles', async () => {
    await expect(run(Buffer.from([0, 1, 2, 3, 0, 0]))).rejects.toMatchObject({ code: 'invalid_input' });
    const missing = await run('身份证号,姓名\n1,2\n', { dryRun: true });
    expect(missing.problems[0]).toMatchObject({ row: 1, column: '鉴定等级' });
    await expect(importDepartmentFile(deps, { ...admin, role: 'village_cadre' }, { department: 'HR', fileName: 'x', bytes: Buffer.from(''), dryRun: true, lang: 'en' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(systemActor().role).toBe('system');
  });
});
