/**
 * 验证备案类型 (seed 002 §1.1), decided from loaded facts: whether an entry is a first filing, a new
 * website (subject filed here or elsewhere) or an access filing (新增接入 / 继续接入), or the seed's
 * reasons for refusing it. Pure: the shell (`detectFilingType`) checks the syntax, loads the facts and
 * calls `decideFilingType`.
 */
import type { Violation } from '../../domain/violation.js';
import type { CertificateType, FilingType, FilingVariant, SubjectNature } from '../../generated/prisma/enums.js';
import type { RegistryAppRecord, RegistryRecord } from '../../ports.js';
import { getProvince } from '../../../provinces/index.js';
import { normaliseCertificateNumber, parseDomain, validateCertificateNumber, validateCertificateTypeForNature } from '../../validation/index.js';
import { national } from '../violations.js';

const SEED = 'seed:002_cda330130d5f816e.txt §1.1';
const SEED_ONE_ORDER = 'seed:000_d2f846ec46511894.txt; seed:002_cda330130d5f816e.txt §1.4';

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

/** The entry in the form the facts are looked up by, or the reasons it cannot be looked up. */
export interface FilingTypeKey {
  domain: string;
  certificateType: CertificateType;
  certificateNumber: string;
}

/** What the database and the national registry know about an entry's domain and subject. */
export interface FilingTypeFacts {
  viewerId: string | null;
  /** This platform's website holding the domain. */
  localDomain: {
    websiteStatus: string;
    subject: { certificateType: string; certificateNumber: string };
    inProgress: boolean;
  } | null;
  /** This platform's subject with the entered certificate. */
  subject: { id: string; ownerId: string; status: string; provinceCode: string; inProgress: boolean } | null;
  /** The national filing of the domain. */
  filedDomain: RegistryRecord | null;
  /** The subject's national filings, oldest first. */
  subjectFilings: RegistryRecord[];
  /** The subject's national APP, mini-program and quick-app filings, oldest first. */
  subjectAppFilings?: RegistryAppRecord[];
}

/** The subject part of an entry (province, nature and certificate), checked before anything is loaded. */
export function subjectEntryViolations(input: Omit<FilingTypeInput, 'domain'>): Violation[] {
  const violations: Violation[] = [];
  if (!getProvince(input.provinceCode)) {
    violations.push(national('provinceCode', 'province-unknown', '未知的省份', `Unknown province ${input.provinceCode}`));
  }
  violations.push(...validateCertificateTypeForNature(input.nature, input.certificateType, 'certificateType'));
  violations.push(...validateCertificateNumber(input.certificateType, input.certificateNumber, 'certificateNumber'));
  return violations;
}

/** Step one, before anything is loaded: the province, the certificate and the domain are well formed. */
export function filingTypeKey(input: FilingTypeInput): { key: FilingTypeKey | null; refusal: FilingTypeVerdict | null } {
  const violations = subjectEntryViolations(input);
  const parsed = parseDomain(input.domain);
  if (!parsed.ok) violations.push(...parsed.violations.map((v) => ({ ...v, field: 'domain' })));
  if (violations.length) return { key: null, refusal: refuse(parsed.ok ? parsed.domain : null, violations) };
  return {
    key: { domain: parsed.domain!, certificateType: input.certificateType, certificateNumber: normaliseCertificateNumber(input.certificateType, input.certificateNumber) },
    refusal: null,
  };
}

/** A verdict that refuses the entry with its reasons. */
export function refuse(domain: string | null, violations: Violation[]): FilingTypeVerdict {
  return { filingType: null, variant: null, domain, subjectId: null, registryRecord: null, violations };
}

/** Step two: the filing type from the facts, or every reason the entry cannot be filed here now. */
export function decideFilingType(input: FilingTypeInput, key: FilingTypeKey, facts: FilingTypeFacts): FilingTypeVerdict {
  const violations: Violation[] = [];
  const { localDomain, subject, filedDomain, subjectFilings } = facts;
  if (localDomain?.inProgress) {
    violations.push(national('domain', 'domain-order-in-progress', '该域名存在进行中的订单', 'This domain has an order in progress', SEED));
  }
  if (subject && subject.ownerId !== facts.viewerId) {
    violations.push(
      national('certificateNumber', 'subject-exists-elsewhere', '该域名对应的主体信息在系统中已经存在', 'This subject is already managed by another account on this platform', SEED),
    );
  } else if (subject?.inProgress) {
    violations.push(
      national(
        'certificateNumber',
        'subject-order-in-progress',
        '该主体存在进行中的订单，请等待订单完成或撤销后再办理',
        'This subject already has an order in progress; finish or withdraw it first',
        SEED_ONE_ORDER,
      ),
    );
  }
  const sameSubject = (r: { certificateType: string; certificateNumber: string }) =>
    r.certificateType === key.certificateType && normaliseCertificateNumber(key.certificateType, r.certificateNumber) === key.certificateNumber;
  if (filedDomain && !sameSubject(filedDomain)) {
    violations.push(national('domain', 'domain-filed-under-other-subject', '该域名已在其他主体下备案', 'This domain is filed under another subject', SEED));
  }
  if (localDomain && !sameSubject(localDomain.subject)) {
    violations.push(national('domain', 'domain-used-by-other-subject', '该域名已被其他主体使用', 'This domain belongs to another subject on this platform', SEED));
  }
  const apps = facts.subjectAppFilings ?? [];
  const filedProvince = subjectFilings[0]?.provinceCode ?? apps[0]?.provinceCode ?? (subject?.status === 'FILED' ? subject.provinceCode : null);
  if (filedProvince && filedProvince !== input.provinceCode) {
    violations.push(
      national('provinceCode', 'access-data-mismatch', '所填地域与原备案信息不一致', `The subject is filed in ${filedProvince}; the entered data must match the original filing`, SEED),
    );
  }
  if (violations.length) return refuse(key.domain, violations);

  const filedHere = subject?.status === 'FILED';
  const base = { domain: key.domain, subjectId: subject?.id ?? null, violations };
  if (filedDomain) {
    if (localDomain?.websiteStatus === 'FILED') {
      violations.push(national('domain', 'domain-already-hosted-here', '该域名已在本平台备案，如需修改请办理变更备案', 'This domain is already filed here; use a change filing', SEED));
      return refuse(key.domain, violations);
    }
    return { ...base, filingType: 'ACCESS', variant: filedHere ? 'ACCESS_CONTINUED' : 'ACCESS_NEW', registryRecord: filedDomain };
  }
  // A subject filed elsewhere, with websites or only with APPs, adds to its filing (新增).
  if (filedHere || subjectFilings.length > 0 || apps.length > 0) {
    return { ...base, filingType: 'ADD_WEBSITE', variant: filedHere ? 'ADD_WEBSITE_HERE' : 'ADD_WEBSITE_ELSEWHERE', registryRecord: subjectFilings[0] ?? null };
  }
  return { ...base, filingType: 'FIRST', variant: null, registryRecord: null };
}
