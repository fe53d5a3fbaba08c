/**
 * Every national and provincial rule a filing's data must satisfy, decided from loaded facts (see
 * `FilingFacts`, loaded by src/workflow/facts.ts in a fixed number of queries). Pure: no database,
 * no clock, no I/O; the time is a fact. Province rules come from the province modules; nothing
 * province-specific is decided here.
 */
import { isIP } from 'node:net';
import { certificateSuffix, checkRequirements, checkSiteCounts, checkWebsiteName, type AddressRegion } from '../../../provinces/index.js';
import { getProvince } from '../../../provinces/index.js';
import type { Config } from '../../config.js';
import { isRefusal, type Violation } from '../../domain/violation.js';
import type { FilingType, FilingVariant, MaterialKind, AuthenticityResult, SubjectNature } from '../../generated/prisma/enums.js';
import type { HostedInstance, IssuedServiceCode, RegistryRecord } from '../../ports.js';
import { instanceViolations } from '../../hosting/rules.js';
import {
  parseDomain,
  principalCertificateTypes,
  validateAddress,
  validateCertificateNumber,
  validateCertificateTypeForNature,
  validateDocumentValidity,
  validateEmail,
  validateHomepageUrl,
  validateLanguages,
  validateMobile,
  validatePhone,
  validatePrincipals,
  validateSameProvince,
  provinceOfAddress,
  normaliseCertificateNumber,
  normaliseMobile,
} from '../../validation/index.js';
import type { PersonData, SubjectData, WebsiteData } from '../filing-data.js';
import { national } from '../violations.js';

export interface ValidateFilingArgs {
  filingType: FilingType;
  variant: FilingVariant | null;
  subject: SubjectData;
  websites: WebsiteData[];
  /** The subject record this filing is for, when it exists already. */
  subjectId: string | null;
  /** The order being edited (its own domains and websites do not count as taken). */
  orderId?: string;
  previousDomains?: string[];
  /** For access filings: the national filing the entered data must match. */
  registryRecord: RegistryRecord | null;
  /** Existing websites this filing is about (an order's drafts, a change's filed websites): they hold their server slots already. */
  heldWebsiteIds?: string[];
  /** `submit` adds what only submission needs (materials, authenticity checks). */
  stage?: 'save' | 'submit';
}

const SEED3 = 'seed:003_d52f7835b40017ce.txt';
const SEED0 = 'seed:000_d2f846ec46511894.txt';

function required(value: string | null | undefined, field: string, label: string): Violation[] {
  return value && value.trim() ? [] : [national(field, 'required', `请填写${label}`, `${field} is required`)];
}

function validatePerson(p: PersonData, field: string, now: Date, isIndividualSubject: boolean, provinceCode: string): Violation[] {
  const out: Violation[] = [];
  // The province's SMS rule may need more than the certificate number (浙江: the HK/Macau identity number).
  const suffix = certificateSuffix({
    province: provinceCode,
    certificateType: p.certificateType,
    certificateNumber: p.certificateNumber,
    hkMacauIdentityNumber: p.hkMacauIdentityNumber ?? undefined,
    at: now,
  });
  for (const need of suffix.needs) {
    out.push({
      field: `${field}.${need}`,
      rule: suffix.rule.id,
      module: suffix.rule.module,
      source: suffix.rule.source,
      message: '短信核验需要填写此项',
      messageEn: `SMS verification in this province needs ${need}`,
    });
  }
  out.push(...required(p.name, `${field}.name`, '负责人姓名'));
  if (!principalCertificateTypes().includes(p.certificateType)) {
    out.push(national(`${field}.certificateType`, 'principal-certificate-type', '负责人证件类型须为个人证件', 'A principal must hold a personal identity document'));
  } else {
    out.push(...validateCertificateNumber(p.certificateType, p.certificateNumber, `${field}.certificateNumber`));
  }
  out.push(...validateDocumentValidity({ validFrom: p.validFrom ?? undefined, validTo: p.validTo ?? undefined, longTerm: p.longTerm, now }, `${field}.validTo`));
  out.push(...validateMobile(p.mobile, `${field}.mobile`));
  if (p.phone2 && !isIndividualSubject) out.push(...validateMobile(p.phone2, `${field}.phone2`));
  if (p.emergencyPhone) out.push(...validatePhone(p.emergencyPhone, `${field}.emergencyPhone`));
  out.push(...validateEmail(p.email, `${field}.email`));
  return out;
}

/** What a submission adds to the facts: the order's materials and the viewer's access applications in review. */
export interface SubmissionFacts {
  /** Document codes of the order's materials (province document requirements). */
  documentCodes: string[];
  materials: { kind: MaterialKind; authenticity: AuthenticityResult }[];
  /** The viewer's other access applications submitted and not yet decided by the 管局. */
  accessApplicationsInFlight: number;
}

