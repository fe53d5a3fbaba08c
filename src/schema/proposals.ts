import type { Context } from '../context.js';
import { maskCertificateNumber, maskEmail, maskPhone } from '../validation/index.js';

const MASKS: Record<string, (v: string) => string> = {
  certificateNumber: maskCertificateNumber,
  hkMacauIdentityNumber: maskCertificateNumber,
  mobile: maskPhone,
  phone2: maskPhone,
  emergencyPhone: maskPhone,
  email: maskEmail,
};

function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && MASKS[k] ? MASKS[k](v) : maskDeep(v)]),
  );
}

/**
 * A proposed change as stored (subject or website information, people included). Its owner reads
 * it as entered; anyone else (reviewers) reads personal fields masked, as in every other list.
 */
export function proposalFor(ctx: Context, ownerId: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return ctx.viewer?.accountId === ownerId ? value : maskDeep(value);
}
