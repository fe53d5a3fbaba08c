/**
 * Which columns a read model loads: those the operation's selected fields read, and those their
 * types' own checks read (authorisation, interface resolution), per row of every relation it
 * includes. Everything else stays in the database: the order list's JSON shrinks to a fraction.
 *
 * A field says what it reads of its parent row: an exposed column (`t.expose…('name')`) reads that
 * column, a relation reads none (the relation comes as its own key), and any other field declares
 * `extensions: { reads: [...] }`. A type declares what its own functions read the same way on the
 * type. Whatever is undeclared (a field without `reads`, a type without `reads`) makes that row
 * load every column, as before: forgetting a declaration costs speed, never a wrong answer.
 * A declaration that is too short would give a wrong answer, so with `READ_MODELS_STRICT=true` (the
 * test suite sets it) a row throws when anything reads a column it did not load.
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

export interface Projection {
  /** Columns of this row to load; null: every column. */
  columns: ReadonlySet<string> | null;
  /** Below each included relation, by relation name. */
  relations: ReadonlyMap<string, Projection>;
  /** Below each field that brings a row of its own (e.g. `latestEvent`), by field name. */
  fields: ReadonlyMap<string, Projection>;
  /** The same, as text: part of the compiled statement's cache key. */
  key: string;
}

interface Gathered {
  model: string;
  defs: Set<GraphQLField<unknown, unknown>>;
  types: Set<GraphQLNamedType>;
  relations: Map<string, Gathered>;
  fields: Map<string, Gathered>;
}

const modelOf = (t: GraphQLNamedType | null | undefined) => (t?.extensions as { pothosPrismaModel?: string } | undefined)?.pothosPrismaModel;
const readsOf = (ext: unknown): readonly string[] | undefined => {
  const reads = (ext as { reads?: unknown } | undefined)?.reads;
  return Array.isArray(reads) ? (reads as string[]) : undefined;
};

/** Types whose checks run for a value of `t` at run time: itself, or every implementation of an interface. */
function runtimeTypes(info: GraphQLResolveInfo, t: GraphQLNamedType): GraphQLNamedType[] {
  if (isInterfaceType(t)) return [t, ...info.schema.getPossibleTypes(t)];
  return [t];
}

function gathered(model: string): Gathered {
  return { model, defs: new Set(), types: new Set(), relations: new Map(), fields: new Map() };
}

/** Whether selections under type condition `typeName` can apply to a row of `model`. */
function applies(info: GraphQLResolveInfo, typeName: string, model: string): boolean {
  const t = info.schema.getType(typeName);
  if (!t) return false;
  if (isObjectType(t)) return modelOf(t) === model;
  if (isInterfaceType(t)) return modelOf(t) === model || info.schema.getPossibleTypes(t).some((p) => modelOf(p) === model);
  return true;
}

/** Walks the selections made on a row of `node.model`, seen as GraphQL type `type`. */
function walk(info: GraphQLResolveInfo, set: SelectionSetNode, type: GraphQLCompositeType, node: Gathered): void {
  for (const s of set.selections) {
    if (s.kind === Kind.INLINE_FRAGMENT) {
      const cond = s.typeCondition?.name.value;
      if (cond && !applies(info, cond, node.model)) continue;
      walk(info, s.selectionSet, (cond ? info.schema.getType(cond) : type) as GraphQLCompositeType, node);
      continue;
    }
    if (s.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = info.fragments[s.name.value];
      if (!fragment || !applies(info, fragment.typeCondition.name.value, node.model)) continue;
      walk(info, fragment.selectionSet, info.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType, node);
      continue;
    }
    if (s.name.value === '__typename' || !('getFields' in type)) continue;
    const def = type.getFields()[s.name.value];
    if (!def) continue;
    node.defs.add(def);
    const relation = (def.extensions as { pothosPrismaRelationField?: { name: string; type: string } }).pothosPrismaRelationField;
    const target = getNamedType(def.type);
    if (!s.selectionSet) continue;
    if (relation) {
      const child = node.relations.get(relation.name) ?? gathered(relation.type);
      node.relations.set(relation.name, child);
      rows(info, s.selectionSet, target, child);
    } else if (modelOf(target)) {
      const child = node.fields.get(s.name.value) ?? gathered(modelOf(target)!);
      node.fields.set(s.name.value, child);
      rows(info, s.selectionSet, target, child);
    }
  }
}

