// GraphQL Code Generator: typed documents for the operations in src/, from the checked-in contract.
// `npm run examples:check` (repository root) generates src/gql/ and type-checks the example.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // The API's custom scalars as they travel in JSON.
        scalars: { DateTime: 'string', Date: 'string', File: 'File' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
