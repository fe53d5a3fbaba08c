import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The few plain-SQL operations migrations and health checks need, on either driver. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  /** With `name` (PostgreSQL), the statement is prepared once per connection and reused under that name. */
  query(sql: string, params?: unknown[], name?: string): Promise<Record<string, unknown>[]>;
  /** Runs `fn` while holding a database-wide advisory lock (a no-op where only one process can connect). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` only if the lock is free right now; resolves `null` otherwise. */
  tryLock<T>(key: number, fn: () => Promise<T>): Promise<T | null>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const MIGRATION_LOCK_KEY = 724_100_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The committed migrations, oldest first (folder names sort by their timestamp prefix). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations, each in its own transaction, recording them in Prisma's own
 * `_prisma_migrations` table so that `prisma migrate status` / `deploy` agree with what ran here.
 * Several instances starting together on PostgreSQL take turns through an advisory lock.
 */
export async function applyMigrations(sql: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  return sql.withLock(MIGRATION_LOCK_KEY, async () => {
    await sql.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await sql.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
    const done: string[] = [];
    for (const m of migrations) {
      const seen = applied.get(m.name);
      if (seen !== undefined) {
        if (seen !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      const id = randomUUID();
      const escaped = m.name.replace(/'/g, "''");
      await sql.exec(
        `BEGIN;\n${m.sql}\nINSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('${id}', '${m.checksum}', '${escaped}', now(), 1);\nCOMMIT;`,
      );
      done.push(m.name);
    }
    return done;
  });
}
