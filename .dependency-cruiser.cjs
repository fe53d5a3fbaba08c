/**
 * The layers of this code base, checked in CI (`npm run deps`, .ci/run); README.md "Layers" lists
 * them. Each rule's comment says why it exists.
 */
/** Modules that talk to a database: the database layer, the generated client, the drivers. */
const DATABASE = ['^src/db/', '^src/generated/prisma/', '^src/events/relay\\.ts$', 'node_modules/(@prisma|\\.prisma|pg|pglite-prisma-adapter|@electric-sql)/'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: each module can be read, tested and loaded on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'provinces-stand-alone',
      severity: 'error',
      comment:
        'Province modules are data with sources, readable without the server: they import nothing from src/ but the ' +
        'shared, pure vocabulary and calendar in src/domain/.',
      from: { path: '^provinces/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'validation-is-pure',
      severity: 'error',
      comment: 'National validators take values and return violations: no database, no schema, no workflow, no server.',
      from: { path: '^src/validation/' },
      to: { path: [...DATABASE, '^src/schema/', '^src/workflow/', '^src/server/', '^src/app\\.ts$', '^src/context\\.ts$'] },
    },
    {
      name: 'deciders-are-pure',
      severity: 'error',
      comment:
        'Deciders (src/workflow/decide/) judge loaded facts: no database, no schema, no clock, no I/O, and none of the ' +
        'workflow modules that load or commit (engine, facts, drafts, lifecycle, change-filing, sms, numbers).',
      from: { path: '^src/workflow/decide/' },
      to: { path: [...DATABASE, '^src/schema/', '^src/server/', '^src/clock\\.ts$', '^src/context\\.ts$', '^src/(events|auth|sms|materials)/', '^src/workflow/(engine|facts|drafts|lifecycle|change-filing|sms|numbers|validate|filing-type|materials|registry|sweeper)\\.ts$', '^(node:)?(fs|fs/promises|http|https|child_process|dgram|dns|worker_threads)$'] },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds vocabulary, errors and violations shared by every layer; it depends on nothing above it.',
      from: { path: '^src/domain/' },
      to: { path: [...DATABASE, '^src/(schema|workflow|server|events|auth)/', '^src/app\\.ts$', '^provinces/'] },
    },
    {
      name: 'schema-above-database',
      severity: 'error',
      comment:
        'The GraphQL schema reaches the database through the context (ctx.db) and the workflow, not by importing the ' +
        'database layer; only src/db/errors.ts (error classification) is shared.',
      from: { path: '^src/schema/' },
      to: { path: '^src/db/', pathNot: '^src/db/errors\\.ts$' },
    },
    {
      name: 'workflow-below-schema',
      severity: 'error',
      comment: 'The workflow does not know the GraphQL layer or the HTTP server.',
      from: { path: '^src/workflow/' },
      to: { path: ['^src/schema/', '^src/server/', '^src/app\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
