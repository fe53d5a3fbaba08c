import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type Factory = PrismaPGlite;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Queryable = Pick<Adapter, 'queryRaw' | 'executeRaw'>;
type Query = Parameters<Adapter['queryRaw']>[0];

/**
 * Prisma 6.19 sends `Bytes` arguments as base64 strings and leaves decoding to the driver adapter;
 * the PGlite adapter (built for Prisma 6.10) passes them through and PGlite refuses them. This turns
 * such arguments into bytes before they reach PGlite.
 */
function decodeBytes(query: Query): Query {
  const types = query.argTypes as readonly ({ scalarType?: string } | undefined)[];
  if (!types.some((t) => t?.scalarType === 'bytes')) return query;
  const args = query.args.map((arg, i) =>
    types[i]?.scalarType === 'bytes' && typeof arg === 'string' ? new Uint8Array(Buffer.from(arg, 'base64')) : arg,
  );
  return { ...query, args };
}

type Result = Awaited<ReturnType<Adapter['queryRaw']>>;

/** Prisma's column type codes for timestamps (`ColumnTypeEnum.DateTime`, `ColumnTypeEnum.DateTimeArray`). */
const DATE_TIME = 10;
const DATE_TIME_ARRAY = 74;

/** `2026-03-09 02:00:00.000` (stored in UTC, no zone) → `2026-03-09T02:00:00.000+00:00`. */
const utc = (v: unknown) => (typeof v === 'string' ? `${v.replace(' ', 'T')}+00:00` : v);

/**
 * The adapter returns `timestamp` values without a zone, and `timestamptz` ones with it cut off;
 * Prisma's raw-query results then read them in the process's time zone (8 hours off in
 * Asia/Shanghai). Marks them UTC, as Prisma's own PostgreSQL adapter does.
 */
function markUtc(result: Result): Result {
  const columns = result.columnTypes.flatMap((t, i) => (t === DATE_TIME || t === DATE_TIME_ARRAY ? [i] : []));
  if (!columns.length) return result;
  for (const row of result.rows) {
    for (const i of columns) row[i] = Array.isArray(row[i]) ? (row[i] as unknown[]).map(utc) : utc(row[i]);
  }
  return result;
}

function wrap<T extends Queryable>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === 'queryRaw') return async (q: Query) => markUtc(await obj.queryRaw(decodeBytes(q)));
      if (prop === 'executeRaw') return (q: Query) => obj.executeRaw(decodeBytes(q));
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
