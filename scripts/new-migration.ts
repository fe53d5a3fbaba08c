/**
 * Writes a migration for the changes made to prisma/schema.prisma since the last migration:
 * `npm run db:migration -- add_website_notes`. With `--check`, only reports whether one is needed
 * (exit 1 when the schema has changes no migration covers); `--schema=FILE` compares another
 * schema file with the migrations (test/migrations.test.ts).
 *
 * The migrations themselves are the other side of the diff: `prisma migrate diff --from-migrations`
 * replays every migration folder into a throw-away in-memory PGlite (the shadow database of
 * prisma.config.ts) and compares what they built with prisma/schema.prisma. No database server, no
 * network and no copy of the data model are needed, and a schema edit without a migration is caught
 * whatever else was edited.
 *
 * What did not work, offline with Prisma 6.19 (only its WebAssembly schema engine runs here; the
 * native one is downloaded on first use, which fails without internet):
 * - `--shadow-database-url` (e.g. a PGlite served over a local socket by @electric-sql/pglite-socket):
 *   the CLI refuses the flag when the config defines an adapter, and without an adapter it wants
 *   the native engine;
 * - that socket (or a real PostgreSQL) as the adapter's database through @prisma/adapter-pg: the
 *   schema engine fails reading the catalogue ("Column type 'name' could not be deserialized from
 *   the database", prisma/orm#27403);
 * - pglite-prisma-adapter's own shadow database as it is: each migration file arrives as one
 *   statement list, which its prepared statements refuse (P3006); prisma.config.ts sends those
 *   through PGlite's simple protocol.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const schemaArg = process.argv.find((a) => a.startsWith('--schema='));
const schema = schemaArg ? path.resolve(schemaArg.slice('--schema='.length)) : path.join(root, 'prisma/schema.prisma');

// Always the embedded shadow database: with DATABASE_URL set, prisma.config.ts would use
// PostgreSQL through @prisma/adapter-pg, which the diff cannot read (above).
const { DATABASE_URL: _unused, ...env } = process.env;
const sql = execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules/prisma/build/index.js'),
    'migrate',
    'diff',
    '--from-migrations',
    path.join(root, 'prisma/migrations'),
    '--to-schema-datamodel',
    schema,
    '--script',
  ],
  { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
const pending = sql.split('\n').some((line) => line.trim() && !line.trim().startsWith('--'));

if (process.argv.includes('--check')) {
  if (pending) {
    console.error(`${path.relative(root, schema)} has changes no migration covers: run \`npm run db:migration -- <name>\`.\n\n${sql}`);
    process.exit(1);
  }
  console.log(`Migrations cover ${path.relative(root, schema)}.`);
  process.exit(0);
}

const name = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (schemaArg) {
  console.error('--schema= only goes with --check: migrations are made from prisma/schema.prisma.');
  process.exit(2);
}
if (!pending) {
  console.log('No schema changes since the last migration.');
  process.exit(0);
}
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <snake_case_name>');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma/migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql; review it, then commit it with the schema.`);
