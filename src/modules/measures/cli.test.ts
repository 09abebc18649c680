import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerMeasuresCommands } from './cli.js';
import { readTable } from './io/read-table.js';

const dir = mkdtempSync(join(tmpdir(), 'measures-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function runCli(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const program = new Command().exitOverride();
  registerMeasuresCommands(program);
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'ruralbridge', ...args]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join('\n'), err: err.join('\n'), exitCode };
}

const incomes = file('incomes.csv', 'id,income,size,town\nA,24,2,a\nB,68,1,b\nC,80,1,a\nD,120,3,b\nE,200,3,b\n');

describe('readTable', () => {
  it('reads a GBK CSV with Chinese headers and labels', async () => {
    const path = file('gbk.csv', iconv.encode('乡镇,人均纯收入\n城关镇,5000\n妈姑镇,9000\n', 'gbk'));
    const t = await readTable(path, { numeric: ['人均纯收入'], text: ['乡镇'] });
    expect(t.encoding).toBe('gb18030');
    expect(Array.from(t.numeric['人均纯收入'])).toEqual([5000, 9000]);
    expect(t.text['乡镇']).toEqual(['城关镇', '妈姑镇']);
  });

  it('reads the first sheet of an XLSX workbook, with spreadsheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['village', 'score']);
    ws.addRow(['海雀村', 0.5]);
    ws.addRow(['河镇村', { formula: '0.2+0.1', result: 0.3 }]);
    wb.addWorksheet('other').addRow(['ignored']);
    const path = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(path);
    const t = await readTable(path, { numeric: ['score'], text: ['village'] });
    expect(Array.from(t.numeric.score)).toEqual([0.5, 0.3]);
    expect(Array.from(t.rowNumbers)).toEqual([2, 3]);
  });
});

