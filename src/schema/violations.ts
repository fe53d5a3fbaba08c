import type { Violation } from '../domain/violation.js';

/** A national (not province-specific) violation raised by the API layer itself. */
export function national(field: string, rule: string, message: string, messageEn: string, source?: string): Violation {
  return { field, rule: `national/${rule}`, message, messageEn, module: 'national', source };
}
