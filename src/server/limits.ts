import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, NoSchemaIntrospectionCustomRule, visit, type DocumentNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Static limits on an operation's shape, checked before anything runs (SECURITY.md "Operation limits"). */
export const OPERATION_LIMITS = {
  depth: 12,
  /** Armor's static cost: fields weighted by depth (×1.5 a level) and multiplied by literal page sizes. */
  cost: 300_000,
  aliases: 15,
  tokens: 2_000,
  directives: 10,
} as const;

/** Limits on input values, variables and literals alike. */
export const INPUT_LIMITS = {
  /** Characters in one string (validators have tighter limits per field; this bounds the work to get there). */
  stringLength: 20_000,
  /** Items in one list, e.g. `nodes(ids:)`. */
  listLength: 100,
  /** Nesting of objects and lists in one variable. */
  depth: 16,
} as const;

/** Armor's rules report their refusal as a validation error (HTTP 400, GRAPHQL_VALIDATION_FAILED) instead of throwing. */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, '')))],
};

/** GraphQL Armor: depth, cost, aliases, tokens, directives, and no "did you mean" field suggestions. */
export function useOperationLimits(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: OPERATION_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true, ...asValidationError },
    costLimit: { maxCost: OPERATION_LIMITS.cost, ignoreIntrospection: true, flattenFragments: true, ...asValidationError },
    maxAliases: { n: OPERATION_LIMITS.aliases, ...asValidationError },
    // Counted while parsing, before there is a validation context: a syntax error (HTTP 400).
    maxTokens: { n: OPERATION_LIMITS.tokens },
    maxDirectives: { n: OPERATION_LIMITS.directives, ...asValidationError },
    blockFieldSuggestion: { enabled: true },
  }) as Plugin;
}

/** Refuses `__schema` and `__type` (on every transport) when introspection is off. */
export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted anywhere, or null. */
function badString(s: string): string | null {
  if (s.length > INPUT_LIMITS.stringLength) return `a string longer than ${INPUT_LIMITS.stringLength} characters`;
  if (s.includes('\u0000')) return 'a NUL character';
  if (LONE_SURROGATE.test(s)) return 'an unpaired UTF-16 surrogate';
  return null;
}

function badValue(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return badString(value);
  if (value === null || typeof value !== 'object') return null;
  if (depth > INPUT_LIMITS.depth) return `values nested deeper than ${INPUT_LIMITS.depth}`;
  if (Array.isArray(value)) {
    if (value.length > INPUT_LIMITS.listLength) return `a list of more than ${INPUT_LIMITS.listLength} items`;
    for (const v of value) {
      const bad = badValue(v, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (value instanceof Blob) return null;
  for (const [k, v] of Object.entries(value)) {
    const bad = badString(k) ?? badValue(v, depth + 1);
    if (bad) return bad;
  }
  return null;
}

/** Verdicts by document: yoga's parser cache hands the same document object to repeated operations. */
const literalVerdicts = new WeakMap<DocumentNode, string | null>();

function badLiteral(document: DocumentNode): string | null {
  let verdict = literalVerdicts.get(document);
  if (verdict === undefined) literalVerdicts.set(document, (verdict = scanLiterals(document)));
  return verdict;
}

function scanLiterals(document: DocumentNode): string | null {
  let bad: string | null = null;
  visit(document, {
    StringValue(node) {
      bad ??= badString(node.value);
    },
    ListValue(node) {
      if (node.values.length > INPUT_LIMITS.listLength) bad ??= `a list of more than ${INPUT_LIMITS.listLength} items`;
    },
  });
  return bad;
}

export function badInputError(what: string): GraphQLError {
  return new GraphQLError(`Input refused: it contains ${what}`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/**
 * Input hygiene for every operation: strings PostgreSQL cannot store (NUL) or that are not text
 * (unpaired surrogates), oversized strings and lists are refused before any resolver runs.
 */
export function useInputHygiene(): Plugin {
  const check = (document: DocumentNode, variables: unknown) => badValue(variables, 0) ?? badLiteral(document);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const bad = check(args.document, args.variableValues);
      if (bad) setResultAndStopExecution({ errors: [badInputError(bad)] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const bad = check(args.document, args.variableValues);
      if (bad) setResultAndStopExecution({ errors: [badInputError(bad)] });
    },
  };
}


/**
 * Gives refused requests a code. An execution result without `data` means graphql-js refused the
 * request before running anything (variables of the wrong type, missing or null; an unknown
 * operation name): the client's input, so BAD_USER_INPUT.
 */
export function useRequestErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length || 'data' in result) return;
          setResult({
            ...result,
            errors: result.errors.map((e) =>
              e.extensions?.code
                ? e
                : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }),
            ),
          });
        },
      };
    },
  };
}
