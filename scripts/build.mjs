/**
 * `npm run build` (also run by `npm install`): compiles the server into one JavaScript file per entry
 * in dist/server/ (esbuild; dependencies stay in node_modules), then makes the embedded database's
 * migrated template (src/db/template.ts). `npm start` runs the built server; `npm run dev` keeps tsx.
 * `--no-template` builds the code only.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

export const ENTRIES = { main: 'src/main.ts', 'make-template': 'src/db/make-template.ts' };

export async function buildServer() {
  await build({
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Two folders deep, like src/<dir>/, so paths relative to a module (prisma/migrations) still hold.
    outdir: 'dist/server',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await buildServer();
  console.log(`Built dist/server in ${Math.round(performance.now() - started)} ms`);
  if (!process.argv.includes('--no-template')) {
    const r = spawnSync(process.execPath, ['dist/server/make-template.js'], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
