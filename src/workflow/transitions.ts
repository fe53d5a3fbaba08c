import type { OrderStatus } from '../generated/prisma/enums.js';

/** Who may perform an action: the order's owner, a reviewer/admin, or the system itself (timers). */
export type ActorKind = 'APPLICANT' | 'REVIEWER' | 'SYSTEM';

export interface ActionSpec {
  /** Statuses the action may start from. */
  from: readonly OrderStatus[];
  /** Statuses the action may lead to (the workflow picks one when there are several). */
  to: readonly OrderStatus[];
  actor: ActorKind;
  /** The action needs a reason (shown to the applicant). */
  needsReason?: boolean;
  description: string;
}

/** States from which the applicant can still edit and (re)submit. */
export const EDITABLE: readonly OrderStatus[] = ['DRAFT', 'INITIAL_REJECTED', 'NEEDS_CHANGES', 'MIIT_REJECTED'];

/** Final states: nothing leaves them. */
export const FINAL: readonly OrderStatus[] = ['APPROVED', 'WITHDRAWN', 'EXPIRED'];

/** States in which an order is "in progress" for its subject and domains (only one per subject). */
export const IN_PROGRESS: readonly OrderStatus[] = [
  'DRAFT',
  'PENDING_INITIAL_REVIEW',
  'INITIAL_REJECTED',
  'NEEDS_CHANGES',
  'AWAITING_MAILED_MATERIALS',
  'PENDING_SMS_VERIFICATION',
  'PENDING_MIIT_REVIEW',
  'MIIT_REJECTED',
];

/** Submitted states in which an order counts as in flight with the provider or the 管局. */
export const IN_FLIGHT: readonly OrderStatus[] = ['PENDING_INITIAL_REVIEW', 'AWAITING_MAILED_MATERIALS', 'PENDING_SMS_VERIFICATION', 'PENDING_MIIT_REVIEW'];

/**
 * The order state machine (../DOMAIN.md "Order lifecycle"; seeds 000, 002 §5–§9, 003). Every status
 * change goes through one of these actions; anything else is refused with the current status.
 */
export const ACTIONS = {
  submit: {
    from: EDITABLE,
    to: ['PENDING_INITIAL_REVIEW'],
    actor: 'APPLICANT',
    description: 'Submit (or resubmit after changes) for the provider’s initial review (提交初审).',
  },
  withdraw: {
    from: [
      'DRAFT',
      'PENDING_INITIAL_REVIEW',
      'INITIAL_REJECTED',
      'NEEDS_CHANGES',
      'AWAITING_MAILED_MATERIALS',
      'PENDING_SMS_VERIFICATION',
      'MIIT_REJECTED',
    ],
    to: ['WITHDRAWN'],
    actor: 'APPLICANT',
    description: 'Revoke the application before the 管局 stage (撤销备案申请).',
  },
  approveInitialReview: {
    from: ['PENDING_INITIAL_REVIEW'],
    to: ['AWAITING_MAILED_MATERIALS', 'PENDING_SMS_VERIFICATION', 'PENDING_MIIT_REVIEW'],
    actor: 'REVIEWER',
    description: 'Pass the initial review (初审通过); next come mailed materials, SMS verification or the 管局.',
  },
  rejectInitialReview: {
    from: ['PENDING_INITIAL_REVIEW'],
    to: ['INITIAL_REJECTED'],
    actor: 'REVIEWER',
    needsReason: true,
    description: 'Reject in initial review (初审驳回); the applicant edits and resubmits.',
  },
  requestChanges: {
    from: ['PENDING_INITIAL_REVIEW'],
    to: ['NEEDS_CHANGES'],
    actor: 'REVIEWER',
    needsReason: true,
    description: 'Ask the applicant to complete or fix fields (待完善资料), with per-field comments.',
  },
  markMaterialsReceived: {
    from: ['AWAITING_MAILED_MATERIALS'],
    to: ['PENDING_SMS_VERIFICATION', 'PENDING_MIIT_REVIEW'],
    actor: 'REVIEWER',
    description: 'Record that the mailed materials arrived (邮寄资料已收到).',
  },
  completeSmsVerification: {
    from: ['PENDING_SMS_VERIFICATION'],
    to: ['PENDING_MIIT_REVIEW'],
    actor: 'SYSTEM',
    description: 'All required SMS codes were verified (短信核验完成).',
  },
  returnForSmsTimeout: {
    from: ['PENDING_SMS_VERIFICATION'],
    to: ['NEEDS_CHANGES'],
    actor: 'SYSTEM',
    needsReason: true,
    description: 'SMS verification not completed within 24 h, or too many wrong codes: the order is returned (seed 003).',
  },
  recordMiitApproval: {
    from: ['PENDING_MIIT_REVIEW'],
    to: ['APPROVED'],
    actor: 'REVIEWER',
    description: 'The 管局 approved the filing (备案成功); ICP numbers are assigned.',
  },
  recordMiitRejection: {
    from: ['PENDING_MIIT_REVIEW'],
    to: ['MIIT_REJECTED'],
    actor: 'REVIEWER',
    needsReason: true,
    description: 'The 管局 rejected the filing (管局驳回); the applicant may fix and resubmit.',
  },
  expire: {
    from: IN_PROGRESS.filter((s) => s !== 'PENDING_MIIT_REVIEW'),
    to: ['EXPIRED'],
    actor: 'SYSTEM',
    description: 'The order passed its validity (45 days from first submission, seed 002 §9).',
  },
} as const satisfies Record<string, ActionSpec>;

export type OrderAction = keyof typeof ACTIONS;

/** Whether `action` may move an order from `from` to `to`. */
export function isAllowed(action: OrderAction, from: OrderStatus, to: OrderStatus): boolean {
  const spec: ActionSpec = ACTIONS[action];
  return spec.from.includes(from) && spec.to.includes(to);
}

/** Every (from → to) pair the machine allows, for documentation and property tests. */
export function allowedEdges(): Array<{ action: OrderAction; from: OrderStatus; to: OrderStatus }> {
  const out: Array<{ action: OrderAction; from: OrderStatus; to: OrderStatus }> = [];
  for (const [action, spec] of Object.entries(ACTIONS) as [OrderAction, ActionSpec][]) {
    for (const from of spec.from) for (const to of spec.to) out.push({ action, from, to });
  }
  return out;
}
