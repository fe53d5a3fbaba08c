/** The server itself, imported by src/main.ts once the embedded database's copy is under way. */
import { warmDictionaries } from '../provinces/index.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { describeError } from './server/logging.js';

const started = performance.now();
const config = loadConfig();
const app = await buildApp({ config });
const url = await app.start();
// Read the place-name and idiom lists right after listening (≈ 0.6 s), so that the first website-name
// check does not wait for them and start-up does not either.
setImmediate(warmDictionaries);
const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dir}` : 'PostgreSQL';
app.logger.info({ url: `${url}/graphql`, database: where, ms: Math.round(performance.now() - started) }, `ICP filing API ready at ${url}/graphql`);

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (++signals > 1) process.exit(1);
    app.logger.info({ signal }, 'Finishing open requests and closing the database');
    app.stop().then(
      () => {
        app.logger.info('Stopped');
        app.logger.flush();
        process.exit(0);
      },
      (err: unknown) => {
        app.logger.fatal({ err: describeError(err) }, 'Shutdown failed');
        process.exit(1);
      },
    );
  });
}
