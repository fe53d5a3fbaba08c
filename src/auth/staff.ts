import type { Prisma } from '../db/index.js';
import type { Role } from '../generated/prisma/enums.js';
import { hashPassword } from './passwords.js';

/** Creates (or resets the password and role of) a staff account; used by `npm run staff` and tests. */
export async function upsertStaffAccount(prisma: Prisma, input: { email: string; password: string; displayName: string; role: Role }, cost?: number) {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password, cost);
  return prisma.account.upsert({
    where: { email },
    create: { email, passwordHash, displayName: input.displayName, role: input.role },
    update: { passwordHash, role: input.role, disabledAt: null },
  });
}
