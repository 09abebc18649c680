import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type Transaction } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { RawSession } from '../../../../platform/db.js';

/**
 * A Kysely view of a bulk session, so typed helpers that want a transaction (recordAudit) run
 * inside the same transaction as the COPY work. It never begins or commits: store.bulk does.
 */
export function kyselyOverSession(session: RawSession): Transaction<Database> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
      const r = await session.query<R>(q.sql, q.parameters as unknown[]);
      const word = /^\s*(\w+)/.exec(q.sql)?.[1]?.toLowerCase();
      const isWrite = word === 'insert' || word === 'update' || word === 'delete';
      return { rows: r.rows, numAffectedRows: isWrite ? BigInt(r.rowCount) : undefined };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('streaming is not supported inside an import session');
    },
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => {
      throw new Error('the import session is already a transaction');
    },
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  // recordAudit only issues queries; it never starts or ends the transaction it is given.
  return db as unknown as Transaction<Database>;
}
