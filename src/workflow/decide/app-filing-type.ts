/**
 * 验证备案类型 for an APP, a mini-program or a quick app (seed 003: 主体和APP名称均为第一次做备案 is a
 * first filing). The subject is judged as for a website (decideFilingType, with no domain); the APP
 * name then decides: new within the subject → 首次备案 or 新增 (FIRST / ADD_WEBSITE, the latter being
 * 新增互联网信息服务 for any kind of item); already filed → refused, to be changed or cancelled with a
 * change or cancel filing; in an order in progress → refused. Pure.
 */
import type { ServiceKind } from '../../generated/prisma/enums.js';
import { APP_SOURCE, normaliseCertificateNumber } from '../../validation/index.js';
import { national } from '../violations.js';
import { decideFilingType, refuse, subjectEntryViolations, type FilingTypeFacts, type FilingTypeInput, type FilingTypeKey, type FilingTypeVerdict } from './filing-type.js';

export interface AppFilingTypeInput extends Omit<FilingTypeInput, 'domain'> {
  appName: string;
  serviceKind: Exclude<ServiceKind, 'WEBSITE'>;
}

/** What is known of the APP name within the subject. */
export interface AppNameFacts {
  /** The subject's item of this kind and name that is filed or in an order in progress. */
  existing: { status: string; inProgress: boolean } | null;
}

export function appFilingTypeKey(input: AppFilingTypeInput): { key: FilingTypeKey | null; refusal: FilingTypeVerdict | null } {
  const violations = subjectEntryViolations(input);
  if (!input.appName.trim()) violations.push(national('appName', 'app-name-required', '请填写APP名称', 'The APP name is required', APP_SOURCE.seed003));
  if (violations.length) return { key: null, refusal: refuse(null, violations) };
  return {
    key: { domain: '', certificateType: input.certificateType, certificateNumber: normaliseCertificateNumber(input.certificateType, input.certificateNumber) },
    refusal: null,
  };
}

export function decideAppFilingType(input: AppFilingTypeInput, key: FilingTypeKey, facts: Omit<FilingTypeFacts, 'localDomain' | 'filedDomain'>, app: AppNameFacts): FilingTypeVerdict {
  const subjectVerdict = decideFilingType({ ...input, domain: '' }, key, { ...facts, localDomain: null, filedDomain: null });
  const violations = [...subjectVerdict.violations];
  // The same kind and name among the subject's national filings that another provider hosts.
  const filedElsewhere = (facts.subjectAppFilings ?? []).find((a) => a.kind === input.serviceKind && a.name === input.appName.trim() && a.provider !== null);
  if (app.existing?.inProgress) {
    violations.push(national('appName', 'app-order-in-progress', '该APP存在进行中的订单', 'This APP has an order in progress', APP_SOURCE.seed003));
  } else if (filedElsewhere && app.existing?.status !== 'FILED') {
    violations.push(
      national(
        'appName',
        'app-filed-elsewhere',
        `该APP已备案（${filedElsewhere.icpNumber}，接入商：${filedElsewhere.provider}）；同一主体下APP名称不可重复，APP的接入备案请在原接入商办理变更或注销后再提交`,
        `This APP is filed already (${filedElsewhere.icpNumber}) through another provider; APP names are unique within a subject, and moving an APP filing here is not offered`,
        APP_SOURCE.seed003,
      ),
    );
  } else if (app.existing?.status === 'FILED') {
    violations.push(
      national('appName', 'app-already-filed', '该主体下已有同名APP备案（同一主体下APP名称不可重复），如需修改请办理变更备案', 'The subject already has a filed APP of this name; use a change filing', APP_SOURCE.seed003),
    );
  }
  if (violations.length) return refuse(null, violations);
  return { ...subjectVerdict, domain: null };
}
