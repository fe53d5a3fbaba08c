import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module for everyone: Pothos loads graphql's CommonJS build, so the tests must too.
  resolve: { alias: { graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts', 'provinces/**/*.test.ts'],
    // Tests wait on conditions, never on the clock; these bounds only stop a hung test, and are wide
    // enough for a 2-core machine running something else besides (see README "Tests").
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Many files wait on sockets, timers and child processes: one worker per core keeps the cores busy.
    // At most 8: each worker holds an in-memory PGlite and a server (a few hundred MiB).
    maxWorkers: Math.min(8, availableParallelism()),
    globalSetup: ['test/support/global-setup.ts'],
    // Read-model rows throw when a resolver reads a column they were not loaded with (src/read-models/projection.ts).
    env: { READ_MODELS_STRICT: 'true' },
  },
});
