/**
 * The "other requirements" of national and province rules: documents, procedures, access method,
 * where a subject may file, addresses, mobile-number region, legal representative, domain holder and
 * top-level domains. A rule is checked when the input carries the data it needs; otherwise it is
 * reported as a requirement saying which input would decide it — never guessed.
 */
import { parse as parseDomain } from 'tldts';
import type { CertificateType, FilingType, SubjectNature } from '../../src/domain/vocabulary.js';
import type { Violation } from '../../src/domain/violation.js';
import type { ProvinceModule, RequirementRule, RuleModule, RuleRef } from '../kit/types.js';
import {
  findProvince,
  fullId,
  inEffect,
  national,
  natureIn,
  requireProvince,
  ruleDay,
  ruleRef,
  type Owned,
} from './scope.js';

export interface AddressRegion {
  /** Province code or name. */
  province?: string;
  city?: string;
}

export interface RequirementsInput {
  province: string;
  filingType: FilingType;
  nature: SubjectNature;
  /** Day the rules are taken from; now when left out. */
  at?: Date;
  subject?: {
    name?: string;
    certificateType?: CertificateType;
    certificateNumber?: string;
    /** Province that issued the certificate; read from resident ID and credit-code numbers when left out. */
    certificateProvince?: string;
    certificateAddress?: AddressRegion;
    communicationAddress?: AddressRegion;
    /** Province where the subject principal's mobile number is registered (号码归属地). */
    principalMobileProvince?: string;
    principalIsLegalRepresentative?: boolean;
    legalRepresentative?: string;
    /** The individual has a residence permit (居住证) of the filing province. */
    hasResidencePermit?: boolean;
    /** The individual has a student ID (学生证) of a school in the filing province. */
    hasStudentId?: boolean;
  };
  websites?: readonly {
    accessMethod?: string;
    /** 服务类型, e.g. `NON_COMMERCIAL` or `COMMERCIAL` (经营性). */
    serviceType?: string;
    domains?: readonly { name: string; holder?: string; expiresAt?: Date }[];
  }[];
  /** Codes of the documents the order carries, e.g. `GUANGDONG_COMMITMENT_LETTER`. */
  documents?: readonly string[];
}

export interface Requirement extends RuleRef {
  kind: RequirementRule['kind'];
  /**
   * `obligation`: something to provide or do; `advisory`: a rule from old or vague sources the data does
   * not show to be met; `undecided`: a rule that needs the inputs in `needs` to be checked.
   */
  status: 'obligation' | 'advisory' | 'undecided';
  message: string;
  messageEn: string;
  /** Inputs that would let the rule be checked. */
  needs: string[];
  /** The document code or access method asked for. */
  value?: string;
}

export interface RequirementsResult {
  violations: Violation[];
  requirements: Requirement[];
}

/** A rule's outcome for the input, before it is turned into a violation or a requirement. */
type Finding =
  | { type: 'met' }
  | { type: 'broken'; field: string; matched?: string; detail: [string, string] }
  | { type: 'unknown'; needs: string[] }
  | { type: 'todo'; value?: string };

/** Checks the other requirements of a province for one order. */
export function checkRequirements(input: RequirementsInput): RequirementsResult {
  const province = requireProvince(input.province);
  const day = ruleDay(input.at);
  const violations: Violation[] = [];
  const requirements: Requirement[] = [];

  for (const { module, rule } of applicableRules(province, input, day)) {
    for (const finding of evaluate(rule, province, input, day)) {
      if (finding.type === 'met') continue;
      if (finding.type === 'broken' && rule.enforcement === 'error') {
        violations.push({
          field: finding.field,
          rule: fullId(module, rule),
          module: module.code,
          source: rule.source,
          message: `${finding.detail[0]}（${rule.title.zh}）`,
          messageEn: `${finding.detail[1]} (${rule.title.en})`,
          ...(finding.matched === undefined ? {} : { matched: finding.matched }),
        });
        continue;
      }
      const requirement: Requirement = {
        ...ruleRef(module, rule),
        kind: rule.kind,
        status:
          rule.enforcement === 'advisory' ? 'advisory' : finding.type === 'unknown' ? 'undecided' : 'obligation',
        message: rule.title.zh,
        messageEn: rule.title.en,
        needs: finding.type === 'unknown' ? finding.needs : [],
      };
      if (finding.type === 'todo' && finding.value !== undefined) requirement.value = finding.value;
      const known = requirements.find((other) => other.id === requirement.id);
      if (known) known.needs = [...new Set([...known.needs, ...requirement.needs])];
      else requirements.push(requirement);
    }
  }
  return { violations, requirements };
}

/** National then province rules for this nature, filing type and day, minus those a province replaces. */
function applicableRules(province: ProvinceModule, input: RequirementsInput, day: string): Owned<RequirementRule>[] {
  const rules: Owned<RequirementRule>[] = [];
  for (const module of [national, province] as RuleModule[]) {
    for (const rule of module.requirements) {
      if (
        inEffect(rule, day) &&
        natureIn(rule.appliesTo, input.nature) &&
        (!rule.filingTypes || rule.filingTypes.includes(input.filingType))
      ) {
        rules.push({ module, rule });
      }
    }
  }
  const replaced = new Set(rules.flatMap(({ rule }) => rule.replaces ?? []));
  return rules.filter(({ module, rule }) => !replaced.has(fullId(module, rule)));
}

