import path from 'node:path';
import { defineConfig } from 'prisma/config';

/**
 * Prisma CLI configuration. The CLI talks to the database through the same driver adapters as the
 * server (no native engines): PostgreSQL when DATABASE_URL is set, otherwise a scratch PGlite.
 */
const databaseUrl = process.env.DATABASE_URL;
// The schema's `url = env("DATABASE_URL")` is only read by the CLI's schema parser, which refuses an
// unset variable; the adapter below decides where the CLI really connects.
process.env.DATABASE_URL ??= 'postgresql://embedded-pglite.invalid/unused';

/**
 * A scratch in-memory PGlite for the CLI, and a second one as the shadow database that
 * `migrate diff --from-migrations` replays the migrations into (scripts/new-migration.ts).
 *
 * Prisma's schema engine sends each migration file as one `executeRaw` without parameters, and
 * pglite-prisma-adapter runs every query as a prepared statement, which PostgreSQL refuses for
 * several commands ("cannot insert multiple commands into a prepared statement", P3006). A
 * statement without parameters goes through PGlite's `exec` (the simple query protocol) instead.
 */
async function embeddedPglite() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const open = async () => {
    const pglite = new PGlite('memory://');
    const factory = new PrismaPGlite(pglite);
    const adapter = await factory.connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length) return executeRaw(query);
      await pglite.exec(query.sql);
      return 0;
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pglite.close();
    };
    return adapter;
  };
  return { provider: 'postgres' as const, adapterName: 'pglite-prisma-adapter', connect: open, connectToShadowDb: open };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = databaseUrl;
    if (url) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url });
    }
    // The server applies migrations to its PGlite folder itself (src/db/migrate.ts).
    return embeddedPglite();
  },
});
