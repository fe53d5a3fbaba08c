/** Server processes for the benchmark: this API (built, as `npm start` runs it) and the PostGraphile peer. */
import { launch, type ServerProcess } from '../test/support/processes.js';

export type { ServerProcess };

/** The built server (`npm run build`), which is what `npm start` runs. */
export const BUILT_SERVER = 'dist/server/main.js';

/** The Node flags `npm start` gives the server (package.json `start`): a larger young generation. */
export const SERVER_NODE_OPTIONS = '--max-semi-space-size=64';

/**
 * This API as production runs it (NODE_ENV=production), on PGlite (`PGLITE_DIR`) or PostgreSQL
 * (`DATABASE_URL`), optionally with Redis. Rate limits are off: the load comes from one address.
 * `BENCH_SERVER_OPTIONS` adds Node options, e.g. `--require ./bench/cpu-profile.cjs` for a CPU profile.
 */
export function startApi(name: string, env: Record<string, string>): Promise<ServerProcess> {
  return launch(
    name,
    BUILT_SERVER,
    { NODE_OPTIONS: `${SERVER_NODE_OPTIONS} ${process.env.BENCH_SERVER_OPTIONS ?? ''}`, NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_STORE: 'off', SWEEP_INTERVAL_MS: '5000', ...env },
    async (url) => (await fetch(`${url}/health`)).ok,
  );
}

/** PostGraphile v5 on the same PostgreSQL tables (bench/peer, its own package). */
export function startPeer(databaseUrl: string): Promise<ServerProcess> {
  return launch('postgraphile', 'bench/peer/server.mjs', { DATABASE_URL: databaseUrl, GRAPHILE_ENV: 'production' }, async (url) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return res.ok;
  });
}
