/**
 * Creates a reviewer or admin account: `npm run staff -- --email a@b.cn --role ADMIN --name 管理员`
 * (the password is read from STAFF_PASSWORD, so it stays out of shell history).
 */
import { parseArgs } from 'node:util';
import { upsertStaffAccount } from '../src/auth/staff.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/index.js';

const { values } = parseArgs({
  options: { email: { type: 'string' }, role: { type: 'string', default: 'REVIEWER' }, name: { type: 'string' } },
});
const password = process.env.STAFF_PASSWORD;
if (!values.email || !password || password.length < 10 || !['REVIEWER', 'ADMIN'].includes(values.role!)) {
  console.error('Usage: STAFF_PASSWORD=… npm run staff -- --email EMAIL [--role REVIEWER|ADMIN] [--name NAME] (password ≥ 10 characters)');
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config.database);
try {
  const account = await upsertStaffAccount(db.prisma, {
    email: values.email,
    password,
    displayName: values.name ?? values.email,
    role: values.role as 'REVIEWER' | 'ADMIN',
  }, config.passwordHashCost);
  console.log(`${account.role} ${account.email} is ready.`);
} finally {
  await db.close();
}
