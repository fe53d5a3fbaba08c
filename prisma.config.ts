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
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    // Without DATABASE_URL the CLI works on a scratch in-memory database (enough for `migrate diff`);
    // the server applies migrations to its PGlite folder itself (src/db/migrate.ts).
    return new PrismaPGlite(new PGlite('memory://'));
  },
});
