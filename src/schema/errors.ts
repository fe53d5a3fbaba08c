import { builder } from '../builder.js';
import { OrderStatusEnum } from './enums.js';
import type { Violation } from '../domain/violation.js';
import { AuthenticationFailed, Conflict, InvalidTransition, NotFound, ValidationFailed } from '../domain/errors.js';

export { AuthenticationFailed, Conflict, InvalidTransition, NotFound, ValidationFailed };

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every typed error a mutation can return.',
  fields: (t) => ({
    message: t.exposeString('message'),
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
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ValidationFailed,
  fields: (t) => ({
    violations: t.field({ type: [ViolationType], resolve: (e) => e.violations }),
  }),
});

builder.objectType(NotFound, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof NotFound,
  fields: (t) => ({ what: t.exposeString('what') }),
});

builder.objectType(Conflict, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof Conflict,
  fields: (t) => ({
    currentStatus: t.expose('currentStatus', { type: OrderStatusEnum }),
    currentVersion: t.exposeInt('currentVersion'),
  }),
});

builder.objectType(InvalidTransition, {
  name: 'InvalidTransitionError',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof InvalidTransition,
  fields: (t) => ({
    action: t.exposeString('action'),
    currentStatus: t.expose('currentStatus', { type: OrderStatusEnum }),
  }),
});

builder.objectType(AuthenticationFailed, {
  name: 'AuthenticationError',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof AuthenticationFailed,
  fields: () => ({}),
});

/** The error types most mutations can return. */
export const COMMON_ERRORS = [ValidationFailed, NotFound, Conflict, InvalidTransition];
