import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { seedDemo } from './seed/demo.js';

const started = performance.now();
const config = loadConfig();
const app = await buildApp({ config });
if (config.seedDemo) {
  const seeded = await seedDemo(app.services.db.prisma);
  if (seeded) console.log('Loaded the demo data set (see README "Demo data").');
}
const url = await app.start();
const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dir}` : 'PostgreSQL';
console.log(`ICP filing API ready at ${url}/graphql (${where}) in ${Math.round(performance.now() - started)} ms`);

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (++signals > 1) process.exit(1);
    console.log(`${signal}: finishing open requests and closing the database…`);
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
