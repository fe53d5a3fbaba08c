/**
 * Compiles a Prisma read (`findMany` / `findUnique` arguments as Pothos builds them: nested
 * `include` / `select` trees with `orderBy`, `take` and `skip`) into ONE SQL statement that builds
 * each row, relations and all, as JSON in the database; and decodes its rows into exactly the
 * objects Prisma would return (Date for DateTime, bigint for BigInt, JSON as is).
 *
 * It covers a deliberate subset and says so: anything outside it (relation filters, cursors,
 * `distinct`, `_count`, Bytes or Decimal columns, many-to-many relations, OR/NOT filters, `not` on nullable columns) makes
 * `compileFind` return null, and the caller takes Prisma's general path. The model metadata comes
 * from the generated datamodel, so a schema change needs no edit here.
 */
import { getDatamodel } from '../generated/pothos-types.js';
import { guarded, STRICT, type Projection } from './projection.js';

interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired?: boolean;
  isId?: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: DmmfField[]; primaryKey?: { fields: string[] } | null }>;

/** Whether a column is (part of) its model's primary key: always loaded, whatever the projection. */
const isKey = (model: string, f: DmmfField) => f.isId === true || (models[model]?.primaryKey?.fields.includes(f.name) ?? false);

/** Thrown inside the compiler when an argument is outside the covered subset. */
class Unsupported extends Error {}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Decoder = (v: unknown) => unknown;

/** SQL for one scalar column inside a JSON object, and how to read it back. */
function scalar(alias: string, f: DmmfField): { sql: string; decode: Decoder | null } {
  const col = `${alias}.${q(f.name)}`;
  if (f.kind === 'enum') return { sql: col, decode: null };
  switch (f.type) {
    case 'String':
    case 'Int':
    case 'Float':
    case 'Boolean':
    case 'Json':
      return { sql: col, decode: null };
    case 'BigInt':
      // As text: JSON numbers lose precision above 2^53.
      return f.isList ? { sql: `${col}::text[]`, decode: (v) => (v as string[] | null)?.map(BigInt) ?? null } : { sql: `${col}::text`, decode: (v) => (v === null ? null : BigInt(v as string)) };
    case 'DateTime':
      // As milliseconds since the epoch: a number is cheaper to parse than a timestamp's text, both here and in JSON.
      return f.isList
        ? { sql: col, decode: (v) => (v as string[] | null)?.map(toDate) ?? null }
        : { sql: `floor(extract(epoch from ${col}) * 1000)::bigint`, decode: (v) => (v === null ? null : new Date(v as number)) };
    default:
      throw new Unsupported(`${f.type} column ${f.name}`);
  }
}

