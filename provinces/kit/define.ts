/** Helpers for writing rule modules. */
import { moduleProblems } from './check.js';
import type {
  NationalModule,
  ProvinceDeclaration,
  ProvinceModule,
  RuleSections,
} from './types.js';

const EMPTY_SECTIONS: RuleSections = {
  naming: [],
  siteLimits: [],
  smsMandates: [],
  smsRoles: [],
  smsCode: [],
  certificateSuffixes: [],
  reviewEstimates: [],
  reviewLimits: [],
  requirements: [],
};

/** A module that breaks the kit's rules; the message lists every problem, each naming module, rule and value. */
export class ModuleDefinitionError extends Error {
  constructor(
    readonly module: string,
    readonly problems: readonly string[],
  ) {
    super(`Province module ${module} is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'ModuleDefinitionError';
  }
}

/**
 * Declares a province module: sections it leaves out are empty (the national defaults apply). The
 * declaration is checked at load (see kit/check.ts): blank or duplicate words, impossible or inverted
 * dates, limits below 1, unknown natures, filing types, certificate types and SMS roles, sources known
 * neither to the kit nor to the module. A broken module throws {@link ModuleDefinitionError}.
 */
export function defineProvince(declaration: ProvinceDeclaration): ProvinceModule {
  const module: ProvinceModule = { ...EMPTY_SECTIONS, sources: {}, ...declaration };
  const problems = moduleProblems(module);
  if (problems.length > 0) throw new ModuleDefinitionError(module.code, problems);
  return deepFreeze(module);
}

/** Declares the national defaults module (checked like a province). */
export function defineNational(declaration: Omit<NationalModule, 'code' | 'sources'> & { sources?: NationalModule['sources'] }): NationalModule {
  const module: NationalModule = { code: 'national', sources: {}, ...declaration };
  const problems = moduleProblems(module);
  if (problems.length > 0) throw new ModuleDefinitionError('national', problems);
  return deepFreeze(module);
}

/**
 * Words from a list quoted verbatim from a source, e.g. `官网、行业、电商。`: split on `、` (and `，`),
 * trimmed, the closing `。` dropped, duplicates removed (first occurrence kept). Returns the quote too, so
 * a rule can keep both: `{ kind: 'banned-words', ...fromQuote('官网、行业。'), … }`.
 */
export function fromQuote(quote: string): { quote: string; words: readonly string[] } {
  const words = quote
    .replace(/。\s*$/, '')
    .split(/[、，]/)
    .map((word) => word.replace(/\s+/g, ''))
    .filter((word) => word !== '');
  return { quote, words: [...new Set(words)] };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
