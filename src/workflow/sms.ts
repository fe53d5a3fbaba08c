import { createHash, randomInt } from 'node:crypto';
import { certificateSuffix, smsRequirement } from '../../provinces/index.js';
import type { Context } from '../context.js';
import { Conflict, NotFound, ValidationFailed } from '../domain/errors.js';
import type { SmsRole } from '../generated/prisma/enums.js';
import { maskPhone } from '../validation/index.js';
import type { SmsMessage } from '../ports.js';
import { renderSms } from '../sms/templates.js';
import { subjectProposal, websiteProposal } from './change-filing.js';
import { decideResend, decideSmsEntry, decideWrongEntry, smsViolation } from './decide/sms.js';
import { appendEvent, inTransaction, transition, type Actor, type Tx } from './engine.js';
import type { PersonData } from './filing-data.js';

export type { SmsGateway, SmsMessage } from '../ports.js';
export { OutboxSmsGateway } from '../sms/outbox.js';

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

function newCode(length: number): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}

function codeMessage(to: string, code: string, orderNumber: string, hours: number): SmsMessage {
  return renderSms(to, 'ICP_VERIFICATION_CODE', { code, order: orderNumber, hours: String(hours) });
}

/**
 * Decides whether the order needs 短信核验 under the rules in force at its submission, and if so
 * creates one code per distinct mobile number of the people the province rule names. Returns the
 * messages to send once the transaction has committed (an empty list: no verification needed).
 */
export async function issueSmsCodes(ctx: Context, tx: Tx, orderId: string): Promise<SmsMessage[]> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      subject: { include: { principal: true } },
      websites: { include: { website: { include: { principal: true } } } },
    },
  });
  const changes = order.filingType === 'CHANGE';
  const req = smsRequirement({
    province: order.provinceCode,
    filingType: order.filingType,
    at: order.submittedAt ?? ctx.clock.now(),
    subjectChanged: changes ? order.subjectChanges !== null : undefined,
    websiteChanged: changes ? order.websites.some((w) => w.action === 'CHANGE') : undefined,
  });
  if (!req.required || req.roles.length === 0) return [];

  type Verifier = Pick<PersonData, 'mobile' | 'certificateType' | 'certificateNumber' | 'hkMacauIdentityNumber'>;
  const people = new Map<string, { person: Verifier; roles: Set<SmsRole> }>();
  const add = (person: Verifier, role: SmsRole) => {
    const entry = people.get(person.mobile) ?? { person, roles: new Set<SmsRole>() };
    entry.roles.add(role);
    people.set(person.mobile, entry);
  };
  // A change filing is verified by the people it proposes (a new principal receives the code).
  const subjectPrincipal = (changes ? subjectProposal(order)?.principal : null) ?? order.subject.principal;
  if (req.roles.includes('SUBJECT_PRINCIPAL')) add(subjectPrincipal, 'SUBJECT_PRINCIPAL');
  if (req.roles.includes('WEBSITE_PRINCIPAL')) {
    for (const w of order.websites) {
      if (w.action === 'KEEP') continue;
      const proposed = changes ? websiteProposal(w) : null;
      add(proposed ? (proposed.principal ?? subjectPrincipal) : w.website.principal, 'WEBSITE_PRINCIPAL');
    }
  }

  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + req.codeValidityHours * 3_600_000);
  await tx.smsVerification.deleteMany({ where: { orderId } });
  const messages: SmsMessage[] = [];
  for (const [mobile, { person, roles }] of people) {
    const suffix = certificateSuffix({
      province: order.provinceCode,
      certificateType: person.certificateType,
      certificateNumber: person.certificateNumber,
      hkMacauIdentityNumber: person.hkMacauIdentityNumber ?? undefined,
      at: now,
    });
    const code = newCode(req.codeLength);
    await tx.smsVerification.create({
      data: {
        orderId,
        mobile,
        roles: [...roles],
        certificateSuffixHash: hash(orderId, mobile, normaliseSuffix(suffix.suffix ?? '')),
        codeHash: hash(orderId, mobile, code),
        sentAt: now,
        expiresAt,
      },
    });
    messages.push(codeMessage(mobile, code, order.number, req.codeValidityHours));
  }
  await tx.order.update({ where: { id: orderId }, data: { smsDeadline: expiresAt } });
  await appendEvent(tx, {
    orderId,
    type: 'SMS_SENT',
    actor: { id: null, role: 'SYSTEM' },
    detail: { mobiles: [...people.keys()].map(maskPhone), rules: req.rules.map((r) => r.id) },
  });
  return messages;
}

/** Full-width and half-width parentheses, case and spaces do not matter when comparing suffixes. */
function normaliseSuffix(s: string): string {
  return s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').toUpperCase();
}

export async function sendAll(ctx: Context, messages: SmsMessage[]): Promise<void> {
  for (const m of messages) await ctx.sms.send(m);
}

/**
 * Checks one code (短信核验): mobile + code + certificate suffix. A wrong entry counts an attempt; when
 * the province's attempt limit is reached the order is returned to the applicant. When every
 * required number is verified the order moves to the 管局 stage by itself.
 */
