/**
 * Builders for rules many provinces share, so that a module reads as a list of facts. Each builder
 * fixes the rule id, the wording and the source; the module supplies the province-specific values.
 */
import type { FilingType } from '../../src/domain/vocabulary.js';
import { fromQuote } from './define.js';
import { cite } from './sources.js';
import type {
  AccessMethodRequirement,
  DataRequirement,
  DomainHolderRequirement,
  FilingRegionRequirement,
  ReviewEstimateRule,
  SmsMandateRule,
  WordListRule,
} from './types.js';

/** Filing types that submit subject and website data: the ones data requirements apply to. */
export const FILINGS_WITH_DATA: readonly FilingType[] = ['FIRST', 'ADD_WEBSITE', 'ACCESS', 'CHANGE'];

/**
 * One row of seed 002 附录二's table (部分省份个人备案网站名称不能使用行业、经营性关键字): the cell quoted
 * verbatim, including any word the seed repeats. `options.falsePositiveProne`: words (typically single
 * characters such as 购) reported as warnings with their context; `options.allow`: phrases in which a
 * word is not a match (采购 for 购).
 */
export function individualBannedWords(
  province: { zh: string; en: string },
  quote: string,
  options: { falsePositiveProne?: readonly string[]; allow?: readonly string[]; note?: string } = {},
): WordListRule {
  return {
    id: 'individual-banned-words',
    kind: 'banned-words',
    appliesTo: 'individual',
    ...fromQuote(quote),
    ...(options.falsePositiveProne ? { falsePositiveProne: options.falsePositiveProne } : {}),
    ...(options.allow ? { allow: options.allow } : {}),
    ...(options.note ? { note: options.note } : {}),
    title: {
      zh: `${province.zh}个人备案网站名称禁止使用的行业类及经营性词汇`,
      en: `Industry and commercial words banned in individual website names in ${province.en}`,
    },
    source: cite('seed002', '附录二 部分省份个人备案网站名称不能使用行业、经营性关键字'),
  };
}

/** The SMS verification pilot batches (seed 002 §8 需短信核验省份). */
export type SmsPilotBatch = '2017-12-18' | '2018-09-10' | '2018-09-24';

/** The province joined the SMS verification pilot on the batch's date. */
export function smsPilot(batch: SmsPilotBatch): SmsMandateRule {
  const [year, month, day] = batch.split('-').map(Number);
  return {
    id: 'sms-pilot',
    scope: 'pilot',
    exemptFilingTypes: [],
    effectiveFrom: batch,
    title: {
      zh: `${year}年${month}月${day}日起被列为短信核验试点省份`,
      en: `SMS verification pilot province from ${batch}`,
    },
    source: cite('seed002', '8 短信核验 需短信核验省份'),
  };
}

/** Seed 000's estimate wording and the working days it stands for (a week is 5 working days). */
const ESTIMATES = { '3 周': 15, '2 周': 10, '1 周': 5, '3 天': 3 } as const;

/** The 管局 review estimate of seed 000 (部分省份管局审核周期预估). */
export function reviewEstimate(quote: keyof typeof ESTIMATES): ReviewEstimateRule {
  const workingDays = ESTIMATES[quote];
  return {
    id: 'review-estimate',
    minWorkingDays: workingDays,
    maxWorkingDays: workingDays,
    quote,
    title: {
      zh: `管局审核周期预估 ${quote}`,
      en: `管局 review takes about ${workingDays} working days`,
    },
    source: cite('seed000', '3.5 备案信息提交后的备案操作'),
    note: 'A week is counted as 5 working days.',
  };
}

/** Where individuals from another province may file (replaces the national advisory rule). */
export function individualFilingRegion(
  policy: Exclude<FilingRegionRequirement['policy'], 'certificate-province' | 'id-or-residence'>,
): FilingRegionRequirement {
  const titles = {
    'local-id-only': { zh: '个人备案须使用本省身份证，不支持异地备案', en: 'Individuals need an ID card issued in the province' },
    'local-id-or-residence-permit': {
      zh: '外省个人须提供本省居住证',
      en: 'Individuals from another province need a local residence permit',
    },
    'local-id-residence-permit-or-student-id': {
      zh: '外省个人须提供本省居住证或学生证',
      en: 'Individuals from another province need a local residence permit or student ID',
    },
  } as const;
  return {
    id: 'individual-filing-region',
    kind: 'filing-region',
    policy,
    appliesTo: 'individual',
    filingTypes: ['FIRST'],
    enforcement: 'error',
    replaces: ['national/individual-filing-region'],
    title: titles[policy],
    source: cite('providerKb'),
  };
}

/** The 2017 list of provinces wanting the principal's mobile number registered locally (old data). */
export function mobileRegion2017(): DataRequirement {
  return {
    id: 'mobile-region-2017',
    kind: 'mobile-region',
    appliesTo: 'all',
    filingTypes: FILINGS_WITH_DATA,
    enforcement: 'advisory',
    title: {
      zh: '负责人手机号码归属地需为本省（2017年资料，可能已变化）',
      en: 'The principal\'s mobile number registered in the province (2017 data, may have changed)',
    },
    source: cite('providerKb2017'),
  };
}

/** Contact address and certificate address in the same city. */
export function addressSameCity(): DataRequirement {
  return {
    id: 'address-same-city',
    kind: 'address-same-city',
    appliesTo: 'all',
    filingTypes: FILINGS_WITH_DATA,
    enforcement: 'error',
    title: {
      zh: '通讯地址与证件地址须在同一城市',
      en: 'Communication address and certificate address in the same city',
    },
    source: cite('providerKb'),
  };
}

/** The domain must be registered to the organisation itself (replaces the national advisory rule). */
export function domainHolderOrganisation(): DomainHolderRequirement {
  return {
    id: 'organisation-domain-holder',
    kind: 'domain-holder',
    holder: 'organisation',
    appliesTo: 'organisation',
    filingTypes: FILINGS_WITH_DATA,
    enforcement: 'error',
    replaces: ['national/organisation-domain-holder'],
    title: { zh: '单位备案的域名持有者须为该单位', en: 'The organisation itself holds the domain' },
    source: cite('providerKb'),
  };
}

/** Declare the access method 虚拟主机 instead of 其他方式 (seed 000: 浙江 and 天津). */
export function virtualHostAccess(): AccessMethodRequirement {
  return {
    id: 'access-method',
    kind: 'access-method',
    method: '虚拟主机',
    appliesTo: 'all',
    filingTypes: FILINGS_WITH_DATA,
    enforcement: 'error',
    replaces: ['national/access-method'],
    title: { zh: '网站接入方式选择“虚拟主机”', en: 'Access method 虚拟主机' },
    source: cite('seed000', '3.2.2 新增接入'),
  };
}
