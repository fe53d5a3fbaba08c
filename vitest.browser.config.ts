import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The browser suite: GraphiQL and the reviewers' board in a real headless Chromium with the network
 * cut off (test/browser). Not part of `npm test` (it needs Debian's `chromium`); `npm run test:browser`
 * and `.ci/run` run it. One file at a time: each drives one browser.
 */
export default defineConfig({
  resolve: { alias: { graphql: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) } },
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
