import { isObjectType, isUnionType, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './accounts.js';
import './subjects.js';
import './websites.js';
import './apps.js';
import './orders.js';
import './filing.js';
import './change-filing.js';
import './provinces.js';
import './subscriptions.js';
import './hosting.js';
import './audit.js';
import './development.js';
import './review-queue.js';

/**
 * Describes what the Pothos plugins generate without a hook for a description: the result union of
 * each mutation (errors plugin) and `totalCount` on connections (prisma plugin).
 */
function describeGenerated(schema: GraphQLSchema): GraphQLSchema {
  const mutations = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(mutations)) {
    const type = schema.getType(`Mutation${field.name[0]!.toUpperCase()}${field.name.slice(1)}Result`);
    if (isUnionType(type) && !type.description) {
      const [result, ...errors] = [...type.getTypes()].sort((a, b) => Number(a.name.endsWith('Error')) - Number(b.name.endsWith('Error')));
      type.description = `What \`${field.name}\` returns: ${result!.name}, or one of ${errors.map((e) => e.name).join(', ')}.`;
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const total = type.getFields().totalCount;
    if (total && !total.description) total.description = 'How many items the whole list has, over all pages.';
  }
  return schema;
}

/** The whole API, built once. Field order in the printed contract is alphabetical, so diffs stay small. */
export const schema = describeGenerated(lexicographicSortSchema(builder.toSchema()));
