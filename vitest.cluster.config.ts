import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The cluster suite: several server processes on PostgreSQL + Redis (TEST_DATABASE_URL, REDIS_URL).
 * Not part of `npm test`; `.ci/run` runs it. Files run one after another: each starts its own
 * processes, and they share one Redis.
 */
export default defineConfig({
  resolve: { alias: { graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) } },
  test: {
    include: ['test/cluster/**/*.cluster.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