/** Everything `filingViolations` needs beyond the entered data. */
export interface FilingFacts {
  now: Date;
  /** The applicant acting (instances and codes must be theirs); null for staff and the system. */
  viewerId: string | null;
  hosting: Config['hosting'];
  maxAccessApplicationsInFlight: Config['providerPolicies']['maxAccessApplicationsInFlight'];
  /** Websites of the subject filed now. */
  filedWebsites: number;
  /** Entered domains already held by another website here (the filing's own previous domains excepted). */
  takenDomains: string[];
  /** Other live subjects' people using an entered email or emergency phone. */
  contactClashes: { email: string; emergencyPhone: string | null }[];
  /** Entered server instances by their provider id, with the slots other websites use. */
  instances: Map<string, HostedInstance & { slotsUsed: number }>;
  /** Entered 备案服务号 by code. */
  serviceCodes: Map<string, IssuedServiceCode>;
  /** Present when the order is being submitted. */
  submission?: SubmissionFacts;
}

/** The people a filing names, each with its field path. */
export function filingPeople(a: Pick<ValidateFilingArgs, 'subject' | 'websites'>): { p: PersonData; f: string }[] {
  return [
    { p: a.subject.principal, f: 'subject.principal' },
    ...a.websites.flatMap((w, i) => (w.principal ? [{ p: w.principal, f: `websites[${i}].principal` }] : [])),
  ];
}

/** An emergency phone as it is stored (mobiles normalised). */
export function storedPhone(phone: string): string {
  return normaliseMobile(phone) ?? phone;
}

/**
 * Every rule a filing must satisfy, national and provincial, reported together: nothing stops at
 * the first problem. Province rules come from the province modules; nothing province-specific is
 * decided here.
 */
