/**
 * The docs' operations run: every `graphql` block of README.md and docs/API.md, and every operation
 * of the reviewers' board (src/console/console.js), parses and validates against the schema — named,
 * with its variables declared — so it can be pasted into GraphiQL as it is.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

function graphqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function operations(source: string): { name: string; document: DocumentNode }[] {
  const doc = parse(source);
  const fragments = doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ name: op.name?.value ?? '(anonymous)', document: { kind: Kind.DOCUMENT, definitions: [op, ...fragments] } }));
}

const sources: [string, string[]][] = [
  ['README.md', graphqlBlocks(read('README.md'))],
  ['docs/API.md', graphqlBlocks(read('docs/API.md'))],
  ['src/console/console.js', [...read('src/console/console.js').matchAll(/'((?:query|mutation|subscription) [^']+)'/g)].map((m) => m[1]!)],
];

describe.each(sources)('%s', (_file, blocks) => {
  const ops = blocks.flatMap(operations);

  it('has operations to check', () => {
    expect(ops.length).toBeGreaterThan(0);
  });

  it.each(ops.map((o) => [o.name, o.document] as const))('%s is named and valid against the schema', (name, document) => {
    expect(name).not.toBe('(anonymous)');
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it('names each operation once', () => {
    const names = ops.map((o) => o.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
