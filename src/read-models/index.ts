/**
 * Read models for the hot pages: the reviewers' order list and the order detail. Each answers the
 * query Pothos planned for the page (the same `include` tree Prisma would get) with one SQL
 * statement that builds the rows and their relations as JSON, and hands Pothos the rows with the
 * relations already loaded, so no field below needs another statement. Whatever the compiler does
 * not cover goes the general way through Prisma; the answers are the same either way
 * (test/performance/read-models.test.ts compares them). `READ_MODELS=false` turns them off.
 */
import { brandWithType, createContextCache } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { Database } from '../db/index.js';
import type { Order } from '../generated/prisma/client.js';
import { compileFind, type CompiledFind, type ExtraRow } from './compile.js';
import { projectionFor } from './projection.js';

/**
 * Statement names by text. PostgreSQL then parses and plans each read model's statement once per
 * connection instead of on every request (planning the detail's took as long as running it). A
 * bounded number: each name stays prepared on every pooled connection.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 100;

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_PREPARED) {
    name = `read_model_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

async function run(db: Database, compiled: CompiledFind) {
  const started = performance.now();
  const rows = await db.sql.query(compiled.sql, compiled.params, statementName(compiled.sql));
  db.recorder.record({ sql: compiled.sql, durationMs: performance.now() - started });
  return compiled.decode(rows);
}

/** `Order.latestEvent`: the newest history entry, the same row the batched loader reads. */
const LATEST_EVENT: ExtraRow = { model: 'OrderEvent', where: (e, o) => `${e}."orderId" = ${o}."id"`, orderBy: { id: 'desc' } };

/** Key under which a read model leaves an order's newest event (null when it has none). */
export const PRELOADED_LATEST_EVENT = 'latestEvent';

/** Totals counted by the list statement, by the connection's arguments object (the same one `totalCount` gets). */
const pageTotals = createContextCache(() => new WeakMap<object, number>());

/**
 * The order list: one statement for the page, its relations, each order's latest event (when
 * selected) and the total. Null when the arguments are outside what the compiler covers.
 */
export function readOrderPage(ctx: Context, prismaArgs: Record<string, unknown>, connectionArgs: object, info: GraphQLResolveInfo): Promise<Order[]> | null {
  if (!ctx.config.readModels || 'cursor' in prismaArgs) return null;
  const compiled = compileFind('Order', prismaArgs, { total: true, extras: latestEventExtra(info), projection: projectionFor(info, 'Order') });
  if (!compiled) return null;
  return run(ctx.db, compiled).then(({ rows, total }) => {
    // An empty page past the end says nothing about the total; the count then runs on its own.
    if (total !== null || !prismaArgs.skip) pageTotals(ctx).set(connectionArgs, total ?? 0);
    return rows as unknown as Order[];
  });
}

/** The total the list statement counted for these connection arguments, if it ran. */
export function pageTotal(ctx: Context, connectionArgs: object): number | undefined {
  return pageTotals(ctx).get(connectionArgs);
}

interface NodeArgs {
  id: { typename: string; id: string };
}

/**
 * `node(id:)` for orders: one statement for the order and everything the query selects below it.
 * Other types, a missing order and uncovered selections take the general path (`resolveNode`).
 */
export function resolveNode(_root: unknown, args: NodeArgs, ctx: Context, info: GraphQLResolveInfo, general: (id: never) => unknown): unknown {
  if (args.id.typename !== 'Order' || !ctx.config.readModels) return general(args.id as never);
  const load = (query: Record<string, unknown>) => {
    const compiled = compileFind('Order', { ...query, where: { id: args.id.id }, take: 1 }, { extras: latestEventExtra(info), projection: projectionFor(info, 'Order') });
    if (!compiled) return general(args.id as never);
    return run(ctx.db, compiled).then(({ rows }) => {
      const order = rows[0];
      if (!order) return general(args.id as never);
      brandWithType(order, 'Order' as never);
      return order;
    });
  };
  const query = queryFromInfo({ context: ctx, info, typeName: 'Order', awaitSelections: true }) as
    | Record<string, unknown>
    | Promise<Record<string, unknown>>;
  return query instanceof Promise ? query.then(load) : load(query);
}

function latestEventExtra(info: GraphQLResolveInfo): Record<string, ExtraRow> {
  return selectsField(info, PRELOADED_LATEST_EVENT) ? { [PRELOADED_LATEST_EVENT]: LATEST_EVENT } : {};
}

/** Whether the operation selects a field of this name anywhere below the current field. */
function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const visit = (selections: readonly { kind: string; name?: { value: string }; selectionSet?: { selections: readonly any[] } }[]): boolean => {
    for (const s of selections) {
      if (s.kind === 'Field' && s.name!.value === name) return true;
      if (s.kind === 'FragmentSpread') {
        const f = s.name!.value;
        if (seen.has(f)) continue;
        seen.add(f);
        const fragment = info.fragments[f];
        if (fragment && visit(fragment.selectionSet.selections)) return true;
      } else if (s.selectionSet && visit(s.selectionSet.selections)) return true;
    }
    return false;
  };
  return info.fieldNodes.some((n) => n.selectionSet !== undefined && visit(n.selectionSet.selections));
}
