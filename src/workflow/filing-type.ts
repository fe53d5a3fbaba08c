import type { Context } from '../context.js';
import type { Violation } from '../domain/violation.js';
import type { CertificateType, FilingType, FilingVariant, SubjectNature } from '../generated/prisma/enums.js';
import { getProvince } from '../../provinces/index.js';
import { normaliseCertificateNumber, parseDomain, validateCertificateNumber, validateCertificateTypeForNature } from '../validation/index.js';
import { national } from './violations.js';
import type { RegistryRecord } from './registry.js';
import { IN_PROGRESS } from './transitions.js';

const SEED = 'seed:002_cda330130d5f816e.txt §1.1';

export interface FilingTypeInput {
  provinceCode: string;
  nature: SubjectNature;
  certificateType: CertificateType;
  certificateNumber: string;
  domain: string;
}

export interface FilingTypeVerdict {
  filingType: FilingType | null;
  variant: FilingVariant | null;
  /** The normalised registrable domain. */
  domain: string | null;
  /** This platform's subject record, when the viewer already has one for this certificate. */
  subjectId: string | null;
  /** The national filing of the domain, for access filings (the entered data must match it). */
  registryRecord: RegistryRecord | null;
  violations: Violation[];
}

/**
 * 验证备案类型 (seed 002 §1.1): decides from region, nature, certificate and domain whether this is a
 * first filing, a new website (subject filed here or elsewhere) or an access filing (新增接入 /
 * 继续接入), or refuses with the seed's reasons.
 */
export async function detectFilingType(ctx: Context, input: FilingTypeInput): Promise<FilingTypeVerdict> {
  const prisma = ctx.db.prisma;
  const violations: Violation[] = [];
  const refuse = (): FilingTypeVerdict => ({
    filingType: null,
    variant: null,
    domain: parsed.ok ? parsed.domain : null,
    subjectId: null,
    registryRecord: null,
    violations,
  });

  const province = getProvince(input.provinceCode);
  if (!province) {
    violations.push(national('provinceCode', 'province-unknown', '未知的省份', `Unknown province ${input.provinceCode}`));
  }
  violations.push(...validateCertificateTypeForNature(input.nature, input.certificateType, 'certificateType'));
  violations.push(...validateCertificateNumber(input.certificateType, input.certificateNumber, 'certificateNumber'));
  const parsed = parseDomain(input.domain);
  if (!parsed.ok) violations.push(...parsed.violations.map((v) => ({ ...v, field: 'domain' })));
  if (violations.length) return refuse();
  const domain = parsed.domain!;
  const certificateNumber = normaliseCertificateNumber(input.certificateType, input.certificateNumber);

  const [localDomain, subject, filedDomain, subjectFilings] = await Promise.all([
    prisma.domain.findUnique({
      where: { name: domain },
      include: {
        website: {
          select: {
            status: true,
            subject: { select: { certificateType: true, certificateNumber: true } },
            orders: { where: { order: { status: { in: [...IN_PROGRESS] } } }, select: { orderId: true } },
          },
        },
      },
    }),
    prisma.subject.findUnique({
      where: { certificateType_certificateNumber: { certificateType: input.certificateType, certificateNumber } },
      select: {
        id: true,
        ownerId: true,
        status: true,
        provinceCode: true,
        orders: { where: { status: { in: [...IN_PROGRESS] } }, select: { id: true } },
      },
    }),
    ctx.registry.findByDomain(domain),
    ctx.registry.findBySubject(input.certificateType, certificateNumber),
  ]);

  if (localDomain?.website.orders.length) {
    violations.push(national('domain', 'domain-order-in-progress', '该域名存在进行中的订单', 'This domain has an order in progress', SEED));
  }
  if (subject && subject.ownerId !== ctx.viewer?.accountId) {
    violations.push(
      national(
        'certificateNumber',
        'subject-exists-elsewhere',
        '该域名对应的主体信息在系统中已经存在',
        'This subject is already managed by another account on this platform',
        SEED,
      ),
    );
  } else if (subject?.orders.length) {
    violations.push(
      national(
        'certificateNumber',
        'subject-order-in-progress',
        '该主体存在进行中的订单，请等待订单完成或撤销后再办理',
        'This subject already has an order in progress; finish or withdraw it first',
        'seed:000_d2f846ec46511894.txt; seed:002_cda330130d5f816e.txt §1.4',
      ),
    );
  }
  const sameSubject = (r: { certificateType: string; certificateNumber: string }) =>
    r.certificateType === input.certificateType && normaliseCertificateNumber(input.certificateType, r.certificateNumber) === certificateNumber;
  if (filedDomain && !sameSubject(filedDomain)) {
    violations.push(
      national('domain', 'domain-filed-under-other-subject', '该域名已在其他主体下备案', 'This domain is filed under another subject', SEED),
    );
  }
  if (localDomain && !sameSubject(localDomain.website.subject)) {
    violations.push(
      national('domain', 'domain-used-by-other-subject', '该域名已被其他主体使用', 'This domain belongs to another subject on this platform', SEED),
    );
  }
  const filedProvince = subjectFilings[0]?.provinceCode ?? (subject?.status === 'FILED' ? subject.provinceCode : null);
  if (filedProvince && filedProvince !== input.provinceCode) {
    violations.push(
      national(
        'provinceCode',
        'access-data-mismatch',
        '所填地域与原备案信息不一致',
        `The subject is filed in ${filedProvince}; the entered data must match the original filing`,
        SEED,
      ),
    );
  }
  if (violations.length) return refuse();

  const filedHere = subject?.status === 'FILED';
  const base = { domain, subjectId: subject?.id ?? null, violations };
  if (filedDomain) {
    if (localDomain?.website.status === 'FILED') {
      violations.push(
        national('domain', 'domain-already-hosted-here', '该域名已在本平台备案，如需修改请办理变更备案', 'This domain is already filed here; use a change filing', SEED),
      );
      return refuse();
    }
    return { ...base, filingType: 'ACCESS', variant: filedHere ? 'ACCESS_CONTINUED' : 'ACCESS_NEW', registryRecord: filedDomain };
  }
  if (filedHere || subjectFilings.length > 0) {
    return { ...base, filingType: 'ADD_WEBSITE', variant: filedHere ? 'ADD_WEBSITE_HERE' : 'ADD_WEBSITE_ELSEWHERE', registryRecord: subjectFilings[0] ?? null };
  }
  return { ...base, filingType: 'FIRST', variant: null, registryRecord: null };
}
