import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import copyStreams from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/schema.js';

/**
 * The one database connection of the process: PGlite in-process (default, files under DATA_DIR) or a
 * PostgreSQL server (DATABASE_URL). Both speak the same SQL; the differences are hidden here:
 * type parsing (bigint and numeric become numbers, dates stay `YYYY-MM-DD` strings) and bulk COPY.
 */
export type DbKind = 'pglite' | 'postgres';

export interface RawSession {
  /** One statement with $1.. parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** COPY rows into a table (CSV under the hood); returns the number of rows copied. */
  copyRows(table: string, columns: string[], rows: Iterable<unknown[]> | AsyncIterable<unknown[]>): Promise<number>;
}

export interface Store {
  db: Kysely<Database>;
  kind: DbKind;
  /** Runs `work` in one transaction on one raw connection: for COPY and bulk SQL. Rolled back on error. */
  bulk<T>(work: (s: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Server only: runs `work` on `n` connections of their own at once, each in a read-only transaction
   * on `snapshot` (what pg_export_snapshot() returned in a transaction still open), so every one reads
   * exactly what that transaction reads. PGlite has one connection and no such method.
   */
  readOnSnapshot?<T>(snapshot: string, n: number, work: (s: RawSession, i: number) => Promise<T>): Promise<T[]>;
  /** PGlite only: the whole data folder as a blob, to open copies from (tests use a migrated template). */
  snapshot?(): Promise<Blob>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const keepText = (v: string) => v;

/** Rows per COPY statement on PGlite, which takes the whole payload as one blob. */
const PGLITE_COPY_CHUNK = 50_000;

export interface StoreOptions {
  url?: string;
  dataDir?: string;
  /** PGlite only: start from this data-folder dump (see `snapshot`) instead of an empty cluster. */
  template?: Blob;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.url ? openServer(options.url) : openPglite(options.dataDir, options.template);
}

// ---------- PostgreSQL server ----------

pg.types.setTypeParser(INT8, toNumber);
pg.types.setTypeParser(NUMERIC, toNumber);
pg.types.setTypeParser(DATE, keepText);

async function openServer(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, DROP DATABASE … FORCE) is removed by the pool;
  // without a listener its error would crash the process.
  pool.on('error', () => undefined);
  // pool.end() resolves before its connections have closed; count them so close() can wait.
  let connections = 0;
  let allClosed: (() => void) | undefined;
  pool.on('connect', () => void connections++);
  pool.on('remove', () => {
    if (--connections === 0) allClosed?.();
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async bulk(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(serverSession(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async readOnSnapshot(snapshot, n, work) {
      if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error('bad snapshot id');
      return Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const client = await pool.connect();
          try {
            await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${snapshot}'`);
            const result = await work(serverSession(client), i);
            await client.query('COMMIT');
            return result;
          } catch (e) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw e;
          } finally {
            client.release();
          }
        }),
      );
    },
    async close() {
      const closed = connections === 0 ? Promise.resolve() : new Promise<void>((resolve) => (allClosed = resolve));
      await db.destroy();
      // Kysely ends the pool only if it ever used it; bulk work alone (migrations) uses it directly.
      if (!pool.ending) await pool.end();
      await closed;
    },
  };
}

function serverSession(client: pg.PoolClient): RawSession {
  return {
    async query(sql, params) {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    async exec(sql) {
      await client.query(sql);
    },
    async copyRows(table, columns, rows) {
      const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv)`));
      let count = 0;
      async function* lines() {
        let buffer = '';
        for await (const row of rows as AsyncIterable<unknown[]>) {
          buffer += toCsvLine(row);
          count++;
          if (buffer.length > 1 << 16) {
            yield buffer;
            buffer = '';
          }
        }
        if (buffer) yield buffer;
      }
      await pipeline(Readable.from(lines()), stream);
      return count;
    },
  };
}

// ---------- PGlite (embedded) ----------

async function openPglite(dataDir?: string, template?: Blob): Promise<Store> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create({
    dataDir,
    loadDataDir: template,
    extensions: { pg_trgm },
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepText },
  });
  // PGlite serves one connection: Kysely and bulk work take turns through this queue.
  const lock = new Mutex();
  const pool: PostgresPool = {
    async connect(): Promise<PostgresPoolClient> {
      const release = await lock.acquire();
      return {
        async query<R>(sql: string, params: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const r = await lite.query<R>(sql, params as unknown[]);
          return { command: commandOf(sql), rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
        },
        release,
      } as unknown as PostgresPoolClient;
    },
    async end() {
      await lite.close();
    },
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const session: RawSession = {
    async query(sql, params) {
      const r = await lite.query(sql, params);
      return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql) {
      await lite.exec(sql);
    },
    async copyRows(table, columns, rows) {
      let count = 0;
      let chunk: string[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        const blob = new Blob([chunk.join('')]);
        chunk = [];
        await lite.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      };
      for await (const row of rows as AsyncIterable<unknown[]>) {
        chunk.push(toCsvLine(row));
        count++;
        if (chunk.length >= PGLITE_COPY_CHUNK) await flush();
      }
      await flush();
      return count;
    },
  };
  return {
    db,
    kind: 'pglite',
    async snapshot() {
      const release = await lock.acquire();
      try {
        return await lite.dumpDataDir('none');
      } finally {
        release();
      }
    },
    async bulk(work) {
      const release = await lock.acquire();
      try {
        await lite.exec('BEGIN');
        const result = await work(session);
        await lite.exec('COMMIT');
        return result;
      } catch (e) {
        await lite.exec('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        release();
      }
    },
    close: () => db.destroy(),
  };
}

function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return (word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' || word === 'MERGE' ? word : 'SELECT') as never;
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

/** One CSV line for COPY: null/undefined → empty (NULL), strings quoted, booleans t/f, dates ISO. */
export function toCsvLine(row: unknown[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i) line += ',';
    const v = row[i];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number' || typeof v === 'bigint') line += String(v);
    else if (typeof v === 'boolean') line += v ? 't' : 'f';
    else if (v instanceof Date) line += v.toISOString();
    else if (typeof v === 'object') line += '"' + JSON.stringify(v).replace(/"/g, '""') + '"';
    else line += '"' + String(v).replace(/"/g, '""') + '"';
  }
  return line + '\n';
}