/** A list of `timestamp(3)` as JSON (`2026-01-01T00:00:00.123`, stored in UTC) or of `date` (`2026-01-01`). */
function toDate(s: string): Date {
  return new Date(s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`);
}

function idField(model: string): DmmfField {
  const f = models[model]?.fields.find((x) => x.isId);
  if (!f) throw new Unsupported(`${model} has no single id`);
  return f;
}

/** The join condition between a parent row (`parent`) and a related row (`child`). */
function joinCondition(model: string, rel: DmmfField, parent: string, child: string): string {
  const from = rel.relationFromFields ?? [];
  if (from.length === 1) {
    // The parent holds the foreign key.
    return `${child}.${q(idField(rel.type).name)} = ${parent}.${q(from[0]!)}`;
  }
  const back = models[rel.type]!.fields.find((x) => x.kind === 'object' && x.relationName === rel.relationName && x !== rel);
  if (!back || back.relationFromFields?.length !== 1) throw new Unsupported(`relation ${model}.${rel.name}`);
  return `${child}.${q(back.relationFromFields[0]!)} = ${parent}.${q(idField(model).name)}`;
}

type Params = unknown[];

interface ObjectPlan {
  sql: string;
  decode: (row: Record<string, unknown>) => Record<string, unknown>;
}

const NESTED_KEYS = new Set(['select', 'include', 'orderBy', 'take', 'skip']);

function orderByClause(model: string, alias: string, orderBy: unknown): string {
  if (orderBy === undefined) return '';
  const list = Array.isArray(orderBy) ? orderBy : [orderBy];
  const parts: string[] = [];
  for (const item of list) {
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      const f = models[model]!.fields.find((x) => x.name === name);
      // `{ sort, nulls }` as well as the bare direction; without `nulls`, PostgreSQL's default (as Prisma leaves it).
      const { sort: dir, nulls, ...rest } = typeof value === 'string' ? { sort: value } : ((value ?? {}) as { sort?: unknown; nulls?: unknown });
      if (!f || f.kind === 'object' || (dir !== 'asc' && dir !== 'desc') || Object.keys(rest).length) throw new Unsupported(`orderBy ${name}`);
      if (nulls !== undefined && nulls !== 'first' && nulls !== 'last') throw new Unsupported(`orderBy ${name} nulls`);
      parts.push(`${alias}.${q(name)} ${dir === 'asc' ? 'ASC' : 'DESC'}${nulls ? ` NULLS ${nulls === 'first' ? 'FIRST' : 'LAST'}` : ''}`);
    }
  }
  return parts.length ? ` ORDER BY ${parts.join(', ')}` : '';
}

function limitClause(take: unknown, skip: unknown, params: Params): string {
  let sql = '';
  if (take !== undefined) {
    if (typeof take !== 'number' || !Number.isInteger(take) || take < 0) throw new Unsupported('take');
    params.push(take);
    sql += ` LIMIT $${params.length}`;
  }
  if (skip !== undefined && skip !== 0) {
    if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0) throw new Unsupported('skip');
    params.push(skip);
    sql += ` OFFSET $${params.length}`;
  }
  return sql;
}

let aliasCounter = 0;

/**
 * A JSON object for one row of `model` (table alias `alias`) with the fields Prisma would return for
 * `tree`: every scalar with `include` (or neither), only the chosen ones with `select`.
 */
function objectPlan(
  model: string,
  alias: string,
  tree: Record<string, unknown> | true,
  params: Params,
  extras: Record<string, ExtraRow> = {},
  projection?: Projection,
): ObjectPlan {
  const fields = models[model]?.fields;
  if (!fields) throw new Unsupported(`model ${model}`);
  const args = tree === true ? {} : tree;
  for (const k of Object.keys(args)) if (!NESTED_KEYS.has(k)) throw new Unsupported(`argument ${k}`);
  const select = args.select as Record<string, unknown> | undefined;
  const include = args.include as Record<string, unknown> | undefined;
  if (select && include) throw new Unsupported('select with include');
  const columns: [key: string, sql: string][] = [];
  const decoders: [string, Decoder][] = [];
  const relations = new Map<string, unknown>();
  /** Columns left out by the projection (include mode only: a `select` already names its columns). */
  const missing = new Set<string>();
  if (select) {
    for (const [name, value] of Object.entries(select)) {
      if (!value) continue;
      const f = fields.find((x) => x.name === name);
      if (!f) throw new Unsupported(`field ${model}.${name}`);
      if (f.kind === 'object') relations.set(name, value);
      else if (value === true) {
        const s = scalar(alias, f);
        columns.push([name, s.sql]);
        if (s.decode) decoders.push([name, s.decode]);
      } else throw new Unsupported(`select ${name}`);
    }
  } else {
    const keep = projection?.columns;
    for (const f of fields) {
      if (f.kind === 'object') continue;
      if (keep && !keep.has(f.name) && !isKey(model, f)) {
        missing.add(f.name);
        continue;
      }
      const s = scalar(alias, f);
      columns.push([f.name, s.sql]);
      if (s.decode) decoders.push([f.name, s.decode]);
    }
    for (const [name, value] of Object.entries(include ?? {})) {
      if (!value) continue;
      const f = fields.find((x) => x.name === name);
      if (!f || f.kind !== 'object') throw new Unsupported(`include ${model}.${name}`);
      relations.set(name, value);
    }
  }
  for (const [name, value] of relations) {
    const rel = fields.find((x) => x.name === name)!;
    const child = `r${++aliasCounter}`;
    const nested = value === true ? {} : (value as Record<string, unknown>);
    const inner = objectPlan(rel.type, child, value === true ? true : nested, params, {}, projection?.relations.get(name));
    const on = joinCondition(model, rel, alias, child);
    if (rel.isList) {
      const order = orderByClause(rel.type, child, nested.orderBy);
      if (nested.take === undefined && !nested.skip) {
        columns.push([name, `(SELECT coalesce(json_agg(${inner.sql}${order}), '[]'::json) FROM ${q(rel.type)} ${child} WHERE ${on})`]);
      } else {
        const limit = limitClause(nested.take, nested.skip, params);
        const x = `x${++aliasCounter}`;
        // A page of the relation: numbered rows keep its order through the aggregate.
        columns.push([
          name,
          `(SELECT coalesce(json_agg(${x}.j ORDER BY ${x}.n), '[]'::json) FROM (SELECT ${inner.sql} AS j, row_number() OVER (${order.trim()}) AS n FROM ${q(rel.type)} ${child} WHERE ${on}${order}${limit}) ${x})`,
        ]);
      }
      decoders.push([name, (v) => (v as Record<string, unknown>[]).map(inner.decode)]);
    } else {
      if (nested.orderBy !== undefined || nested.take !== undefined || nested.skip !== undefined) throw new Unsupported(`to-one ${name} with list arguments`);
      columns.push([name, `(SELECT ${inner.sql} FROM ${q(rel.type)} ${child} WHERE ${on} LIMIT 1)`]);
      decoders.push([name, (v) => (v === null ? null : inner.decode(v as Record<string, unknown>))]);
    }
  }
  for (const [name, extra] of Object.entries(extras)) {
    const child = `r${++aliasCounter}`;
    const inner = objectPlan(extra.model, child, true, params, {}, projection?.fields.get(name));
    const order = orderByClause(extra.model, child, extra.orderBy);
    columns.push([name, `(SELECT ${inner.sql} FROM ${q(extra.model)} ${child} WHERE ${extra.where(child, alias)}${order} LIMIT 1)`]);
    decoders.push([name, (v) => (v === null ? null : inner.decode(v as Record<string, unknown>))]);
  }
  // json_build_object takes at most 100 arguments (50 keys); wider rows go through row_to_json.
  const sql =
    columns.length <= 50
      ? `json_build_object(${columns.map(([key, sql]) => `'${key}', ${sql}`).join(', ')})`
      : `(SELECT row_to_json(o) FROM (SELECT ${columns.map(([key, sql]) => `${sql} AS ${q(key)}`).join(', ')}) o)`;
  const guard = STRICT && missing.size > 0;
  return {
    sql,
    decode: (row) => {
      for (const [name, d] of decoders) row[name] = d(row[name]);
      return guard ? guarded(model, row, missing) : row;
    },
  };
}

/** Casts a parameter to a column's type, so comparisons use the column's own type (and its indexes). */
function castFor(f: DmmfField): string {
  if (f.kind === 'enum') return `::${q(f.type)}`;
  switch (f.type) {
    case 'String':
      return '::text';
    case 'Int':
      return '::int';
    case 'BigInt':
      return '::bigint';
    case 'Boolean':
      return '::boolean';
    case 'DateTime':
      return '::timestamp(3)';
    default:
      throw new Unsupported(`filter on ${f.type}`);
  }
}

/**
 * A filter value's place: statements are compiled once per shape of arguments (`compileFind`), and
 * the values of `where` are bound each time the statement runs.
 */
class Slot {
  constructor(readonly index: number) {}
  toJSON(): string {
    return '?';
  }
}

/** A filter value as the driver takes it. */
function bindable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  return v;
}

const isFilterValue = (v: unknown) => v instanceof Date || ['string', 'number', 'boolean', 'bigint'].includes(typeof v);

function param(f: DmmfField, v: unknown, params: Params): string {
  if (!(v instanceof Slot)) throw new Unsupported('filter value');
  params.push(v);
  return `$${params.length}${castFor(f)}`;
}

/** `where` with every filter value replaced by its slot (the values go to `values`, in order). */
function slotted(where: unknown, values: unknown[]): unknown {
  if (isFilterValue(where)) {
    values.push(where);
    return new Slot(values.length - 1);
  }
  if (Array.isArray(where)) return where.map((w) => slotted(w, values));
  if (where === null || typeof where !== 'object') return where;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(where)) out[k] = slotted(v, values);
  return out;
}

const OPERATORS: Record<string, string> = { equals: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** A `where` of scalar conditions only: equality, `in`, comparisons, `not` on required columns, and `AND`. */
function whereClause(model: string, alias: string, where: Record<string, unknown> | undefined, params: Params): string[] {
  const parts: string[] = [];
  for (const [name, cond] of Object.entries(where ?? {})) {
    if (cond === undefined) continue;
    if (name === 'AND') {
      for (const w of Array.isArray(cond) ? cond : [cond]) parts.push(...whereClause(model, alias, w as Record<string, unknown>, params));
      continue;
    }
    const f = models[model]!.fields.find((x) => x.name === name);
    if (!f || f.kind === 'object' || f.isList) throw new Unsupported(`filter ${name}`);
    const col = `${alias}.${q(name)}`;
    if (cond === null) {
      parts.push(`${col} IS NULL`);
    } else if (typeof cond !== 'object' || cond instanceof Slot) {
      parts.push(`${col} = ${param(f, cond, params)}`);
    } else {
      for (const [op, v] of Object.entries(cond as Record<string, unknown>)) {
        if (v === undefined) continue;
        if (op === 'in') {
          if (!Array.isArray(v)) throw new Unsupported('in');
          if (v.length === 0) {
            parts.push('FALSE');
            continue;
          }
          const elems = v.map((x) => param(f, x, params));
          parts.push(`${col} IN (${elems.join(', ')})`);
        } else if (op === 'not' && f.isRequired && v instanceof Slot) {
          // On a required column `not` is plain inequality (on a nullable one Prisma's NULL handling differs: not covered).
          parts.push(`${col} <> ${param(f, v, params)}`);
        } else if (OPERATORS[op]) {
          if (v === null) throw new Unsupported(`${op} null`);
          parts.push(`${col} ${OPERATORS[op]} ${param(f, v, params)}`);
        } else throw new Unsupported(`filter operator ${op}`);
      }
    }
  }
  return parts;
}

export interface CompiledFind {
  sql: string;
  params: unknown[];
  /** Turns the statement's rows into Prisma's result rows; `total` is the match count before paging. */
  decode(rows: Record<string, unknown>[]): { rows: Record<string, unknown>[]; total: number | null };
}

/** One row of another model attached to each root row under an extra key (all its scalar fields). */
export interface ExtraRow {
  model: string;
  /** SQL condition relating the extra row (alias `child`) to the root row (alias `parent`). */
  where: (child: string, parent: string) => string;
  orderBy?: Record<string, 'asc' | 'desc'>;
}

export interface FindOptions {
  /** Also return the number of matching rows before `take`/`skip` (`count(*) OVER ()`). */
  total?: boolean;
  /** Extra keys on each root row, each holding one row of another model or null. */
  extras?: Record<string, ExtraRow>;
  /** The columns to load (projection.ts); without it, every column of every row. */
  projection?: Projection;
}

/** Compiled statements by model, options and shape of arguments; at most this many, oldest dropped first. */
const compiled = new Map<string, CompiledFind | null>();
const MAX_SHAPES = 500;
const extraIds = new WeakMap<ExtraRow, number>();
let extraCount = 0;

function extraKey(extras: Record<string, ExtraRow> | undefined): string {
  return Object.entries(extras ?? {})
    .map(([name, e]) => {
      let id = extraIds.get(e);
      if (id === undefined) extraIds.set(e, (id = ++extraCount));
      return `${name}#${id}`;
    })
    .join(',');
}

