/**
 * A broken rule, as every validator and province module reports it. The GraphQL layer turns a list
 * of these into a typed `ValidationError` payload, so each one must say which field, which rule and
 * (for province rules) which province module applied it.
 */
export interface Violation {
  /** Path of the offending input field, e.g. `subject.principal.mobile` or `websites[1].name`. */
  field: string;
  /** Stable rule id, e.g. `national/resident-id-checksum` or `hubei/websites-per-order`. */
  rule: string;
  /** Message in Chinese, for the applicant. */
  message: string;
  /** Message in English, for logs and non-Chinese clients. */
  messageEn: string;
  /** Province module code that applied the rule (pinyin, e.g. `hubei`), or `national`. */
  module: string;
  /** Where the rule comes from: a seed file name or a public source. */
  source?: string;
  /** The text that triggered the rule, when there is one (a banned word, a bad character). */
  matched?: string;
  /**
   * `warning`: reported to the applicant, never a refusal (a rule from an old or undated source, a word
   * prone to false positives). Left out: an error.
   */
  severity?: 'warning';
  /** For warnings on a matched word: the text around it, so the applicant can judge (`王小明的[购]物`). */
  context?: string;
}

/** Whether a violation refuses the input (every violation but a warning). */
export function isRefusal(violation: Violation): boolean {
  return violation.severity !== 'warning';
}
