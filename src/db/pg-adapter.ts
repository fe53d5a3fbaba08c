import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Transaction['executeRaw']>[0];

/**
 * Prisma 6.19 rolls an interactive transaction back by sending ROLLBACK and then releasing the
 * connection; when the connection died mid-transaction the ROLLBACK fails and the release never
 * happens, so every database outage leaked pooled connections until the pool ran dry (and
 * `pool.end()` waited forever). This releases the connection when ROLLBACK fails, once; the pool
 * drops a broken connection on release. Nothing else is changed.
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
            if (q.sql.trim().toUpperCase() === 'ROLLBACK') await releaseOnce();
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