function evaluate(rule: RequirementRule, province: ProvinceModule, input: RequirementsInput, day: string): Finding[] {
  const subject = input.subject ?? {};
  switch (rule.kind) {
    case 'document':
      if (!input.documents) return [{ type: 'todo', value: rule.document }];
      return input.documents.includes(rule.document)
        ? [{ type: 'met' }]
        : [{ type: 'broken', field: 'documents', matched: rule.document, detail: [`缺少${rule.title.zh}`, 'A document is missing'] }];
    case 'procedure':
    case 'after-approval':
      return [{ type: 'todo' }];
    case 'service-licence': {
      const types = (input.websites ?? []).map((website) => website.serviceType);
      if (types.length === 0 || types.some((type) => type === undefined)) return [{ type: 'unknown', needs: ['websites.serviceType'] }];
      return types.some((type) => rule.serviceTypes.includes(type!)) ? [{ type: 'todo', value: rule.licence }] : [{ type: 'met' }];
    }
    case 'access-method': {
      const websites = input.websites ?? [];
      const findings: Finding[] = websites.flatMap((website, index): Finding[] =>
        website.accessMethod === undefined || website.accessMethod === rule.method
          ? []
          : [
              {
                type: 'broken',
                field: `websites[${index}].accessMethod`,
                matched: website.accessMethod,
                detail: [`网站接入方式须为“${rule.method}”`, `The access method must be ${rule.method}`],
              },
            ],
      );
      if (websites.length === 0 || websites.some((website) => website.accessMethod === undefined)) {
        findings.push({ type: 'todo', value: rule.method });
      }
      return findings;
    }
    case 'filing-region':
      return [filingRegion(rule.policy, province, input)];
    case 'mobile-region': {
      const mobile = subject.principalMobileProvince;
      const registered = mobile === undefined ? undefined : findProvince(mobile);
      if (mobile === undefined || !registered) return [{ type: 'unknown', needs: ['subject.principalMobileProvince'] }];
      return registered === province
        ? [{ type: 'met' }]
        : [
            {
              type: 'broken',
              field: 'subject.principal.mobile',
              matched: mobile,
              detail: [`负责人手机号码归属地须为${province.shortName}`, `The mobile number must be registered in ${province.nameEn}`],
            },
          ];
    }
    case 'address-same-province':
    case 'address-same-city': {
      const sameCity = rule.kind === 'address-same-city';
      const part = (address: AddressRegion | undefined) =>
        sameCity ? normaliseCity(address?.city) : findProvince(address?.province ?? '')?.code;
      const certificate = part(subject.certificateAddress);
      const communication = part(subject.communicationAddress);
      const unit = sameCity ? 'city' : 'province';
      if (certificate === undefined || communication === undefined) {
        return [{ type: 'unknown', needs: [`subject.certificateAddress.${unit}`, `subject.communicationAddress.${unit}`] }];
      }
      return certificate === communication
        ? [{ type: 'met' }]
        : [
            {
              type: 'broken',
              field: 'subject.communicationAddress',
              detail: sameCity
                ? ['通讯地址须与证件地址在同一城市', 'The communication address must be in the certificate address\'s city']
                : ['通讯地址须与证件住所在同一省份', 'The communication address must be in the certificate address\'s province'],
            },
          ];
    }
    case 'legal-representative':
      if (subject.principalIsLegalRepresentative === undefined) {
        return [{ type: 'unknown', needs: ['subject.principalIsLegalRepresentative'] }];
      }
      return subject.principalIsLegalRepresentative
        ? [{ type: 'met' }]
        : [
            {
              type: 'broken',
              field: 'subject.principal',
              detail: ['主体负责人须为法定代表人', 'The subject principal must be the legal representative'],
            },
          ];
    case 'domain-validity':
      return eachDomain(input, (domain, field) => {
        if (!domain.expiresAt) return { type: 'unknown', needs: [`${field}.expiresAt`] };
        const needed = addMonths(day, rule.minMonths ?? 3);
        return domain.expiresAt.getTime() >= needed.getTime()
          ? { type: 'met' }
          : {
              type: 'broken',
              field,
              matched: domain.name,
              detail: ['域名剩余有效期不足', 'The domain expires too soon'],
            };
      });
    case 'domain-holder':
      return eachDomain(input, (domain, field) => {
        const allowed = [subject.name, rule.holder === 'subject-or-legal-representative' ? subject.legalRepresentative : undefined]
          .filter((name): name is string => Boolean(name?.trim()))
          .map(normaliseName);
        if (!domain.holder || allowed.length === 0) return { type: 'unknown', needs: [`${field}.holder`, 'subject.name'] };
        return allowed.includes(normaliseName(domain.holder))
          ? { type: 'met' }
          : {
              type: 'broken',
              field: `${field}.holder`,
              matched: domain.holder,
              detail: ['域名持有者与备案主体不一致', 'The domain holder does not match the subject'],
            };
      });
    case 'refused-tlds':
    case 'preferred-tlds': {
      const refused = rule.kind === 'refused-tlds';
      return eachDomain(input, (domain, field) => {
        const suffix = parseDomain(domain.name.trim().toLowerCase()).publicSuffix ?? '';
        const listed = rule.tlds.some((tld) => suffix === tld || suffix.endsWith(`.${tld}`));
        return listed === refused
          ? {
              type: 'broken',
              field,
              matched: domain.name,
              detail: refused
                ? [`不接受 .${suffix} 域名`, `.${suffix} domains are refused`]
                : [`宜使用 .${rule.tlds.join('、.')} 域名`, `Use a .${rule.tlds.join(' or .')} domain`],
            }
          : { type: 'met' };
      });
    }
  }
}

