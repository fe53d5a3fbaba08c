import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type Factory = PrismaPGlite;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Queryable = Pick<Adapter, 'queryRaw' | 'executeRaw'>;
type Query = Parameters<Adapter['queryRaw']>[0];

/**
 * Prisma 6.19 sends `Bytes` arguments as base64 strings and leaves decoding to the driver adapter;
 * the PGlite adapter (built for Prisma 6.10) passes them through and PGlite refuses them. This turns
 * such arguments into bytes before they reach PGlite; nothing else is changed.
 */
function decodeBytes(query: Query): Query {
  const types = query.argTypes as readonly ({ scalarType?: string } | undefined)[];
  if (!types.some((t) => t?.scalarType === 'bytes')) return query;
  const args = query.args.map((arg, i) =>
    types[i]?.scalarType === 'bytes' && typeof arg === 'string' ? new Uint8Array(Buffer.from(arg, 'base64')) : arg,
  );
  return { ...query, args };
}

function wrap<T extends Queryable>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return (q: Query) => (obj[prop] as (q: Query) => Promise<unknown>).call(obj, decodeBytes(q));
      }
      if (prop === 'startTransaction') {
        return async (...a: unknown[]) => wrap(await (obj as unknown as Adapter).startTransaction(...(a as [])));
      }
      const value = Reflect.get(obj, prop, receiver);
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

/** The PGlite driver-adapter factory with `Bytes` arguments decoded. */
export function pgliteAdapter(pglite: PGlite): Factory {
  const factory = new PrismaPGlite(pglite);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wrap(await connect());
  return factory;
}
