/**
 * The documents rules of several modules cite. A rule's `source` is `<document key> §<section>` (the
 * section part is optional), e.g. `seed:002_cda330130d5f816e.txt §附录二`. A document only one module
 * cites is declared in that module's own `sources` (see provinces/README.md). `defineProvince` refuses a
 * rule citing a key known neither here nor in its module; the contract suite checks that every `seed:`
 * file exists in the seeds folder (`shared/seeds/`, see kit/seeds.ts) and that quoted text appears in it.
 * Public sources are named so that a reader can find them again.
 */
import type { ModuleSources, SourceDocument } from './types.js';

export type { SourceDocument };

export const SOURCES = {
  seed000: {
    key: 'seed:000_d2f846ec46511894.txt',
    title: '21Vianet/Azure China: ICP 备案操作解析 (原备案不在蓝云-新增接入)',
    date: '2017-01-18',
  },
  seed001: {
    key: 'seed:001_e7357fca94cf0c4e.txt',
    title: 'Aliyun 备案快速入门 (republished by a Shanxi web-building company)',
    date: '2019-12-25',
  },
  seed002: {
    key: 'seed:002_cda330130d5f816e.txt',
    title: 'Aliyun ICP备案流程(PC端), 文档版本 20190816',
    date: '2019-08-16',
  },
  seed003: {
    key: 'seed:003_d52f7835b40017ce.txt',
    title: 'Huawei Cloud 首次备案 (ICP filing guide, 2021 or later)',
  },
  seed004: {
    key: 'seed:004_0ba6ff351005c164.txt',
    title: 'Aliyun International ICP备案快速入门',
  },
  miitOrder33: {
    key: 'public:miit-order-33',
    title: '《非经营性互联网信息服务备案管理办法》(信息产业部令第33号): 管局 decides within 20 working days',
    date: '2005-03-20',
  },
  miitSms2020: {
    key: 'public:miit-sms-2020',
    title:
      'MIIT filing SMS verification as documented by access providers (Huawei Cloud 备案短信核验): ' +
      '6-digit codes, at most 2 resends, the 6th entry after 5 wrong ones returns the filing; ' +
      'no filing passwords from 2020-08-17',
    date: '2020-08-17',
  },
  miitSmsPrinciple: {
    key: 'public:miit-sms-principle',
    title:
      'MIIT SMS verification principle as published by access providers (2018): changes to subject data ' +
      'are verified by the subject principal, changes to website data by the website principal',
    date: '2018-11-07',
  },
  providerKb: {
    key: 'public:provider-kb',
    title:
      'Access providers\' current per-province 管局 rule pages (Aliyun 管局规则, Tencent Cloud and Huawei ' +
      'Cloud 各地管局要求)',
  },
  providerKb2017: {
    key: 'public:provider-kb-2017',
    title: 'Access providers\' per-province 管局 rule tables as of 2017 (old data; rules may have changed)',
    date: '2017-01-01',
  },
  identity: {
    key: 'public:province-identity',
    title:
      'Province names, the abbreviations used in ICP numbers (MIIT 备案管理系统, provider documentation) and ' +
      'GB/T 2260 行政区划代码 province codes',
  },
} as const satisfies Record<string, SourceDocument>;

export type SourceName = keyof typeof SOURCES;

/**
 * A source reference: the document's key, then ` §section` when a section is given. `document` is the
 * name of a shared document (`'seed002'`) or a document the module declares (`sources.myKb`).
 */
export function cite(document: SourceName | SourceDocument, section?: string): string {
  const { key } = typeof document === 'string' ? SOURCES[document] : document;
  return section ? `${key} §${section}` : key;
}

/** The document key of a source reference (the part before ` §`). */
export function sourceKey(source: string): string {
  const at = source.indexOf(' §');
  return at === -1 ? source : source.slice(0, at);
}

const byKey = new Map<string, SourceDocument>(Object.values(SOURCES).map((doc) => [doc.key, doc]));

/** The cited document among the shared ones, then the module's own `sources`; `undefined` when unknown. */
export function findSource(source: string, own?: ModuleSources): SourceDocument | undefined {
  const key = sourceKey(source);
  return byKey.get(key) ?? (own ? Object.values(own).find((doc) => doc.key === key) : undefined);
}
