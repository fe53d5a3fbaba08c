import type { OrderStatus } from './vocabulary.js';
import type { Violation } from './violation.js';

/** Input broke one or more rules; every violation is listed, none is applied. */
export class ValidationFailed extends Error {
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => `${v.field}: ${v.messageEn} [${v.rule}]`).join('; ') || 'Invalid input');
    this.name = 'ValidationFailed';
  }
}

/** The thing asked for does not exist, or the viewer may not see it (the two are not told apart). */
export class NotFound extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFound';
  }
}

/** Someone else changed the order first (optimistic concurrency). */
export class Conflict extends Error {
  constructor(
    message: string,
    readonly currentStatus: OrderStatus,
    readonly currentVersion: number,
  ) {
    super(message);
    this.name = 'Conflict';
  }
}

/** The order's state machine does not allow the action from its current status. */
export class InvalidTransition extends Error {
  constructor(
    readonly action: string,
    readonly currentStatus: OrderStatus,
  ) {
    super(`Cannot ${action} an order in status ${currentStatus}`);
    this.name = 'InvalidTransition';
  }
}

/** Wrong email or password, or an expired session. */
export class AuthenticationFailed extends Error {
  constructor(message = 'Wrong email or password') {
    super(message);
    this.name = 'AuthenticationFailed';
  }
}
