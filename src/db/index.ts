import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import type { Config } from '../config.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations, type SqlRunner } from './migrate.js';
import { pgAdapter } from './pg-adapter.js';
import { pgliteAdapter } from './pglite-adapter.js';
import { seedFromTemplate, takeEarlyOpen, templateCopy } from './template.js';

export type Prisma = PrismaClient<'query'>;

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/** One SQL statement as Prisma sent it, for tests and diagnostics. */
export interface RecordedQuery {
  sql: string;
  durationMs: number;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: Prisma;
  /** Runs plain SQL outside Prisma (migrations, locks, health checks). */
  sql: SqlRunner;
  /** Statements recorded since the last `take()`, when recording is on. */
  recorder: QueryRecorder;
  /** PGlite only: the whole data directory as a tarball, to open again with `openDatabase(…, { from })`. */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PGlite only: start from this data directory snapshot (from `Database.snapshot()`) instead of an empty one. */
  from?: Blob;
}

/** Collects the SQL statements Prisma sends; off unless a test or a diagnostic turns it on. */
export class QueryRecorder {
  enabled = false;
  private queries: RecordedQuery[] = [];
  record(q: RecordedQuery): void {
    if (this.enabled) this.queries.push(q);
  }
  /** Returns the statements recorded so far and starts a new list. */
  take(): RecordedQuery[] {
    const out = this.queries;
    this.queries = [];
    return out;
  }
}

function makeClient(adapter: PrismaPg | PrismaPGlite, recorder: QueryRecorder): Prisma {
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (e) => recorder.record({ sql: e.query, durationMs: e.duration }));
  return prisma;
}

/** A parameter value as an SQL literal (standard-conforming strings: only quotes need doubling). */
function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string' || typeof v === 'bigint') return `'${String(v).replace(/'/g, "''")}'`;
  if (v instanceof Date) return `'${v.toISOString()}'`;
  throw new Error(`no SQL literal for ${typeof v}`);
}

/**
 * Opens the configured database, applies pending migrations and returns a Prisma client on it.
 * PGlite (embedded, a folder on disk or `memory://`) is the default; PostgreSQL when a URL is given.
 */
export async function openDatabase(database: Config['database'], options: OpenOptions = {}): Promise<Database> {
  const recorder = new QueryRecorder();
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle connection the server closed (restart, failover, DROP … WITH (FORCE)) must not crash the
    // process: the pool drops it and opens a new one on the next query.
    pool.on('error', () => undefined);
    // The same for a connection a lock holder has checked out: a dropped connection fails the queries
    // on it instead. One listener per connection, when it is made (not one per checkout).
    pool.on('connect', (client) => client.on('error', () => undefined));
    const sql: SqlRunner = {
      exec: async (text) => {
        await pool.query(text);
      },
      query: async (text, params, name) => (await pool.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] })).rows,
      withLock: async (key, fn) => {
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock($1)', [key]);
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
          client.release();
        }
      },
      tryLock: async (key, fn) => {
        const client = await pool.connect();
        try {
          const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
          if (!rows[0]?.ok) return null;
          try {
            return await fn();
          } finally {
            await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
          }
        } finally {
          client.release();
        }
      },
    };
    await applyMigrations(sql);
    const prisma = makeClient(pgAdapter(pool), recorder);
    return {
      kind: 'postgres',
      prisma,
      sql,
      recorder,
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  // Opened already while the modules loaded (src/main.ts), or now.
  const opened = options.from ? undefined : takeEarlyOpen(database.dir);
  if (!opened && !database.dir.startsWith('memory://')) {
    // A new folder starts from the migrated template made at install time (src/db/template.ts).
    if (!options.from) {
      await templateCopy(database.dir);
      seedFromTemplate(database.dir);
    }
    mkdirSync(database.dir, { recursive: true });
  }
  const pglite = opened ? await opened : await PGlite.create(database.dir, options.from ? { loadDataDir: options.from } : {});
  const pgliteLocks = new Set<number>();
  const pglitePrepared = new Set<string>();
  const sql: SqlRunner = {
    exec: async (text) => {
      await pglite.exec(text);
    },
    query: async (text, params = [], name) => {
      if (!name) return (await pglite.query<Record<string, unknown>>(text, params)).rows;
      // Named: PREPARE once, then EXECUTE with the values as literals (PGlite binds no parameters to
      // EXECUTE). Parsing and planning once roughly halves the read models' time on PGlite.
      const execute = `EXECUTE ${name}(${params.map(sqlLiteral).join(', ')})`;
      if (!pglitePrepared.has(name)) {
        await pglite.exec(`PREPARE ${name} AS ${text}`);
        pglitePrepared.add(name);
      }
      try {
        return (await pglite.query<Record<string, unknown>>(execute)).rows;
      } catch (e) {
        // Gone (the session was reset): prepare it again, once.
        if ((e as { code?: string }).code !== '26000') throw e;
        await pglite.exec(`PREPARE ${name} AS ${text}`);
        return (await pglite.query<Record<string, unknown>>(execute)).rows;
      }
    },
    // PGlite is one connection inside this process: nothing else can run migrations at the same time.
    withLock: async (_key, fn) => fn(),
    tryLock: async (key, fn) => {
      if (pgliteLocks.has(key)) return null;
      pgliteLocks.add(key);
      try {
        return await fn();
      } finally {
        pgliteLocks.delete(key);
      }
    },
  };
  await applyMigrations(sql);
  const prisma = makeClient(pgliteAdapter(pglite), recorder);
  return {
    kind: 'pglite',
    prisma,
    sql,
    recorder,
    snapshot: () => pglite.dumpDataDir('none'),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
