/**
 * Import rules: the request context and the ports are declared apart from the workflow, so that
 * `src/context.ts` and `src/workflow/` never import each other in a circle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every file of this checkout that `file` imports, directly or not (relative imports only). */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const target = path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts'));
    if (seen.has(target)) continue;
    seen.add(target);
    importsOf(target, seen);
  }
  return seen;
}

const rel = (files: Set<string>) => [...files].map((f) => path.relative(ROOT, f)).sort();

describe('module boundaries', () => {
  it('the context and the ports reach nothing in src/workflow', () => {
    for (const entry of ['src/context.ts', 'src/ports.ts']) {
      const reached = rel(importsOf(path.join(ROOT, entry)));
      expect(reached.filter((f) => f.startsWith('src/workflow/')), entry).toEqual([]);
    }
  });

  it('declares every port in src/ports.ts', () => {
    const ports = readFileSync(path.join(ROOT, 'src/ports.ts'), 'utf8');
    for (const port of ['SmsGateway', 'NationalRegistry', 'AuthenticityChecker', 'MaterialStorage', 'HostingResources']) {
      expect(ports).toMatch(new RegExp(`export interface ${port} \\{`));
      // …and nowhere else.
      for (const file of ['src/workflow/sms.ts', 'src/workflow/registry.ts', 'src/workflow/materials.ts']) {
        expect(readFileSync(path.join(ROOT, file), 'utf8')).not.toMatch(new RegExp(`interface ${port}\\b`));
      }
    }
  });

  it('the GraphQL layer writes no workflow table: order, subject, website and their parts change only through src/workflow', () => {
    const dir = path.join(ROOT, 'src/schema');
    const WORKFLOW_TABLES = 'order|orderEvent|orderWebsite|subject|website|domain|person|smsVerification|material|serviceCode|preApproval|registryFiling';
    const write = new RegExp(`\\.(${WORKFLOW_TABLES})\\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\\(|\\$executeRaw`, 'g');
    const found: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(write)) found.push(`src/schema/${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
