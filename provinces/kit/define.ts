/** Helpers for writing rule modules. */
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

/** Declares a province module: sections it leaves out are empty (the national defaults apply). */
export function defineProvince(declaration: ProvinceDeclaration): ProvinceModule {
  return deepFreeze({ ...EMPTY_SECTIONS, ...declaration });
}

/** Declares the national defaults module. */
export function defineNational(declaration: Omit<NationalModule, 'code'>): NationalModule {
  return deepFreeze({ code: 'national', ...declaration });
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
    .map((word) => word.trim())
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
