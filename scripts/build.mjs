/**
 * `npm run build` (also run by `npm install`): compiles the server into one JavaScript file per entry
 * in dist/server/ (esbuild; dependencies stay in node_modules), then makes the embedded database's
 * migrated template (src/db/template.ts). `npm start` runs the built server; `npm run dev` keeps tsx.
 * `--no-template` builds the code only.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

/**
 * provinces/registry.ts finds the province modules by reading its folder and imports them by name; a
 * bundle has neither the folder nor the files. Between its `build:` markers the registry's two helpers
 * are replaced with the file list found now and static imports, so every module is in the bundle.
 */
export const provinceModules = {
  name: 'province-modules',
  setup(b) {
    b.onLoad({ filter: /[\\/]provinces[\\/]registry\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const files = readdirSync(dirname(args.path)).filter((file) => /^[a-z]+\.ts$/.test(file) && file !== 'registry.ts');
      const generated = [
        `function moduleFiles(): string[] { return ${JSON.stringify(files)}; }`,
        `const MODULES: Record<string, () => Promise<{ default?: ProvinceModule }>> = {`,
        ...files.map((file) => `  ${JSON.stringify(file.slice(0, -3))}: () => import(${JSON.stringify(`./${file}`)}),`),
        `};`,
        `function importModule(code: string): Promise<{ default?: ProvinceModule }> { return MODULES[code]!(); }`,
      ].join('\n');
      const begin = source.indexOf('// build:begin');
      const end = source.indexOf('// build:end');
      if (begin < 0 || end < 0) throw new Error('provinces/registry.ts: build markers not found');
      return { contents: source.slice(0, begin) + generated + '\n' + source.slice(end), loader: 'ts' };
    });
  },
};

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
    // src/main.ts imports the application dynamically (it starts the database copy first): a chunk of
    // its own, loaded only then, in the same folder (module-relative paths).
    splitting: true,
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [provinceModules],
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
