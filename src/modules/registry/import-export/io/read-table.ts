/**
 * Streaming readers for import files. CSV: UTF-8 (with or without BOM) or GBK/GB18030 as Excel in
 * China writes it, detected from the first megabyte; parsed by parseCsv. XLSX: exceljs'
 * streaming WorkbookReader; sheets are matched by name (人员/People, 收入/Incomes) or position.
 * The file kind is sniffed from the bytes, not the name.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform, pipeline } from 'node:stream';
import { CsvSyntaxError, parseCsv } from './parse-csv.js';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../platform/errors.js';
import { translate } from '../../../../platform/messages.js';
import '../messages.js';
import { tableOfSheet, type TableKind } from '../domain/columns.js';

export type FileKind = 'csv' | 'xlsx';

export interface RawRow {
  table: TableKind;
  /** 1-based row (CSV line) number as the user sees it in Excel. */
  row: number;
  cells: string[];
}

export interface ByteProgress {
  (bytes: number): void;
}

/** A whole-file problem: invalid_input naming the file, in both languages for the CLI, localised by the API. */
export function fileError(key: string, file: string, params: Record<string, unknown> = {}): AppError {
  const all = { file, ...params };
  const message = `${translate('zh-CN', key, all)} / ${translate('en', key, all)}`;
  return new AppError('invalid_input', message, { key: 'import.file.bad_input', details: [{ path: file, message, code: key, params: all }] });
}

const SNIFF_BYTES = 64 * 1024;

/** Decides CSV or XLSX from the content; rejects empty files, legacy .xls, UTF-16 text and binaries. */
export async function sniffFile(path: string, displayName = path): Promise<FileKind> {
  const size = await stat(path).then(
    (st) => (st.isFile() ? st.size : -1),
    () => -1,
  );
  if (size < 0) throw fileError('import.file.not_found', displayName);
  if (size === 0) throw fileError('import.file.empty', displayName);
  const fh = await open(path, 'r');
  const buf = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  try {
    await fh.read(buf, 0, buf.length, 0);
  } finally {
    await fh.close();
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) throw fileError('import.file.xls', displayName);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) throw fileError('import.file.utf16', displayName);
  let text = 0;
  for (const b of buf) {
    if (b === 0) throw fileError('import.file.not_table', displayName);
    if (b > 0x20) text++;
  }
  if (text === 0 || (buf.length <= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)) throw fileError('import.file.empty', displayName);
  return 'csv';
}

export type TextEncoding = 'utf8' | 'gb18030';

/** UTF-8 when the bytes carry a UTF-8 BOM or decode as valid UTF-8; otherwise GB18030 (a superset of GBK). */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

const DETECT_BYTES = 1 << 20;

/** Decodes a byte stream to text, choosing the encoding from the first megabyte. */
export async function* decodeText(chunks: AsyncIterable<Buffer>, displayName: string, onEncoding?: (e: TextEncoding) => void): AsyncGenerator<string> {
  let head: Buffer[] | null = [];
  let headLength = 0;
  let decoder: { write(b: Buffer): string; end(): string } | null = null;
  const choose = (buf: Buffer) => {
    const encoding = detectEncoding(buf);
    onEncoding?.(encoding);
    if (encoding === 'gb18030') {
      const d = iconv.getDecoder('gb18030');
      return { write: (b: Buffer) => d.write(b), end: () => d.end() ?? '' };
    }
    const td = new TextDecoder('utf-8', { fatal: true });
    let offset = 0;
    const guard = (f: () => string, len: number) => {
      try {
        const s = f();
        offset += len;
        return s;
      } catch {
        throw fileError('import.file.encoding_mixed', displayName, { offset });
      }
    };
    return { write: (b: Buffer) => guard(() => td.decode(b, { stream: true }), b.length), end: () => guard(() => td.decode(), 0) };
  };
  for await (const chunk of chunks) {
    if (head) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < DETECT_BYTES) continue;
      const buf = Buffer.concat(head);
      head = null;
      decoder = choose(buf);
      yield decoder.write(buf);
      continue;
    }
    yield decoder!.write(chunk);
  }
  if (head) {
    const buf = Buffer.concat(head);
    decoder = choose(buf);
    yield decoder.write(buf);
  }
  const rest = decoder!.end();
  if (rest) yield rest;
}

/** Byte counting and hashing of the raw file as it streams past. */
function tap(hash: ReturnType<typeof createHash>, onBytes?: ByteProgress) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
}

export interface ReadOptions {
  path: string;
  displayName: string;
  kind: FileKind;
  /** Which table this file holds (CSV; for XLSX: read only that table, from its named sheet or the first). */
  table?: TableKind;
  onBytes?: ByteProgress;
  onEncoding?: (e: TextEncoding) => void;
}

/** Streams the rows of a file (header rows included). Resolve `sha256()` after the iteration ends. */
export function readRows(options: ReadOptions): { rows: AsyncGenerator<RawRow>; sha256: () => string } {
  const hash = createHash('sha256');
  let digest: string | null = null;
  const source = pipelineOf(createReadStream(options.path, { highWaterMark: 1 << 20 }), tap(hash, options.onBytes));
  const rows = options.kind === 'csv' ? csvRows(source, options) : xlsxRows(source, options);
  return {
    rows,
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

function pipelineOf(a: Readable, b: Transform): Transform {
  pipeline(a, b, () => undefined);
  return b;
}

async function* csvRows(source: Readable, options: ReadOptions): AsyncGenerator<RawRow> {
  const table = options.table ?? 'people';
  try {
    for await (const record of parseCsv(decodeText(source, options.displayName, options.onEncoding))) {
      yield { table, row: record.line, cells: record.cells };
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw fileError('import.file.csv_malformed', options.displayName, { line: e.line, reason: e.reason });
    throw e;
  }
}

/** Text of an exceljs cell value as a person typed it. Huge numbers (an ID typed as a number) come out in e-notation so they are caught. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Math.abs(v) > Number.MAX_SAFE_INTEGER) return v.toExponential();
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o || o.formula) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

interface ReaderInternals {
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

function sheetNameOf(reader: ReaderInternals, sheetNo: number): string | null {
  const rel = reader.workbookRels?.find((r) => new RegExp(`(^|/)sheet${sheetNo}\\.xml$`).test(r.Target));
  const sheet = rel && reader.model?.sheets?.find((s) => s.rId === rel.Id);
  return sheet?.name ?? null;
}

async function* xlsxRows(source: Readable, options: ReadOptions): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const seen = new Set<TableKind>();
  try {
    for await (const ws of reader) {
      const id = Number((ws as unknown as { id: number }).id);
      const name = sheetNameOf(reader as unknown as ReaderInternals, id);
      let table = name ? tableOfSheet(name) : null;
      if (options.table) table = table === options.table || (!table && !seen.has(options.table)) ? options.table : null;
      else if (!table && id === 1 && !seen.has('people')) table = 'people';
      else if (!table && id === 2 && seen.has('people') && !seen.has('incomes')) table = 'incomes';
      if (!table || seen.has(table)) {
        for await (const _row of ws) void _row; // drain an unrelated sheet (codes, notes)
        continue;
      }
      seen.add(table);
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.every((c) => c.trim() === '')) continue;
        yield { table, row: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError('import.file.xlsx_malformed', options.displayName, { reason: (e as Error).message });
  }
}
