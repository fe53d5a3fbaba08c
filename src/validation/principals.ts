/**
 * The people of a filing: the subject principal (主体负责人) and each website's principal
 * (互联网信息服务负责人). A person is identified by certificate type and number. Rules (seed 002 §3,
 * seed 003):
 * - 个人: every website principal is the subject principal; nobody fills phone 2 (联系方式2).
 * - 单位: a website principal may be someone else; different people must not share a phone number
 *   (phone 1 or 2) or an email address — seed 003 says so for subject vs website principal, and SMS
 *   verification tells people apart by mobile number (seed 002 §8), so it applies to every pair of
 *   different people in the filing.
 * - Everyone: the same person appears with the same name, mobile and email (seed 003: one legal
 *   representative keeps one set of contacts); the emergency phone differs from the person's own
 *   phone 1 and 2 — it is the number to try when those fail (Volcengine's filing guide: 应急电话不可与
 *   负责人手机号码相同). Different people may share the emergency phone: seed 003 describes it as the
 *   subject's long-used number.
 * Formats of the single fields are checked elsewhere (contacts.ts, certificates.ts).
 */
import type { CertificateType, SubjectNature } from '../domain/vocabulary.js';
import type { Violation } from '../domain/violation.js';
import { normaliseCertificateNumber } from './certificates.js';
import { comparablePhone, normaliseEmail } from './contacts.js';
import { SOURCE, violation } from './common.js';

/** A 负责人 as the validators need them. */
export interface Principal {
  name: string;
  certificateType: CertificateType;
  certificateNumber: string;
  /** 联系方式1. */
  mobile: string;
  /** 联系方式2 (organisations only). */
  phone2?: string | null;
  /** 应急联系电话. */
  emergencyPhone?: string | null;
  email: string;
}

export interface PrincipalsInput {
  nature: SubjectNature;
  subjectPrincipal: Principal;
  /** One per website, in website order (pass the subject principal where a website reuses it). */
  websitePrincipals: readonly Principal[];
  /** Field path of the subject principal; `subject.principal` unless told. */
  subjectField?: string;
}

interface Entry {
  person: Principal;
  field: string;
  identity: string;
  name: string;
  phones: string[];
  email: string;
}

function comparableName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function entry(person: Principal, field: string): Entry {
  return {
    person,
    field,
    identity: `${person.certificateType}:${normaliseCertificateNumber(person.certificateType, person.certificateNumber)}`,
    name: comparableName(person.name),
    phones: [person.mobile, person.phone2].filter(present).map(comparablePhone),
    email: normaliseEmail(person.email).toLowerCase(),
  };
}

/**
 * The principals rules above. Website principals are reported under `${fieldPrefix}[i].principal`
 * (e.g. `websites[0].principal.mobile`), the subject principal under `subjectField`.
 */
export function validatePrincipals(input: PrincipalsInput, fieldPrefix: string): Violation[] {
  const seed3 = SOURCE.seed003;
  const seed2 = `${SOURCE.seed002} §3`;
  const out: Violation[] = [];
  const push = (field: string, rule: string, message: string, messageEn: string, source: string) =>
    out.push(violation({ field, rule, message, messageEn, source }));
  const subject = entry(input.subjectPrincipal, input.subjectField ?? 'subject.principal');
  const people = [subject, ...input.websitePrincipals.map((p, i) => entry(p, `${fieldPrefix}[${i}].principal`))];
  const individual = input.nature === 'INDIVIDUAL';

  const checkedEmergency = new Set<string>();
  for (const [index, current] of people.entries()) {
    const { person, field } = current;
    if (individual && present(person.phone2)) {
      push(`${field}.phone2`, 'individual-phone2', '个人备案无需填写联系方式2', 'Individuals leave phone 2 empty', seed2);
    }
    if (individual && index > 0 && current.identity !== subject.identity) {
      push(field, 'individual-website-principal', '个人备案的网站负责人须为主体负责人本人', 'For an individual, the website principal must be the subject principal', seed3);
    }
    // A person passed again with the same contacts (a website reusing the subject principal) is checked once.
    const emergencyKey = `${current.identity}|${current.phones.join(',')}|${person.emergencyPhone ?? ''}`;
    if (present(person.emergencyPhone) && !checkedEmergency.has(emergencyKey)) {
      checkedEmergency.add(emergencyKey);
      if (current.phones.includes(comparablePhone(person.emergencyPhone))) {
        push(
          `${field}.emergencyPhone`,
          'emergency-phone-distinct',
          '应急联系电话不能与本人的联系方式1或2相同',
          'The emergency phone must differ from the person’s own phone 1 and 2',
          SOURCE.volcengine,
        );
      }
    }
    for (const earlier of people.slice(0, index)) {
      if (earlier.identity === current.identity) {
        if (earlier.name !== current.name || earlier.phones[0] !== current.phones[0] || earlier.email !== current.email) {
          push(field, 'principal-consistent', '同一负责人的姓名、手机号码和邮箱须前后一致', 'The same person must appear with the same name, mobile and email', seed3);
        }
      } else if (!individual) {
        const shared = current.phones.findIndex((p) => earlier.phones.includes(p));
        if (shared >= 0) {
          const which = shared === 0 && present(person.mobile) ? 'mobile' : 'phone2';
          push(`${field}.${which}`, 'principal-phone-distinct', '不同负责人的联系电话不能相同', 'Different principals cannot share a phone number', seed3);
        }
        if (current.email && current.email === earlier.email) {
          push(`${field}.email`, 'principal-email-distinct', '不同负责人的电子邮件地址不能相同', 'Different principals cannot share an email address', seed3);
        }
      }
    }
  }
  return dedupe(out);
}

/** One violation per field and rule: a person clashing with several others is reported once. */
function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.field}|${v.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