export async function verifySmsCode(
  ctx: Context,
  args: { orderId: string; mobile: string; code: string; certificateSuffix: string; actor: Actor },
) {
  const outcome = await inTransaction(ctx, async (tx) => {
    const order = await tx.order.findUnique({ where: { id: args.orderId } });
    const mobile = args.mobile.replace(/\s+/g, '');
    const v = order ? await tx.smsVerification.findUnique({ where: { orderId_mobile: { orderId: order.id, mobile } } }) : null;
    const now = ctx.clock.now();
    if (decideSmsEntry({ order, caller: { accountId: args.actor.id, role: 'APPLICANT' }, verification: v, now }) === 'done') return { verified: true, order: order! };
    if (!order || !v) throw new NotFound('Order');
    const req = smsRequirement({ province: order.provinceCode, filingType: order.filingType, at: order.submittedAt ?? now });
    // Count the attempt first, atomically, and decide from the count the write returned: of eight
    // guesses at once exactly `maxAttempts` are counted, and the one that reaches it returns the order.
    const [counted] = await tx.smsVerification.updateManyAndReturn({
      where: { id: v.id, attemptCount: { lt: req.maxAttempts }, verifiedAt: null },
      data: { attemptCount: { increment: 1 } },
      select: { attemptCount: true },
    });
    if (!counted) throw new Conflict('No attempts left for this code', order.status, order.version);
    const ok =
      hash(order.id, mobile, args.code.trim()) === v.codeHash &&
      hash(order.id, mobile, normaliseSuffix(args.certificateSuffix)) === v.certificateSuffixHash;
    if (!ok) {
      const wrong = decideWrongEntry(counted.attemptCount, req);
      if (wrong.returnOrder) {
        await transition(tx, {
          orderId: order.id,
          action: 'returnForSmsTimeout',
          to: 'NEEDS_CHANGES',
          actor: { id: null, role: 'SYSTEM' },
          reason: wrong.reason,
          data: { smsDeadline: null },
        });
        return { verified: false, returned: true, order };
      }
      return { verified: false, order, attemptsLeft: wrong.attemptsLeft };
    }
    await tx.smsVerification.update({ where: { id: v.id }, data: { verifiedAt: now } });
    await appendEvent(tx, { orderId: order.id, type: 'SMS_VERIFIED', actor: args.actor, detail: { mobile: maskPhone(mobile) } });
    const open = await tx.smsVerification.count({ where: { orderId: order.id, verifiedAt: null } });
    if (open === 0) {
      await transition(tx, {
        orderId: order.id,
        action: 'completeSmsVerification',
        to: 'PENDING_MIIT_REVIEW',
        actor: { id: null, role: 'SYSTEM' },
        data: { smsDeadline: null },
      });
    }
    return { verified: true, order };
  });
  if (!outcome.verified && !('returned' in outcome && outcome.returned)) {
    throw new ValidationFailed([
      smsViolation(
        'code',
        'sms-code-wrong',
        `验证码或证件号码后六位不正确，还可尝试 ${(outcome as { attemptsLeft?: number }).attemptsLeft ?? 0} 次`,
        `Wrong code or certificate suffix; ${(outcome as { attemptsLeft?: number }).attemptsLeft ?? 0} attempts left`,
      ),
    ]);
  }
  return outcome;
}

/** Stands in for the province's rule when there is no order to read it from (the decider answers NotFound first). */
const NO_RULE = { maxAttempts: 0, maxResends: 0, resendIntervalMinutes: 0 };

/** Sends a new code to one number, within the province's resend count and interval. */
export async function resendSmsCode(ctx: Context, args: { orderId: string; mobile: string; actor: Actor }) {
  const message = await inTransaction(ctx, async (tx) => {
    const order = await tx.order.findUnique({ where: { id: args.orderId } });
    const mobile = args.mobile.replace(/\s+/g, '');
    const v = order ? await tx.smsVerification.findUnique({ where: { orderId_mobile: { orderId: order.id, mobile } } }) : null;
    const now = ctx.clock.now();
    const req = order ? smsRequirement({ province: order.provinceCode, filingType: order.filingType, at: order.submittedAt ?? now }) : null;
    decideResend({ order, caller: { accountId: args.actor.id, role: 'APPLICANT' }, verification: v, now, rule: req ?? NO_RULE });
    if (!order || !v || !req) throw new NotFound('Order');
    const code = newCode(req.codeLength);
    const updated = await tx.smsVerification.updateMany({
      where: { id: v.id, resendCount: v.resendCount },
      data: { codeHash: hash(order.id, mobile, code), sentAt: now, attemptCount: 0, resendCount: { increment: 1 } },
    });
    if (updated.count !== 1) throw new Conflict('A code was just resent', order.status, order.version);
    await appendEvent(tx, { orderId: order.id, type: 'SMS_SENT', actor: args.actor, detail: { mobiles: [maskPhone(mobile)], resend: true } });
    return codeMessage(mobile, code, order.number, Math.round((v.expiresAt.getTime() - now.getTime()) / 3_600_000));
  });
  await ctx.sms.send(message);
  return true;
}
