/**
 * The benchmark's peer: PostGraphile v5 (amber preset) serving this project's PostgreSQL tables, no
 * plugins, no auth. Its own package (bench/peer/package.json), installed by `npm run bench` on first
 * use, so the project's install does not carry it. Started by bench/run.ts with DATABASE_URL and PORT.
 */
import { createServer } from 'node:http';

// PostGraphile 5 targets Node 22; on Node 20 it needs only this one addition.
if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    value() {
      let resolve;
      let reject;
      const promise = new Promise((a, b) => {
        resolve = a;
        reject = b;
      });
      return { promise, resolve, reject };
    },
  });
}

const { postgraphile } = await import('postgraphile');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphiql: false },
});
const server = createServer();
pgl.createServ(grafserv).addTo(server);
server.listen(Number(process.env.PORT ?? 5678), process.env.HOST ?? '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
