import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
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
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodesOnConnection: true,
    // Orders come from their read model (one statement); every other node the usual way.
    nodeQueryOptions: { resolve: (root, args, ctx, info, general) => resolveNode(root, args as never, ctx, info, general) as never },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
