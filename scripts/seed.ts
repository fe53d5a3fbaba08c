/** Loads the demo data set into the configured database (`npm run db:seed`); a no-op when it has data. */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/seed/demo.js';

const config = loadConfig();
const db = await openDatabase(config.database);
try {
  if (await seedDemo(db.prisma, config.passwordHashCost)) {
    console.log(`Demo data loaded. Sign in as ${Object.values(DEMO_ACCOUNTS).join(', ')} with password ${DEMO_PASSWORD}.`);
  } else {
    console.log('The database already has accounts; the demo data set was not loaded.');
  }
} finally {
  await db.close();
}