export function filingViolations(a: ValidateFilingArgs, facts: FilingFacts): Violation[] {
  const now = facts.now;
  const out: Violation[] = [];
  const s = a.subject;
  const individual = s.nature === 'INDIVIDUAL';
  const province = getProvince(s.provinceCode);
  if (!province) {
    return [national('subject.provinceCode', 'province-unknown', '未知的省份', `Unknown province ${s.provinceCode}`)];
  }

  // Subject (主体信息).
  out.push(...required(s.name, 'subject.name', '主办单位或主办人名称'));
  out.push(...required(s.city, 'subject.city', '所属城市'));
  out.push(...validateCertificateTypeForNature(s.nature, s.certificateType, 'subject.certificateType'));
  out.push(...validateCertificateNumber(s.certificateType, s.certificateNumber, 'subject.certificateNumber'));
  out.push(...validateAddress({ address: s.certificateAddress, province: province.name, detailRemark: true }, 'subject.certificateAddress'));
  out.push(
    ...validateAddress(
      { address: s.communicationAddress, province: province.name, detailRemark: s.communicationAddressFinal },
      'subject.communicationAddress',
    ),
  );
  out.push(...validateSameProvince(s.certificateAddress, s.communicationAddress, province.name, 'subject.communicationAddress'));
  out.push(...validatePerson(s.principal, 'subject.principal', now, individual, s.provinceCode));
  const sameNumber =
    normaliseCertificateNumber(s.certificateType, s.principal.certificateNumber) === normaliseCertificateNumber(s.certificateType, s.certificateNumber);
  if (individual && (s.principal.certificateType !== s.certificateType || !sameNumber || s.principal.name.trim() !== s.name.trim())) {
    out.push(
      national('subject.principal', 'individual-principal-is-subject', '个人备案的负责人须为主办人本人', 'For an individual, the principal is the subject themself', 'seed:002_cda330130d5f816e.txt §3'),
    );
  }

  // Websites (网站信息).
  if (a.websites.length === 0) out.push(national('websites', 'website-required', '请至少填写一个网站', 'Add at least one website'));
  const seen = new Map<string, string>();
  const entered: string[] = [];
  for (const [i, w] of a.websites.entries()) {
    const f = `websites[${i}]`;
    out.push(...required(w.name, `${f}.name`, '网站名称'));
    if (w.domains.length === 0) out.push(national(`${f}.domains`, 'domain-required', '请至少填写一个域名', 'Add at least one domain'));
    const domains: string[] = [];
    for (const [j, d] of w.domains.entries()) {
      const parsed = parseDomain(d);
      if (!parsed.ok) {
        out.push(...parsed.violations.map((v) => ({ ...v, field: `${f}.domains[${j}]` })));
        continue;
      }
      const name = parsed.domain!;
      if (seen.has(name)) {
        out.push({ ...national(`${f}.domains[${j}]`, 'domain-duplicate', '同一订单中域名重复', `${name} is entered twice (also at ${seen.get(name)})`), matched: name });
      }
      seen.set(name, `${f}.domains[${j}]`);
      domains.push(name);
    }
    entered.push(...domains);
    out.push(
      ...checkWebsiteName({
        province: s.provinceCode,
        nature: s.nature,
        name: w.name,
        subjectName: s.name,
        domains,
        remark: w.remark,
        preApprovals: w.preApprovals.map((p) => p.kind),
        at: now,
      })
        .filter(isRefusal)
        .map((v) => ({ ...v, field: v.field === 'remark' ? `${f}.remark` : `${f}.name` })),
    );
    if (w.homepageUrls.length === 0) out.push(national(`${f}.homepageUrls`, 'homepage-required', '请填写网站首页地址', 'Add the homepage URL'));
    for (const [j, url] of w.homepageUrls.entries()) out.push(...validateHomepageUrl(url, domains, `${f}.homepageUrls[${j}]`));
    out.push(...validateLanguages(w.languages, `${f}.languages`));
    for (const [j, ip] of w.ipAddresses.entries()) {
      if (!isIP(ip)) out.push(national(`${f}.ipAddresses[${j}]`, 'ip-address', 'IP 地址格式不正确', `${ip} is not an IP address`));
    }
    if (w.principal) out.push(...validatePerson(w.principal, `${f}.principal`, now, individual, s.provinceCode));
    out.push(...hostingViolations(w, f, a.heldWebsiteIds ?? [], facts));
  }
  out.push(
    ...validatePrincipals(
      { nature: s.nature, subjectPrincipal: s.principal, websitePrincipals: a.websites.map((w) => w.principal ?? s.principal) },
      'websites',
    ),
  );
  out.push(
    ...checkSiteCounts({
      province: s.provinceCode,
      filingType: a.filingType,
      nature: s.nature,
      at: now,
      websites: a.websites.map((w) => ({ domains: w.domains })),
      existingWebsites: facts.filedWebsites,
    }).filter(isRefusal),
  );

  // The province's other requirements: addresses, regions, domains, documents (at submission).
  const documents = a.stage === 'submit' ? facts.submission?.documentCodes : undefined;
  out.push(
    ...checkRequirements({
      province: s.provinceCode,
      filingType: a.filingType,
      nature: s.nature,
      at: now,
      subject: {
        name: s.name,
        certificateType: s.certificateType,
        certificateNumber: s.certificateNumber,
        certificateAddress: addressRegion(s.certificateAddress),
        communicationAddress: addressRegion(s.communicationAddress),
      },
      websites: a.websites.map((w) => ({ domains: w.domains.map((d) => ({ name: parseDomain(d).domain ?? d })) })),
      documents,
    }).violations,
  );

  // Taken elsewhere on this platform.
  for (const name of facts.takenDomains) {
    out.push({ ...national(seen.get(name) ?? 'websites', 'domain-taken', '该域名已被其他网站使用', `${name} already belongs to another website`, SEED3), matched: name });
  }
  out.push(...contactViolations(a, facts));

  // Access filings: the entered data must match the original filing (seed 002 §1.1).
  if (a.filingType === 'ACCESS' && a.registryRecord) {
    const r = a.registryRecord;
    if (r.subjectName !== s.name.trim()) {
      out.push(national('subject.name', 'access-data-mismatch', '主办单位名称与原备案信息不一致', 'The subject name differs from the original filing', 'seed:002_cda330130d5f816e.txt §1.1'));
    }
    if (r.nature !== s.nature) {
      out.push(national('subject.nature', 'access-data-mismatch', '主办单位性质与原备案信息不一致', 'The subject nature differs from the original filing', 'seed:002_cda330130d5f816e.txt §1.1'));
    }
  }

  if (a.stage === 'submit' && facts.submission) {
    out.push(...materialViolations(a, facts.submission));
    out.push(...accessInFlightViolations(a, facts));
  }
  return out;
}

/** The access method (接入方式) the province wants recorded, e.g. 虚拟主机 in 浙江 and 天津 (seed 000). */
export function accessMethodFor(provinceCode: string, filingType: FilingType, nature: SubjectNature, at: Date): string | null {
  const { requirements } = checkRequirements({ province: provinceCode, filingType, nature, at });
  return requirements.find((r) => r.kind === 'access-method')?.value ?? null;
}

/** Province and city named at the start of an address, e.g. 河南省郑州市… → 河南, 郑州市. */
export function addressRegion(address: string): AddressRegion {
  const province = provinceOfAddress(address);
  if (!province) return {};
  const at = address.indexOf(province.name) >= 0 ? address.indexOf(province.name) + province.name.length : address.indexOf(province.shortName) + province.shortName.length;
  const rest = address.slice(at);
  const municipality = province.name.endsWith('市');
  const city = municipality ? province.name : /^(.{1,12}?(?:市|自治州|地区|盟))/.exec(rest)?.[1];
  return { province: province.code, city };
}

