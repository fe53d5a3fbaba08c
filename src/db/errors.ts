/**
 * Whether an error is a unique-constraint violation, from either driver: Prisma reports P2002, and
 * some adapter versions pass the database error (SQLSTATE 23505) through as it came.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { code?: string; message?: string; cause?: unknown };
  if (err.code === 'P2002' || err.code === '23505') return true;
  if (typeof err.message === 'string' && /unique constraint/i.test(err.message)) return true;
  return err.cause !== undefined && err.cause !== e && isUniqueViolation(err.cause);
}
