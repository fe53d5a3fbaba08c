import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { maskCertificateNumber, maskEmail, maskPhone } from '../validation/index.js';
import { CertificateTypeEnum } from './enums.js';

/**
 * Reads a personal-data field in full. Owners read their own data freely; a reviewer's read is
 * written to the audit trail first, so every disclosure to staff is on record.
 */
export async function disclose(ctx: Context, ownerId: string, targetType: string, targetId: string, field: string, value: string) {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  if (viewer.accountId === ownerId) return value;
  if (viewer.role === 'APPLICANT') return null;
  await ctx.db.prisma.auditEntry.create({
    data: { actorId: viewer.accountId, action: 'PERSONAL_DATA_VIEWED', targetType, targetId, field },
  });
  return value;
}

/** A 负责人. Lists show masked values; the `*Full` fields disclose (and audit) the full ones. */
export const PersonType = builder.prismaObject('Person', {
  description: '负责人: a subject principal or a website principal (互联网信息服务负责人).',
  extensions: { reads: [] },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name as on the identity document.' }),
    certificateType: t.expose('certificateType', { type: CertificateTypeEnum, description: 'Identity document type.' }),
    certificateNumber: t.string({
      description: 'Masked, e.g. `110***********123X`.',
      extensions: { reads: ['certificateNumber'] },
      resolve: (p) => maskCertificateNumber(p.certificateNumber),
    }),
    validFrom: t.expose('validFrom', { type: 'Date', nullable: true, description: 'First day the identity document is valid.' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true, description: 'Last day it is valid; null when long-term (长期).' }),
    longTerm: t.exposeBoolean('longTerm', { description: 'Valid without end (长期).' }),
    mobile: t.string({ description: 'Masked, e.g. `138****1234`.', extensions: { reads: ['mobile'] }, resolve: (p) => maskPhone(p.mobile) }),
    phone2: t.string({ nullable: true, description: 'Phone 2, units only (masked).', extensions: { reads: ['phone2'] }, resolve: (p) => (p.phone2 ? maskPhone(p.phone2) : null) }),
    emergencyPhone: t.string({ nullable: true, description: 'Emergency phone (masked).', extensions: { reads: ['emergencyPhone'] }, resolve: (p) => (p.emergencyPhone ? maskPhone(p.emergencyPhone) : null) }),
    email: t.string({ description: 'Email (masked).', extensions: { reads: ['email'] }, resolve: (p) => maskEmail(p.email) }),
  }),
});
