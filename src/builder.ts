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
    JSON: { Input: unknown; Output: unknown };
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
    nodeQueryOptions: {
      resolve: (root, args, ctx, info, general): Promise<never> =>
        visibleNode(ctx, args.id, () => resolveNode(root, args as never, ctx, info, general)) as Promise<never>,
    },
    nodesQueryOptions: { resolve: (_root, args, ctx, info): Promise<never[]> => visibleNodes(ctx, info, args.ids) as Promise<never[]> },
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodesOnConnection: true,
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

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
