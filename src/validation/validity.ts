/**
 * Validity period of a principal's identity document (证件有效期). Seed 000: identity documents must
 * stay valid for more than 3 months; seed 003: the start date is entered, or "long-term" (长期) chosen.
 */
import type { Violation } from '../domain/violation.js';
import { SOURCE, violation } from './common.js';
import { addMonths, toDay } from './dates.js';

/** Months a document must still be valid after the day of filing (seed 000). */
export const MIN_REMAINING_VALIDITY_MONTHS = 3;

export interface DocumentValidity {
  /** First day of validity: a `Date` (read as its Asia/Shanghai day) or `YYYY-MM-DD`. */
  validFrom?: Date | string | null;
  /** Last day of validity; ignored when `longTerm`. */
  validTo?: Date | string | null;
  /** 长期有效: the document has no end date. */
  longTerm: boolean;
  now: Date;
}

/**
 * The document has started (validFrom is not after today), ends after validFrom, and — unless
 * long-term — has an end date more than 3 calendar months after today (today 2024-11-30 needs an end
 * after 2025-02-28). validFrom is optional; an unreadable date gets `document-date-invalid`. All
 * violations use `field`.
 */
export function validateDocumentValidity(input: DocumentValidity, field: string): Violation[] {
  const at = (rule: string, message: string, messageEn: string, matched?: string) =>
    violation({ field, rule, message, messageEn, source: SOURCE.seed000, matched });
  const today = toDay(input.now);
  const from = input.validFrom == null ? undefined : toDay(input.validFrom);
  const to = input.longTerm || input.validTo == null ? undefined : toDay(input.validTo);
  if (today === null || from === null || to === null) {
    return [at('document-date-invalid', '证件有效期日期无效', 'A validity date is not a valid calendar date')];
  }
  const out: Violation[] = [];
  if (from !== undefined && from > today) {
    out.push(at('document-not-yet-valid', '证件有效期起始日期不能晚于今天', 'The document is not valid yet (its start date is in the future)', from));
  }
  if (!input.longTerm && to === undefined) {
    out.push(at('document-valid-to-required', '请填写证件有效期截止日期，或选择长期有效', 'Enter the expiry date or mark the document long-term'));
  }
  if (to !== undefined) {
    const minimum = addMonths(today, MIN_REMAINING_VALIDITY_MONTHS);
    if (to <= minimum) {
      out.push(
        at(
          'document-expiring',
          `证件有效期须在${MIN_REMAINING_VALIDITY_MONTHS}个月以上（截止日期须晚于${minimum}）`,
          `The document must stay valid for more than ${MIN_REMAINING_VALIDITY_MONTHS} months (expiry after ${minimum})`,
          to,
        ),
      );
    }
    if (from !== undefined && from >= to) {
      out.push(at('document-validity-order', '证件有效期起始日期须早于截止日期', 'The start date must be before the expiry date', `${from}/${to}`));
    }
  }
  return out;
}
