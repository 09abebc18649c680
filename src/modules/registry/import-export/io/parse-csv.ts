/**
 * parseCsv: RFC 4180 CSV over decoded text chunks, the reader of the household import (a 1M-household
 * people file is 770 MB). A line without a quote character, nearly every line of a registry file, is
 * split with String.split; a line with one is parsed field by field: quoted fields with `""` escapes
 * and line breaks inside. Records end at LF, CRLF or CR. Empty lines are skipped (they still count).
 * Columns per record are not checked here (the import reports short and long rows itself).
 *
 * Each record comes with the number of the line it ends on (1-based), as Excel numbers the rows of a
 * file without line breaks inside cells. A quote inside an unquoted field is kept as text; a quoted
 * field that is never closed, or is followed by anything but a comma or the end of the line, is a
 * CsvSyntaxError naming the line.
 */

export interface CsvRecord {
  /** The line the record ends on, 1-based. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${reason} (line ${line})`);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

interface Parsed {
  cells: string[];
  next: number;
  lineBreaks: number;
}

/** One record from `start`, field by field; null when the text ends inside it and more may come. */
function parseRecord(text: string, start: number, atEnd: boolean, line: number): Parsed | null {
  const cells: string[] = [];
  const n = text.length;
  let i = start;
  let lineBreaks = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          if (!atEnd) return null;
          throw new CsvSyntaxError(line, 'a quoted field is not closed (the record starts on this line)');
        }
        if (q + 1 >= n && !atEnd) return null; // is it `""`? the next chunk tells
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      lineBreaks += countLineBreaks(value);
      cells.push(value);
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j++;
      }
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) return atEnd ? { cells, next: i, lineBreaks } : null;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i >= n) {
        if (!atEnd) return null;
        cells.push('');
        return { cells, next: i, lineBreaks };
      }
      continue;
    }
    if (c === LF) return { cells, next: i + 1, lineBreaks };
    if (c === CR) {
      if (i + 1 >= n && !atEnd) return null;
      return { cells, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1, lineBreaks };
    }
    throw new CsvSyntaxError(line + lineBreaks, 'a closing quote must be followed by a comma or the end of the line');
  }
}

/** The records of CSV text arriving in chunks (a leading BOM is dropped). */
export async function* parseCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let text = '';
  let line = 1;
  let first = true;
  let crOnly = false;
  const emit: CsvRecord[] = [];

  /** Takes the complete records out of `text`; at the end, the last one too. */
  const drain = (atEnd: boolean) => {
    let pos = 0;
    const n = text.length;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === LF || c === CR) {
        // an empty line
        if (c === CR && pos + 1 >= n && !atEnd) break;
        pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
      if (!crOnly && c !== QUOTE) {
        const lf = text.indexOf('\n', pos);
        if (lf < 0 && !atEnd) break;
        const end = lf < 0 ? n : lf;
        const stop = end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
        const segment = text.slice(pos, stop);
        if (!segment.includes('"') && !segment.includes('\r')) {
          emit.push({ line, cells: segment.split(',') });
          pos = lf < 0 ? n : lf + 1;
          line++;
          continue;
        }
      }
      const r = parseRecord(text, pos, atEnd, line);
      if (!r) break;
      line += r.lineBreaks;
      emit.push({ line, cells: r.cells });
      pos = r.next;
      line++;
    }
    text = text.slice(pos);
  };

  for await (let chunk of chunks) {
    if (first && chunk.length) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      const lf = chunk.indexOf('\n');
      const cr = chunk.indexOf('\r');
      crOnly = cr >= 0 && (lf < 0 || cr < lf - 1);
      first = false;
    }
    text += chunk;
    drain(false);
    for (const r of emit) yield r;
    emit.length = 0;
  }
  drain(true);
  for (const r of emit) yield r;
}
