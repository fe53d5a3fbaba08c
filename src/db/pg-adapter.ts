import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Transaction['executeRaw']>[0];

/** Statements after which Prisma releases the connection, and skips the release when they fail. */
const ENDS = new Set(['COMMIT', 'ROLLBACK']);

/**
 * Prisma 6.19 ends an interactive transaction by sending COMMIT or ROLLBACK and then releasing the
 * connection; when the connection died mid-transaction that statement fails and the release never
 * happens, so every database outage leaked pooled connections until the pool ran dry (and
 * `pool.end()` waited forever). This releases the connection when COMMIT or ROLLBACK fails, once;
 * the pool drops a broken connection on release. Nothing else is changed.
 */
function guardTransaction(tx: Transaction): Transaction {
  let released = false;
  const releaseOnce = async () => {
    if (released) return;
    released = true;
    await tx.rollback();
  };
  return new Proxy(tx, {
    get(obj, prop, receiver) {
      if (prop === 'commit' || prop === 'rollback') {
        return async () => {
          if (released) return;
          released = true;
          await obj[prop]();
        };
      }
      if (prop === 'executeRaw') {
        return async (q: Query) => {
          try {
            return await obj.executeRaw(q);
          } catch (err) {
            if (ENDS.has(q.sql.trim().toUpperCase())) await releaseOnce();
            throw err;
          }
        };
      }
      const value = Reflect.get(obj, prop, receiver);
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

/** The PostgreSQL driver-adapter factory whose transactions give their connection back even when it died. */
export function pgAdapter(pool: pg.Pool): PrismaPg {
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: Parameters<Adapter['startTransaction']>) => guardTransaction(await start(...args));
    return adapter;
  };
  return factory;
}
