import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvSyntaxError, parseCsv } from './parse-csv.js';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** Every chunk size from 1 character up: a record, quote or CRLF split anywhere must parse the same. */
async function records(text: string): Promise<[number, string[]][]> {
  let first: [number, string[]][] | null = null;
  for (const size of [1, 2, 3, 5, 8, 13, 1 << 20]) {
    const out: [number, string[]][] = [];
    for await (const r of parseCsv(chunksOf(text, size))) out.push([r.line, r.cells]);
    if (first) expect(out).toEqual(first);
    first ??= out;
  }
  return first!;
}

async function failure(text: string): Promise<CsvSyntaxError> {
  try {
    await records(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return e;
    throw e;
  }
  throw new Error('parsed without error');
}

describe('parseCsv', () => {
  it('splits plain lines and numbers records by line, skipping empty lines', async () => {
    expect(await records('\uFEFF户编号,姓名\n\nA1,张三\r\n\r\nA2,李四,\n,\n')).toEqual([
      [1, ['户编号', '姓名']],
      [3, ['A1', '张三']],
      [5, ['A2', '李四', '']],
      [6, ['', '']],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, numbering them by their last line', async () => {
    expect(await records('a,b\n"x,1","y""z"\n"two\nlines",2\n"",""\n3,"4"')).toEqual([
      [1, ['a', 'b']],
      [2, ['x,1', 'y"z']],
      [4, ['two\nlines', '2']],
      [5, ['', '']],
      [6, ['3', '4']],
    ]);
    expect(await records('a,b\r\n"two\r\nlines",2\r\n3,4\r\n')).toEqual([
      [1, ['a', 'b']],
      [3, ['two\r\nlines', '2']],
      [4, ['3', '4']],
    ]);
  });

  it('accepts CR-only line ends as old Mac Excel writes them', async () => {
    expect(await records('a,b\r1,2\r\r3,"4\r5"\r')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [5, ['3', '4\r5']],
    ]);
  });

  it('keeps a quote inside an unquoted field as text', async () => {
    expect(await records('h,n\n1,王"小"明\n')).toEqual([
      [1, ['h', 'n']],
      [2, ['1', '王"小"明']],
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the line', async () => {
    expect(await failure('h\nok\n"open,1\n2,3\n')).toMatchObject({ line: 3 });
    expect(await failure('h\n"x"y,1\n')).toMatchObject({ line: 2 });
  });

  it('agrees with csv-parse on a registry-like file', async () => {
    const lines = ['户编号,村代码,姓名,地址'];
    for (let i = 0; i < 500; i++) lines.push(`H${i},520527100201,${i % 7 ? '张三' : '"李,四"'},${i % 11 ? '' : '"3组""东"""'}`);
    const csv = lines.join('\r\n') + '\r\n';
    const expected = (parse(csv, { relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as { record: string[]; info: { lines: number } }[]).map((r) => [r.info.lines, r.record]);
    expect(await records(csv)).toEqual(expected);
  });
});
