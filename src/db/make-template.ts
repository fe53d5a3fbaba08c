/** `node dist/server/make-template.js` (run by `npm run build`): makes the embedded database's template, unless it is up to date (`--force` remakes it). */
import { makeTemplate, TEMPLATE_DIR, templateIsCurrent } from './template.js';

const started = performance.now();
if (!process.argv.includes('--force') && templateIsCurrent()) {
  console.log(`PGlite template in ${TEMPLATE_DIR} is up to date`);
} else {
  await makeTemplate();
  console.log(`PGlite template with every migration in ${TEMPLATE_DIR} (${Math.round(performance.now() - started)} ms)`);
}
