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

/** The table (model) a unique violation hit, when the error says (`Domain`, `Subject`, …). */
export function uniqueViolationModel(e: unknown): string | null {
  if (!isUniqueViolation(e)) return null;
  const seen = new Set<unknown>();
  const texts: string[] = [];
  for (let cur: unknown = e; cur && typeof cur === 'object' && !seen.has(cur); cur = (cur as { cause?: unknown }).cause) {
    seen.add(cur);
    const err = cur as { message?: string; meta?: unknown; constraint?: string };
    texts.push(err.message ?? '', JSON.stringify(err.meta ?? null), err.constraint ?? '');
  }
  const m = /"?([A-Z][A-Za-z]+)_[A-Za-z_]+_key"?/.exec(texts.join(' ')) ?? /modelName":"([A-Za-z]+)"/.exec(texts.join(' '));
  return m?.[1] ?? null;
}
