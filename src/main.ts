/**
 * The server's entry (`npm start` runs its build). A new embedded database is copied from the template
 * while the application's modules load: the copy starts here, before the rest is imported
 * (src/serve.ts), and the database opens as soon as the copy is whole, still while the modules load.
 */
import { startEarlyOpen, startTemplateCopy } from './db/template.js';

if (!process.env.DATABASE_URL) {
  const dir = process.env.PGLITE_DIR ?? './data/pglite';
  if (!dir.startsWith('memory://')) {
    startTemplateCopy(dir).catch(() => undefined);
    startEarlyOpen(dir);
  }
}
await import('./serve.js');
