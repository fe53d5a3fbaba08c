/**
 * `npm start`: runs the built server (dist/server/main.js, made by `npm run build` at install). If any
 * source file is newer than the build, it builds again first, so a stale build never runs.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildServer } from './build.mjs';

const BUILT = 'dist/server/main.js';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(p));
    else latest = Math.max(latest, statSync(p).mtimeMs);
  }
  return latest;
}

let built = 0;
try {
  built = statSync(BUILT).mtimeMs;
} catch {
  // not built yet
}
if (built < Math.max(newest('src'), newest('provinces'), statSync('package.json').mtimeMs)) {
  console.error('Source changed since the last build: building dist/server first');
  await buildServer();
}
await import(path.resolve(BUILT));