/**
 * One statement for `prisma[model].findMany(args)` (or `findUnique` with `take: 1`), or null when
 * the arguments are outside the covered subset. Compiled once per shape of arguments (everything
 * but the values in `where`), then bound to this call's values.
 */
export function compileFind(model: string, args: Record<string, unknown>, options: FindOptions = {}): CompiledFind | null {
  const values: unknown[] = [];
  const shaped = 'where' in args ? { ...args, where: slotted(args.where, values) } : args;
  const key = `${model}|${options.total ? 1 : 0}|${extraKey(options.extras)}|${options.projection?.key ?? '*'}|${JSON.stringify(shaped, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
  let entry = compiled.get(key);
  if (entry === undefined) {
    entry = compileShape(model, shaped, options);
    if (compiled.size >= MAX_SHAPES) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, entry);
  }
  if (!entry) return null;
  return { ...entry, params: entry.params.map((p) => (p instanceof Slot ? bindable(values[p.index]) : p)) };
}

function compileShape(model: string, args: Record<string, unknown>, options: FindOptions): CompiledFind | null {
  try {
    for (const k of Object.keys(args)) if (!['select', 'include', 'where', 'orderBy', 'take', 'skip'].includes(k)) throw new Unsupported(`argument ${k}`);
    const params: Params = [];
    aliasCounter = 0; // the same arguments give the same text, so statements can be prepared once
    const { where, orderBy, take, skip, ...tree } = args;
    const plan = objectPlan(model, 't', tree, params, options.extras, options.projection);
    const conditions = whereClause(model, 't', where as Record<string, unknown> | undefined, params);
    const order = orderByClause(model, 't', orderBy);
    const limit = limitClause(take, skip, params);
    const sql =
      `SELECT ${plan.sql} AS j${options.total ? ', (count(*) OVER ())::int AS total' : ''} FROM ${q(model)} t` +
      `${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}${order}${limit}`;
    return {
      sql,
      params,
      decode: (rows) => ({
        rows: rows.map((r) => plan.decode(r.j as Record<string, unknown>)),
        total: options.total ? ((rows[0]?.total as number | undefined) ?? null) : null,
      }),
    };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