/** Where the subject may file, from the certificate's issuing province. */
function filingRegion(
  policy: Extract<RequirementRule, { kind: 'filing-region' }>['policy'],
  province: ProvinceModule,
  input: RequirementsInput,
): Finding {
  const subject = input.subject ?? {};
  const issuing = subject.certificateProvince
    ? findProvince(subject.certificateProvince)
    : issuingProvince(subject.certificateType, subject.certificateNumber);
  if (!issuing) return { type: 'unknown', needs: ['subject.certificateProvince'] };
  if (issuing === province) return { type: 'met' };

  const broken = (zh: string, en: string): Finding => ({
    type: 'broken',
    field: 'subject.region',
    matched: issuing.shortName,
    detail: [zh, en],
  });
  switch (policy) {
    case 'certificate-province':
      return broken(`证件签发地为${issuing.shortName}，须在${issuing.shortName}备案`, `The certificate was issued in ${issuing.nameEn}; file there`);
    case 'id-or-residence':
    case 'local-id-only':
      return broken(`${province.shortName}不支持外省证件异地备案`, `${province.nameEn} does not accept IDs from other provinces`);
    case 'local-id-or-residence-permit':
    case 'local-id-residence-permit-or-student-id': {
      const studentIdAccepted = policy === 'local-id-residence-permit-or-student-id';
      if (subject.hasResidencePermit || (studentIdAccepted && subject.hasStudentId)) return { type: 'met' };
      const undecided = subject.hasResidencePermit === undefined || (studentIdAccepted && subject.hasStudentId === undefined);
      if (undecided) {
        return { type: 'unknown', needs: studentIdAccepted ? ['subject.hasResidencePermit', 'subject.hasStudentId'] : ['subject.hasResidencePermit'] };
      }
      return broken(
        studentIdAccepted ? `外省证件须提供${province.shortName}居住证或学生证` : `外省证件须提供${province.shortName}居住证`,
        `An ID from another province needs a ${province.nameEn} residence permit${studentIdAccepted ? ' or student ID' : ''}`,
      );
    }
  }
}

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Identity documents of people: their numbers carry no credit code. */
const PERSONAL_CERTIFICATES: ReadonlySet<CertificateType> = new Set<CertificateType>([
  'RESIDENT_ID',
  'PASSPORT',
  'TAIWAN_COMPATRIOT_PERMIT',
  'HK_MACAU_TRAVEL_PERMIT',
  'FOREIGN_PERMANENT_RESIDENT_ID',
  'HK_MACAU_TW_RESIDENCE_PERMIT',
  'OFFICER_ID',
]);

/**
 * The province that issued a certificate, read from its number: the first two digits of a resident ID,
 * or of the registration authority's division code in an organisation's 18-character unified social
 * credit code. `undefined` when the number does not say (other documents, central registrations).
 */
export function issuingProvince(type: CertificateType | undefined, number: string | undefined): ProvinceModule | undefined {
  const text = number?.trim().toUpperCase() ?? '';
  if (type === 'RESIDENT_ID' && /^\d{17}[\dX]$/.test(text)) return findProvince(text.slice(0, 2));
  if (type && !PERSONAL_CERTIFICATES.has(type) && CREDIT_CODE.test(text)) return findProvince(text.slice(2, 4));
  return undefined;
}

function eachDomain(
  input: RequirementsInput,
  check: (domain: { name: string; holder?: string; expiresAt?: Date }, field: string) => Finding,
): Finding[] {
  const findings: Finding[] = [];
  (input.websites ?? []).forEach((website, i) =>
    (website.domains ?? []).forEach((domain, j) => findings.push(check(domain, `websites[${i}].domains[${j}]`))),
  );
  return findings.length > 0 ? findings : [{ type: 'unknown', needs: ['websites'] }];
}

/** The instant `months` calendar months after the start of `day` (Asia/Shanghai). */
function addMonths(day: string, months: number): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, date) - 8 * 3_600_000);
}

function normaliseCity(city: string | undefined): string | undefined {
  const text = city?.trim().replace(/市$/, '');
  return text ? text : undefined;
}

function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
