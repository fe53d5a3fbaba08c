/**
 * A province's golden output: its declaration and what the engines answer for a fixed set of inputs.
 * The contract suite writes one file per province to `provinces/__golden__/`; a change to one module
 * then shows a diff in that module's file only (a change to the national defaults, in all of them).
 */
import { shanghaiDay } from '../../src/domain/calendar.js';
import { FILING_TYPES, type SubjectNature } from '../../src/domain/vocabulary.js';
import { reviewEstimate } from '../engine/estimate.js';
import { checkWebsiteName } from '../engine/naming.js';
import { rulesInForce } from '../engine/resolve.js';
import { requireProvince } from '../engine/scope.js';
import { siteLimits } from '../engine/sites.js';
import { certificateSuffix, smsRequirement } from '../engine/sms.js';

/** Days on both sides of every dated rule in the seeds. */
const DAYS = ['2017-12-01', '2018-01-01', '2018-09-15', '2019-01-01', '2020-08-17', '2021-07-01'];

const SAMPLE_NAMES: { nature: SubjectNature; subjectName: string; names: string[] }[] = [
  {
    nature: 'INDIVIDUAL',
    subjectName: '王小明',
    names: [
      '王小明的读书笔记',
      '王小明的个人博客',
      '王小明的个人主页',
      '王小明的官网商城',
      '小明的股票论坛',
      '王小明的网站',
      '王小明的购物分享',
      '王小明的技术心得',
      '王小明的在线课堂',
    ],
  },
  { nature: 'ENTERPRISE', subjectName: '星辰科技有限公司', names: ['星辰科技官网', '中国星辰网', '星辰论坛'] },
];

const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

export function goldenOf(code: string): unknown {
  const province = requireProvince(code);
  return {
    module: province,
    rulesInForce: Object.fromEntries(
      ['2018-01-01', '2021-07-01'].map((day) => [
        day,
        rulesInForce(code, at(day)).rules.map((rule) => (rule.replacedBy ? `${rule.id} → ${rule.replacedBy}` : rule.id)),
      ]),
    ),
    siteLimits: Object.fromEntries(
      (['FIRST', 'ADD_WEBSITE', 'ACCESS'] as const).map((filingType) => [
        filingType,
        Object.fromEntries(
          (['INDIVIDUAL', 'ENTERPRISE'] as const).map((nature) => {
            const { maxWebsites, maxDomainsPerWebsite, maxNewDomains, undecided } = siteLimits({
              province: code,
              filingType,
              nature,
              at: at('2021-07-01'),
            });
            return [nature, { maxWebsites, maxDomainsPerWebsite, maxNewDomains, undecided: undecided.map((r) => r.id) }];
          }),
        ),
      ]),
    ),
    sms: Object.fromEntries(
      DAYS.map((day) => [
        day,
        Object.fromEntries(
          FILING_TYPES.map((filingType) => {
            const sms = smsRequirement({ province: code, filingType, at: at(day), subjectChanged: true });
            return [filingType, sms.required ? sms.roles.join('+') : '-'];
          }),
        ),
      ]),
    ),
    reviewEstimate: (() => {
      const estimate = reviewEstimate({ province: code, submittedAt: new Date('2024-09-27T10:00:00+08:00') });
      return {
        workingDays: [estimate.minWorkingDays, estimate.maxWorkingDays, estimate.limitWorkingDays],
        days: [estimate.earliest, estimate.latest, estimate.limit].map(shanghaiDay),
      };
    })(),
    hkMacauSuffix: certificateSuffix({
      province: code,
      certificateType: 'HK_MACAU_TRAVEL_PERMIT',
      certificateNumber: 'H12345678',
      hkMacauIdentityNumber: 'A1234567(8)',
    }).suffix,
    names: Object.fromEntries(
      SAMPLE_NAMES.flatMap(({ nature, subjectName, names }) =>
        names.map((name) => [
          `${nature} ${name}`,
          checkWebsiteName({ province: code, nature, name, subjectName, remark: '', at: at('2021-07-01') }).map(
            (v) => `${v.rule}${v.matched === undefined ? '' : `=${v.matched}`}${v.field === 'name' ? '' : ` @${v.field}`}`,
          ),
        ]),
      ),
    ),
  };
}
