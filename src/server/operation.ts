import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** The operation a request runs: the named one, or the only one. */
export function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

/**
 * Every top-level field occurrence of the operation, through fragments and aliases: `a: signIn(…)
 * b: signIn(…)` is two occurrences. `@skip`/`@include` are ignored, so nothing hides a field.
 */
export function rootFields(document: DocumentNode, operationName?: string | null): { kind: OperationKind; fields: FieldNode[] } | null {
  const operation = selectedOperation(document, operationName);
  if (!operation) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return { kind: operation.operation as OperationKind, fields };
}

/** A string argument of a field, given as a literal or a variable; null when absent or not a string. */
export function stringArgument(field: FieldNode, name: string, variables: Record<string, unknown> | null | undefined): string | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  if (arg.value.kind === Kind.STRING) return arg.value.value;
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables?.[arg.value.name.value];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

/** A GraphQL operation name as it may appear in logs and metrics: a plain identifier or nothing. */
export function safeOperationName(name: string | null | undefined): string | null {
  return name && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) ? name : null;
}
