/**
 * README "Your first filing" stays true: every GraphQL operation in it is valid against the schema
 * and declares its variables, and every JSON variables block parses.
 */
import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Your first filing'), readme.indexOf('\n## ', readme.indexOf('## Your first filing') + 5));
const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('README: Your first filing', () => {
  it('has valid operations with declared variables', () => {
    const operations = blocks('graphql');
    expect(operations.length).toBeGreaterThanOrEqual(9);
    const names: string[] = [];
    for (const text of operations) {
      const doc = parse(text);
      expect(validate(schema, doc).map((e) => e.message), text).toEqual([]);
      for (const def of doc.definitions) if (def.kind === 'OperationDefinition') names.push(def.name?.value ?? '(anonymous)');
    }
    expect(names).not.toContain('(anonymous)');
    for (const step of ['Register', 'RegisterInstance', 'RequestCode', 'VerifyType', 'StartFiling', 'Submit', 'Review', 'Approve', 'Outbox', 'Verify', 'ToMiit', 'MiitApproved', 'Audit']) {
      expect(names).toContain(step);
    }
  });

  it('has variables that parse', () => {
    for (const text of blocks('json')) expect(() => JSON.parse(text), text).not.toThrow();
  });
});
