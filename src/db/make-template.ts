/** `node dist/server/make-template.js` (run by `npm run build`): makes the embedded database's template. */
import { makeTemplate, TEMPLATE_DIR } from './template.js';

const started = performance.now();
await makeTemplate();
console.log(`PGlite template with every migration in ${TEMPLATE_DIR} (${Math.round(performance.now() - started)} ms)`);
