/**
 * Prints the GraphQL contract to schema/schema.graphql (`npm run schema`), or with `--check` fails
 * when the checked-in file differs from what the code builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

const file = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8');
  if (current !== printed) {
    console.error('schema/schema.graphql is stale: run `npm run schema` and commit the change.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  writeFileSync(file, printed);
  console.log(`Wrote ${file}`);
}
