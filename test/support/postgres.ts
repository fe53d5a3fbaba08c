/** Throw-away PostgreSQL databases for tests and the benchmark (no test-runner imports here). */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A new, empty PostgreSQL database on the server at `base`; `drop` removes it (closing connections). */
export async function scratchPostgres(base: string, prefix = 'icp_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
