// Lint of the GraphQL contract (schema/schema.graphql) with @graphql-eslint: its schema-recommended
// and Relay rule sets, plus descriptions on every field, argument, input field and enum value.
// `npm run lint:schema` runs it and `.ci/run` expects zero findings. No rule is turned off; two are
// configured, each with its reason below.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default [
  {
    files: ['schema/schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql' } } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      // Configured: entities (Account, Subject, Website, Order, OrderEvent, Material, ServerInstance,
      // AuditEntry) are Nodes with a global `id`. These types are values with no identity of their own, always read through their
      // parent: connections and edges, payloads and errors (by suffix), and the value objects listed.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Connection', 'ConnectionEdge', 'Error', 'Payload', 'Proposal', 'Result', 'Count', 'Counts', 'Entry', 'Vocabulary', 'Vocabularies'],
            types: [
              'AuditDetail',
              'AppDomain',
              'AppPlatform',
              'AppSdk',
              'DevelopmentSmsMessage',
              'Domain',
              'EventWebsite',
              'FieldComment',
              'InstanceImportRejection',
              'OrderEventDetail',
              'OrderSchedule',
              'OrderWebsite',
              'PageInfo',
              'Person',
              'PreApproval',
              'Province',
              'ProviderPolicy',
              'ProvinceRule',
              'Requirement',
              'ReviewEstimate',
              'RuleDeclaration',
              'RuleRef',
              'RuleScope',
              'ServiceCode',
              'SiteLimitAdvisory',
              'SiteLimits',
              'SmsRequirement',
              'SmsVerification',
              'SourceDocument',
              'Violation',
            ],
          },
        },
      ],
      // Configured: the Relay rule set forbids any list that is not a connection's edges. Lists of
      // values that are never paged (a website's domains, an order's materials, violations, rules,
      // vocabularies) and the `nodes` shortcut on connections stay plain lists; every list of
      // entities that grows without bound (orders, subjects, websites, accounts, history) is a
      // connection, and edges still must end in `Edge` and point to a Node.
      '@graphql-eslint/relay-edge-types': ['error', { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