/** Selections on a field whose type is a row type, or a connection of rows (`edges { node }`, `nodes`). */
function rows(info: GraphQLResolveInfo, set: SelectionSetNode, type: GraphQLNamedType, node: Gathered): void {
  if (modelOf(type)) {
    for (const t of runtimeTypes(info, type)) node.types.add(t);
    walk(info, set, type as GraphQLCompositeType, node);
    return;
  }
  if (!isObjectType(type)) return;
  const fields = type.getFields();
  const visit = (selections: SelectionSetNode) => {
    for (const s of selections.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (s.selectionSet && s.name.value === 'nodes' && fields.nodes) rows(info, s.selectionSet, getNamedType(fields.nodes.type), node);
      else if (s.selectionSet && s.name.value === 'edges' && fields.edges) rows(info, s.selectionSet, getNamedType(fields.edges.type), node);
      else if (s.selectionSet && s.name.value === 'node' && fields.node) rows(info, s.selectionSet, getNamedType(fields.node.type), node);
    }
  };
  visit(set);
}

/** The columns a gathered row needs, or null for all of them. */
function columnsOf(node: Gathered): Set<string> | null {
  const out = new Set<string>();
  for (const t of node.types) {
    if (!modelOf(t)) continue;
    const reads = readsOf(t.extensions);
    if (!reads) return null;
    for (const c of reads) out.add(c);
  }
  for (const def of node.defs) {
    const ext = def.extensions as { pothosExposedField?: string; pothosPrismaRelationField?: unknown };
    if (ext.pothosPrismaRelationField) continue;
    if (typeof ext.pothosExposedField === 'string') {
      out.add(ext.pothosExposedField);
      continue;
    }
    const reads = readsOf(ext);
    if (!reads) return null;
    for (const c of reads) out.add(c);
  }
  return out;
}

function settle(node: Gathered): Projection {
  const columns = columnsOf(node);
  const relations = new Map([...node.relations].map(([k, v]) => [k, settle(v)]));
  const fields = new Map([...node.fields].map(([k, v]) => [k, settle(v)]));
  const part = (m: Map<string, Projection>) => [...m].map(([k, v]) => `${k}:${v.key}`).join(',');
  const key = `(${columns ? [...columns].sort().join(' ') : '*'}|${part(relations)}|${part(fields)})`;
  return { columns, relations, fields, key };
}

/** Projections by the field node they were made for: a document is parsed once and reused. */
const cache = new WeakMap<object, Map<string, Projection>>();

/**
 * The projection for rows of `model` answered at the current field: its selections (through
 * `edges`/`nodes` for a connection, through fragments on the row's types for `node`).
 */
export function projectionFor(info: GraphQLResolveInfo, model: string): Projection {
  const fieldNode = info.fieldNodes[0]!;
  let byModel = cache.get(fieldNode);
  if (!byModel) cache.set(fieldNode, (byModel = new Map()));
  let projection = byModel.get(model);
  if (!projection) {
    const root = gathered(model);
    const type = getNamedType(info.returnType);
    for (const f of info.fieldNodes) {
      if (!f.selectionSet) continue;
      if (isInterfaceType(type) && modelOf(type) !== model) {
        // `node(id:)`: the row is of one concrete type; its checks and the selections that apply to it.
        for (const t of info.schema.getPossibleTypes(type)) if (modelOf(t) === model) root.types.add(t);
        walk(info, f.selectionSet, type, root);
      } else rows(info, f.selectionSet, type, root); // the row's own type, or a connection of rows
    }
    projection = settle(root);
    byModel.set(model, projection);
  }
  return projection;
}

/** Set by the test suite: rows throw when something reads a column they were not loaded with. */
export const STRICT = process.env.READ_MODELS_STRICT === 'true';

/** A row that refuses reads of the columns it was not loaded with (STRICT only). */
export function guarded(model: string, row: Record<string, unknown>, missing: ReadonlySet<string>): Record<string, unknown> {
  return new Proxy(row, {
    get(target, key, receiver) {
      if (typeof key === 'string' && missing.has(key)) {
        throw new Error(`read model: ${model}.${key} was not loaded; declare it in the reads of the field or type that reads it`);
      }
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return typeof key === 'string' && missing.has(key) ? false : Reflect.has(target, key);
    },
  });
}
