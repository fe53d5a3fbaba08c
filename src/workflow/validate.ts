/**
 * Validation of a filing's data: load the facts (src/workflow/facts.ts), then judge them with the
 * pure rules (src/workflow/decide/filing.ts).
 */
import type { Context } from '../context.js';
import type { Violation } from '../domain/violation.js';
import { filingViolations, type ValidateFilingArgs } from './decide/filing.js';
import { loadFilingFacts } from './facts.js';

export { accessMethodFor, addressRegion, type ValidateFilingArgs } from './decide/filing.js';

/** Every rule a filing must satisfy, national and provincial, reported together. */
export async function validateFiling(ctx: Context, a: ValidateFilingArgs): Promise<Violation[]> {
  return filingViolations(a, await loadFilingFacts(ctx, a));
}
