/**
 * Builds the in-process benchmarks the way the server is built (scripts/build.mjs: esbuild, province
 * modules bundled, dependencies from node_modules), so they measure the code `npm start` runs rather
 * than tsx's output. `npm run bench` calls this; alone: `node bench/build.mjs`.
 */
import { build } from 'esbuild';
import { provinceModules } from '../scripts/build.mjs';

export const BENCH_ENTRIES = { provinces: 'bench/provinces.ts', 'name-segmentation': 'bench/name-segmentation.ts' };

export async function buildBench() {
  await build({
    entryPoints: BENCH_ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Two folders deep, like the server's build, so module-relative paths hold.
    outdir: 'dist/bench',
    logLevel: 'warning',
    plugins: [provinceModules],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildBench();
