/**
 * Every province module, found on disk: each `<code>.ts` file of this folder that is not a test, the
 * national module or part of the kit. Adding a province is adding its file (and its test); nothing is
 * listed by hand. A module's default export must come from `defineProvince`, which checks it at load.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProvinceModule } from './kit/types.js';

// build:begin — scripts/build.mjs replaces these two with the files it finds and static imports of them,
// since a bundle has no folder of modules to read.
/** The names of the files in this folder. */
function moduleFiles(): string[] {
  return readdirSync(fileURLToPath(new URL('.', import.meta.url)));
}

/** One module file, by code. */
function importModule(code: string): Promise<{ default?: ProvinceModule }> {
  return import(/* @vite-ignore */ `./${code}.js`);
}
// build:end

/** Files of this folder that are not province modules. */
const NOT_MODULES = new Set(['index', 'national', 'registry']);

/** Codes of the module files, sorted: `anhui`, `beijing`, … */
export function moduleFileCodes(): string[] {
  return moduleFiles()
    .map((file) => /^([a-z]+)\.(?:ts|js)$/.exec(file)?.[1])
    .filter((code): code is string => code !== undefined && !NOT_MODULES.has(code))
    .filter((code, index, all) => all.indexOf(code) === index)
    .sort();
}

async function load(): Promise<ProvinceModule[]> {
  const modules = await Promise.all(
    moduleFileCodes().map(async (code) => {
      const loaded = await importModule(code);
      const module = loaded.default;
      if (!module || typeof module !== 'object' || module.code !== code) {
        throw new Error(
          `provinces/${code}.ts must export default defineProvince({ code: '${code}', … }); found code ${JSON.stringify(module?.code)}`,
        );
      }
      return module;
    }),
  );
  return modules.sort((a, b) => a.code.localeCompare(b.code));
}

/** Every province module, sorted by code. */
export const PROVINCES: readonly ProvinceModule[] = await load();