describe('registerMeasuresCommands', () => {
  beforeEach(() => {
    process.exitCode = 0;
  });
  afterEach(() => {
    process.exitCode = 0;
  });

  it('prints the FGT output shape as JSON', async () => {
    const spec = file('fgt.json', JSON.stringify({ welfare: 'income', line: 80, weight: 'size', by: 'town' }));
    const r = await runCli('measure', 'fgt', '--input', incomes, '--spec', spec, '--json');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['n', 'P0', 'P1', 'P2', 'groups']);
    expect(out.P0).toBeCloseTo(0.3, 15);
    expect(out.groups.map((g: { group: string }) => g.group)).toEqual(['a', 'b']);
  });

  it('prints TOPSIS alternatives with ids, closeness and ranks', async () => {
    const path = file('alt.csv', 'name,gain,cost\nA1,2,8\nA2,5,1\nA3,3,6\n');
    const spec = file('topsis.json', JSON.stringify({ id: 'name', criteria: ['gain', { column: 'cost', type: 'cost' }], weights: { gain: 0.6, cost: 0.4 }, normalization: 'vector' }));
    const r = await runCli('evaluate', 'topsis', '--input', path, '--spec', spec, '--json');
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['weights', 'idealBest', 'idealWorst', 'alternatives']);
    expect(out.alternatives.map((a: { id: string; closeness: number; rank: number }) => [a.id, a.rank])).toEqual([
      ['A1', 3],
      ['A2', 1],
      ['A3', 2],
    ]);
    expect(out.alternatives[1].closeness).toBe(1);
  });

  it('grades coupling with Chinese and English level names', async () => {
    const path = file('cc.csv', 'town,u1,u2\nX,0.3,0.6\nY,0.5,0.5\n');
    const spec = file('cc.json', JSON.stringify({ id: 'town', systems: ['u1', 'u2'], formula: 'corrected' }));
    const out = JSON.parse((await runCli('evaluate', 'coupling', '--input', path, '--spec', spec, '--json')).out);
    expect(out.alternatives[0]).toMatchObject({ id: 'X', level: 5, levelName: { zh: '勉强协调', en: 'barely coordinated' } });
    expect(out.alternatives[0].C).toBeCloseTo(0.5916079783, 9);
  });

  it('says so on stderr when weights are normalised', async () => {
    const path = file('cc2.csv', 'u1,u2\n0.3,0.6\n');
    const spec = file('cc2.json', JSON.stringify({ systems: ['u1', 'u2'], weights: [1, 1] }));
    const r = await runCli('evaluate', 'coupling', '--input', path, '--spec', spec);
    expect(r.exitCode).toBe(0);
    expect(r.err).toMatch(/WEIGHTS_NORMALIZED/);
  });

  const bad: [string, string, string, RegExp][] = [
    ['a non-numeric cell', 'id,income\nA,12\nB,abc\n', JSON.stringify({ welfare: 'income', line: 80 }), /non-numeric value "abc" at row 3, column "income"/],
    ['a missing cell', 'id,income\nA,\n', JSON.stringify({ welfare: 'income', line: 80 }), /missing value at row 2, column "income"/],
    ['an empty file', 'id,income\n', JSON.stringify({ welfare: 'income', line: 80 }), /no data rows/],
    ['an unknown column', 'id,income\nA,1\n', JSON.stringify({ welfare: 'wage', line: 80 }), /column "wage", which the file does not have/],
    ['malformed spec JSON', 'id,income\nA,1\n', '{ "welfare": ', /not valid JSON/],
    ['a spec with a bad key', 'id,income\nA,1\n', JSON.stringify({ welfare: 'income', line: 'eighty' }), /spec\.line/],
  ];
  for (const [what, csv, spec, message] of bad) {
    it(`ends with exit code 2 and a clear message for ${what}`, async () => {
      const r = await runCli('measure', 'fgt', '--input', file(`${what}.csv`, csv), '--spec', file(`${what}.json`, spec));
      expect(r.exitCode).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    });
  }

  it('refuses a log of a negative value in entropy sum mode, naming the file row', async () => {
    const path = file('ent.csv', 'a,b\n1,2\n3,-4\n');
    const spec = file('ent.json', JSON.stringify({ criteria: ['a', 'b'], entropy: { normalization: 'sum' } }));
    const r = await runCli('evaluate', 'entropy', '--input', path, '--spec', spec);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/row 3, column "b"/);
  });

  it('refuses TOPSIS weights that name a column which is not a criterion', async () => {
    const path = file('t2.csv', 'a,b\n1,2\n3,4\n');
    const spec = file('t2.json', JSON.stringify({ criteria: ['a', 'b'], weights: { a: 1, c: 1 } }));
    const r = await runCli('evaluate', 'topsis', '--input', path, '--spec', spec);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/not criteria: c/);
  });

  it('words a schema rule of the spec in Chinese, the default language', async () => {
    const path = file('t3.csv', 'a,b\n1,2\n3,4\n');
    const spec = file('t3.json', JSON.stringify({ criteria: ['a', { column: 'b', type: 'interval', lower: 5, upper: 1 }] }));
    const r = await runCli('evaluate', 'topsis', '--input', path, '--spec', spec);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/spec\.criteria\.1\.lower: 下限高于上限/);
    expect(r.err).not.toMatch(/measures\.spec\./);
  });

  it('prints a readable MPI table by default', async () => {
    const path = file('mpi.csv', 'p,inc,water\n1,0.5,0\n2,2,1\n3,0.8,1\n');
    const spec = file('mpi.json', JSON.stringify({ indicators: [{ column: 'inc', cutoff: 1, deprivedWhen: 'below', weight: 0.5 }, { column: 'water', cutoff: 1, deprivedWhen: 'below', weight: 0.5 }], k: 0.5 }));
    const r = await runCli('measure', 'mpi', '--input', path, '--spec', spec);
    expect(r.exitCode).toBe(0);
    expect(r.out).toMatch(/uncensored h/);
    expect(r.out).toMatch(/0\.666667/);
  });
});
