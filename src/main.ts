import { warmDictionaries } from '../provinces/index.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { describeError } from './server/logging.js';

const started = performance.now();
const config = loadConfig();
const app = await buildApp({ config });
// Read the place-name and idiom lists now, so the first website-name check does not wait for them.
warmDictionaries();
const url = await app.start();
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
