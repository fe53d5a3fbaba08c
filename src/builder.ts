import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Context } from './context.js';
import type PrismaTypes from './generated/pothos-types.js';
import { getDatamodel } from './generated/pothos-types.js';
import { resolveNode } from './read-models/index.js';

export interface AuthScopes {
  /** Any signed-in account. */
  signedIn: boolean;
  applicant: boolean;
  /** Reviewers and admins. */
  reviewer: boolean;
  admin: boolean;
  /** A request made with an integration token holding this scope (src/auth/integration.ts). */
  integration: string;
}

/**
 * The one schema builder. Plugin order matters: scope-auth first so that every field is checked
 * before anything else runs; errors before prisma so typed errors wrap Prisma-backed fields.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    File: { Input: File; Output: never };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      applicant: ctx.viewer?.role === 'APPLICANT',
      reviewer: ctx.viewer?.role === 'REVIEWER' || ctx.viewer?.role === 'ADMIN',
      admin: ctx.viewer?.role === 'ADMIN',
      integration: (scope: string) => !!ctx.integration?.scopes.includes(scope),
    }),
    unauthorizedError: (_parent, ctx) =>
      new GraphQLError(ctx.viewer ? 'Not allowed for this account' : 'Sign in first', {
        extensions: { code: ctx.viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED' },
      }),
    treatErrorsAsUnauthorized: true,
    // Subscriptions are authorised when they start, not only when an event arrives.
    authorizeOnSubscribe: true,
  },
  errors: {
    defaultTypes: [],
    directResult: true,
  },
  prisma: {
    client: (ctx) => ctx.db.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    // Unknown and not-yours are the same answer, null, and each id of `nodes` answers for itself.
    // Orders come from their read model (one statement); every other node the usual way.
    // Every lookup, the read model's general fallback included, goes through the visibility check.
    nodeQueryOptions: {
      description: 'Fetches any object by its global id; null when it does not exist or is not yours.',
      args: { id: { description: 'A global id, as `id` fields give it.' } },
      resolve: (root, args, ctx, info, general): Promise<never> =>
        visibleNode(ctx, args.id, () => resolveNode(root, args as never, ctx, info, general)) as Promise<never>,
    },
    nodesQueryOptions: {
      description: 'Fetches several objects by global id, in the order asked; null for each that does not exist or is not yours.',
      args: { ids: { description: 'Global ids, as `id` fields give them.' } },
      resolve: (_root, args, ctx, info): Promise<never[]> => visibleNodes(ctx, info, args.ids) as Promise<never[]>,
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    idFieldOptions: { description: 'Global id: pass it to `node`, `nodes` and every `…Id` argument.', extensions: { reads: ['id'] } },
    nodeTypeOptions: { description: 'Anything that can be fetched again by its global id (Relay).' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay cursor pagination).' },
    hasNextPageFieldOptions: { description: 'More items follow `endCursor`.' },
    hasPreviousPageFieldOptions: { description: 'More items precede `startCursor`.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the page; pass it as `after` for the next page.' },
    defaultConnectionTypeOptions: { description: 'A page of a list (Relay connection).' },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the list.' },
    edgesFieldOptions: { nullable: false, description: 'The items of the page, with cursors.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Pass as `after` or `before` to page from this item.' },
    nodesOnConnection: { description: 'The items of the page, without cursors.' },
    firstArgOptions: { description: 'Page size from the start (or after `after`).' },
    lastArgOptions: { description: 'Page size from the end (or before `before`).' },
    afterArgOptions: { description: 'A cursor: items after it.' },
    beforeArgOptions: { description: 'A cursor: items before it.' },
  },
});

type GlobalId = { typename: string; id: string };

/**
 * One `node` lookup: the object when it exists and the viewer may see it (an applicant sees what
 * their account owns and their own account; staff see everything), otherwise null without an error.
 */
async function visibleNode(ctx: Context, globalId: GlobalId | null | undefined, load: () => unknown): Promise<unknown> {
  if (!globalId || !ctx.viewer) return null;
  let found: unknown;
  try {
    found = await load();
  } catch {
    return null; // no such row, or no such node type
  }
  if (!found || typeof found !== 'object') return null;
  const viewer = ctx.viewer;
  if (viewer.role !== 'APPLICANT') return found;
  const row = found as { id?: unknown; ownerId?: unknown };
  if (globalId.typename === 'Account') return row.id === viewer.accountId ? found : null;
  return row.ownerId === viewer.accountId ? found : null;
}

/** Each id of `nodes` on its own: one unknown or foreign id is null and spoils nothing else. */
function visibleNodes(ctx: Context, info: GraphQLResolveInfo, ids: readonly (GlobalId | null | undefined)[]): Promise<unknown[]> {
  const relayBuilder = builder as unknown as Parameters<typeof resolveNodes>[0];
  return Promise.all(ids.map((id) => visibleNode(ctx, id, async () => (await resolveNodes(relayBuilder, ctx, info, [id as never]))[0])));
}

builder.queryType({ description: 'Reads: the viewer, lists, orders, province rules and the wizard’s checks.' });
builder.mutationType({
  description: 'Writes. Each returns its result or a typed error (a union); send `version` back with order actions.',
});
builder.subscriptionType({ description: 'Live order status over graphql-ws (or SSE), resumable with `after`.' });
