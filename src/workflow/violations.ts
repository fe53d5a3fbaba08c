import type { Violation } from '../domain/violation.js';
import { violation } from '../validation/common.js';

/** A national rule broken at the workflow level (positional shorthand for the validators' `violation`). */
export function national(field: string, rule: string, message: string, messageEn: string, source?: string): Violation {
  return violation({ field, rule, message, messageEn, source });
}
