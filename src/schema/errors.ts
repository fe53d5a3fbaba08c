import { builder } from '../builder.js';
import { OrderStatusEnum } from './enums.js';
import type { Violation } from '../domain/violation.js';
import { AuthenticationFailed, Conflict, InvalidTransition, NotFound, ValidationFailed } from '../domain/errors.js';

export { AuthenticationFailed, Conflict, InvalidTransition, NotFound, ValidationFailed };

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every typed error a mutation can return.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
  }),
});

export const ViolationType = builder.objectRef<Violation>('Violation').implement({
  description: 'One broken rule: which field, which rule, which module applied it, and where the rule comes from.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Path of the input field, e.g. `websites[0].name`.' }),
    rule: t.exposeString('rule', { description: 'Stable rule id, e.g. `hubei/websites-per-order`.' }),
    module: t.exposeString('module', { description: 'Province module code that applied the rule, or `national`.' }),
    message: t.exposeString('message', { description: 'Message in Chinese.' }),
    messageEn: t.exposeString('messageEn', { description: 'Message in English.' }),
    source: t.exposeString('source', { nullable: true, description: 'Seed document or public source of the rule.' }),
    matched: t.exposeString('matched', { nullable: true, description: 'The text that triggered the rule.' }),
    severity: t.string({
      description: '`ERROR` refuses the input; `WARNING` is shown to the applicant and never refuses (an old or undated source, a word prone to false positives).',
      resolve: (v) => (v.severity === 'warning' ? 'WARNING' : 'ERROR'),
    }),
    context: t.exposeString('context', { nullable: true, description: 'For a warning on a matched word: the text around it, the word in brackets.' }),
  }),
});

builder.objectType(ValidationFailed, {
  name: 'ValidationError',
  description: 'The input breaks rules: every broken rule at once, nothing written.',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ValidationFailed,
  fields: (t) => ({
    message: t.exposeString('message', { description: 'A summary.' }),
    violations: t.field({ type: [ViolationType], description: 'Every broken rule.', resolve: (e) => e.violations }),
  }),
});

builder.objectType(NotFound, {
  name: 'NotFoundError',
  description: 'The object does not exist, or is not yours.',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof NotFound,
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What was not found.' }),
    what: t.exposeString('what', { description: 'The kind of object, e.g. `Order`.' }),
  }),
});

builder.objectType(Conflict, {
  name: 'ConflictError',
  description: 'Someone else acted on the order first (stale `version`, or claimed by another reviewer): reload and decide again.',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof Conflict,
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What happened.' }),
    currentStatus: t.expose('currentStatus', { type: OrderStatusEnum, description: 'The order’s status now.' }),
    currentVersion: t.exposeInt('currentVersion', { description: 'The order’s version now.' }),
  }),
});

builder.objectType(InvalidTransition, {
  name: 'InvalidTransitionError',
  description: 'The action is not allowed from the order’s current status.',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof InvalidTransition,
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What was refused.' }),
    action: t.exposeString('action', { description: 'The action refused, e.g. `approveInitialReview`.' }),
    currentStatus: t.expose('currentStatus', { type: OrderStatusEnum, description: 'The order’s status now.' }),
  }),
});

builder.objectType(AuthenticationFailed, {
  name: 'AuthenticationError',
  description: 'Wrong email or password, or the account is disabled (one answer for all, on purpose).',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof AuthenticationFailed,
  fields: (t) => ({ message: t.exposeString('message', { description: 'What failed.' }) }),
});

/** The error types most mutations can return. */
export const COMMON_ERRORS = [ValidationFailed, NotFound, Conflict, InvalidTransition];
