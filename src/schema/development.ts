import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { builder } from '../builder.js';
import { OutboxSmsGateway, type OutboxEntry } from '../sms/outbox.js';

/** Query fields that exist only outside production; `productionSchema` removes them. */
const DEVELOPMENT_FIELDS = new Set(['developmentSmsOutbox']);
const DEVELOPMENT_TYPES = new Set(['DevelopmentSmsMessage']);

const DevelopmentSmsMessage = builder.objectRef<OutboxEntry>('DevelopmentSmsMessage').implement({
  description: 'Development only: a text message the development SMS gateway kept instead of sending. Absent from the production schema.',
  fields: (t) => ({
    messageId: t.exposeString('messageId', { description: 'Id the development gateway gave the message.' }),
    to: t.exposeString('to', { description: 'The mobile number it was addressed to, in full.' }),
    template: t.exposeString('template', { description: 'Message type (template id), e.g. `ICP_VERIFICATION_CODE`.' }),
    text: t.exposeString('text', { description: 'The text the phone would show (Chinese template filled in).' }),
    code: t.string({ nullable: true, description: 'The verification code it carries, if any.', resolve: (m) => m.params.code ?? null }),
    orderNumber: t.string({ nullable: true, description: 'The order number it is about, if any.', resolve: (m) => m.params.order ?? null }),
    sentAt: t.field({ type: 'DateTime', description: 'When the gateway took it.', resolve: (m) => m.at }),
  }),
});

builder.queryField('developmentSmsOutbox', (t) =>
  t.field({
    type: [DevelopmentSmsMessage],
    authScopes: { signedIn: true },
    description:
      'Development only (absent in production): the messages the development SMS gateway kept in this server process, newest first, ' +
      'so a developer can read an SMS code without a phone. Empty when SMS_GATEWAY=http.',
    args: {
      mobile: t.arg.string({ required: false, description: 'Only messages to this mobile number.' }),
      last: t.arg.int({ required: false, defaultValue: 20, description: 'How many messages, at most 100.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.sms instanceof OutboxSmsGateway ? ctx.sms.list(args.mobile?.replace(/\s+/g, ''), Math.max(0, Math.min(args.last ?? 20, 100))) : [],
  }),
);

/** The schema as production serves it: every development-only field and type removed, not just refused. */
export function productionSchema(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const query = schema.getQueryType()!;
  const queryConfig = query.toConfig();
  const fields = Object.fromEntries(Object.entries(queryConfig.fields).filter(([name]) => !DEVELOPMENT_FIELDS.has(name)));
  const productionQuery = new GraphQLObjectType({ ...queryConfig, fields });
  return new GraphQLSchema({
    ...config,
    query: productionQuery,
    types: config.types.filter((t) => !DEVELOPMENT_TYPES.has(t.name) && t !== query),
  });
}