/**
 * 产品验证 (seed 000): an instance of the applicant's that can carry a filing (src/hosting/rules.ts)
 * with a free slot, or an unused 备案服务号 issued for such an instance.
 */
function hostingViolations(w: WebsiteData, f: string, held: string[], facts: FilingFacts): Violation[] {
  const check = { viewerId: facts.viewerId, now: facts.now, hosting: facts.hosting };
  if (w.productVerification === 'SERVICE_CODE') {
    const field = `${f}.serviceCode`;
    const code = w.serviceCode ? facts.serviceCodes.get(w.serviceCode.trim()) : undefined;
    if (!code || (check.viewerId && code.instance.ownerId !== check.viewerId)) {
      return [national(field, 'service-code-unknown', '备案服务号不存在', 'Unknown filing service code', SEED0)];
    }
    if (code.releasedAt) return [national(field, 'service-code-released', '该备案服务号已释放，不能再次使用', 'This service code was released and cannot be used again', SEED0)];
    if (code.websiteId && !held.includes(code.websiteId)) {
      return [national(field, 'service-code-used', '该备案服务号已被其他网站使用', 'This service code is used by another website', SEED0)];
    }
    return instanceViolations(code.instance, { ...check, field });
  }
  const field = `${f}.serverInstanceId`;
  const server = w.serverInstanceId ? facts.instances.get(w.serverInstanceId.trim()) : undefined;
  if (!server) return [national(field, 'server-unknown', '未找到该服务器实例', 'No such server instance in your account', SEED0)];
  const out = instanceViolations(server, { ...check, field });
  if (out.some((x) => x.rule === 'national/server-unknown')) return out;
  if (server.slotsUsed >= server.maxServiceCodes) {
    out.push(national(field, 'server-slots', `该服务器最多可用于 ${server.maxServiceCodes} 个网站备案`, `This server can carry at most ${server.maxServiceCodes} filings`, SEED0));
  }
  return out;
}

/** Emergency phones and emails must not be used by another subject's people (seed 003). */
function contactViolations(a: ValidateFilingArgs, facts: FilingFacts): Violation[] {
  const out: Violation[] = [];
  for (const { p, f } of filingPeople(a)) {
    if (facts.contactClashes.some((c) => c.email === p.email.trim().toLowerCase())) {
      out.push(national(`${f}.email`, 'email-unique', '该邮箱已被其他主体使用', 'This email is used by another subject', SEED3));
    }
    if (p.emergencyPhone && facts.contactClashes.some((c) => c.emergencyPhone === storedPhone(p.emergencyPhone!.trim()))) {
      out.push(national(`${f}.emergencyPhone`, 'emergency-phone-unique', '该应急联系电话已被其他主体使用', 'This emergency phone is used by another subject', SEED3));
    }
  }
  return out;
}

/** At most 3 access applications submitted at a time, until the 管局 approves them (seed 000 §3.4). */
function accessInFlightViolations(a: ValidateFilingArgs, facts: FilingFacts): Violation[] {
  // A provider-level policy of the rule kit (provinces/kit/provider.ts), configured per deployment.
  const policy = facts.maxAccessApplicationsInFlight;
  const max = policy.value;
  const inFlight = facts.submission?.accessApplicationsInFlight ?? 0;
  if (a.filingType !== 'ACCESS' || !facts.viewerId || max === null) return [];
  if (inFlight < max) return [];
  return [
    {
      field: 'filingType',
      rule: `provider/${policy.id}`,
      module: 'provider',
      source: policy.source,
      message: `每次最多提交 ${max} 个接入申请，待管局审核通过后才可再次提交`,
      messageEn: `At most ${max} access applications can be in review at once`,
      matched: String(inFlight),
    },
  ];
}

/** Materials a submission needs: the certificate image, the principal's verification photo (passed). */
function materialViolations(a: ValidateFilingArgs, submission: SubmissionFacts): Violation[] {
  const { materials } = submission;
  const out: Violation[] = [];
  const certificateKind = a.subject.nature === 'INDIVIDUAL' ? 'CERTIFICATE_FRONT' : 'SUBJECT_CERTIFICATE';
  if (!materials.some((m) => m.kind === certificateKind)) {
    out.push(national('materials', 'material-certificate', '请上传主体证件照片', 'Upload the subject certificate image', 'seed:002_cda330130d5f816e.txt §4'));
  }
  const photos = materials.filter((m) => m.kind === 'PRINCIPAL_PHOTO');
  if (!photos.some((m) => m.authenticity === 'PASSED')) {
    out.push(
      national('materials', 'authenticity-check', '负责人真实性核验（人脸核验）未通过或未完成', 'The principal’s authenticity check (face verification) has not passed', 'seed:002_cda330130d5f816e.txt §4'),
    );
  }
  return out;
}
