/**
 * Writes a migration for the changes made to prisma/schema.prisma since the last migration:
 * `npm run db:migration -- add_website_notes`. With `--check`, only reports whether one is needed
 * (exit 1 when the schema has changes no migration covers).
 *
 * The datamodel the migrations produce is kept in prisma/migrations/datamodel.prisma, so the diff
 * needs no database (Prisma's shadow database cannot run through the PGlite adapter).
 *
 * Why the copy stays for now: diffing the migrations themselves (`migrate diff --from-migrations`)
 * needs a shadow database reached by URL. The candidate is a throw-away PGlite served over a local
 * socket (@electric-sql/pglite-socket) as that shadow database; it is not yet a dependency and has
 * not been tried with Prisma 6.19's CLI here. Until it is, the copy is the offline answer, and its
 * weakness is known: a schema edit copied into datamodel.prisma by hand, without a migration, passes
 * `--check`. Only `npm run db:migration` should write datamodel.prisma.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const snapshot = path.join(root, 'prisma/migrations/datamodel.prisma');
const schema = path.join(root, 'prisma/schema.prisma');

const sql = execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', '--from-schema-datamodel', snapshot, '--to-schema-datamodel', schema, '--script'],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
const pending = sql
  .split('\n')
  .some((line) => line.trim() && !line.trim().startsWith('--'));

if (process.argv.includes('--check')) {
  if (pending) {
    console.error('prisma/schema.prisma has changes no migration covers: run `npm run db:migration -- <name>`.');
    process.exit(1);
  }
  console.log('Migrations cover prisma/schema.prisma.');
  process.exit(0);
}

const name = process.argv.slice(2).find((a) => !a.startsWith('-'));
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
copyFileSync(schema, snapshot);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql; review it, then commit it with the schema.`);
