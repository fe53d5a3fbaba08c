/** The APP rules as pure functions of (items, facts, day): no server, no database. */
import { describe, expect, it } from 'vitest';
import { appNameKey, checkAppItems, NO_APP_FACTS, type AppFacts } from '../../src/workflow/app-rules.js';
import { decideAppFilingType, appFilingTypeKey } from '../../src/workflow/decide/app-filing-type.js';
import { appItem, itemFields, type AppData } from '../../src/workflow/filing-data.js';

const MD5 = '0123456789ABCDEF0123456789ABCDEF';
const KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA';
const at = new Date('2026-03-02T02:00:00Z');

function app(overrides: Partial<AppData> = {}): AppData {
  return {
    kind: 'APP',
    name: '星辰记账',
    contentCategory: 'OTHER',
    languages: ['zh-Hans'],
    platforms: [{ kind: 'ANDROID', packageName: 'com.xingchen.books', publicKey: KEY, md5Signature: MD5 }],
    sdks: [],
    domains: ['api.xingchen.cn'],
    ipAddresses: ['203.0.113.10'],
    productVerification: 'SERVER_INSTANCE',
    serverInstanceId: 'i-1',
    preApprovals: [],
    ...overrides,
  };
}

function check(apps: AppData[], facts: AppFacts = NO_APP_FACTS, nature: 'INDIVIDUAL' | 'ENTERPRISE' = 'ENTERPRISE') {
  const items = apps.map(appItem);
  return checkAppItems(items, itemFields(items), { province: 'henan', nature, subjectName: '郑州星辰科技有限公司', facts, at }).map((v) => `${v.field} ${v.rule}`);
}

describe('checkAppItems', () => {
  it.each<[string, AppData[], AppFacts, string[]]>([
    ['a complete APP', [app()], NO_APP_FACTS, []],
    ['a name taken in the subject', [app()], { ...NO_APP_FACTS, appNamesTakenInSubject: new Set([appNameKey('APP', '星辰记账')]) }, ['apps[0].name national/app-name-taken']],
    ['the same name as a mini-program (another kind)', [app()], { ...NO_APP_FACTS, appNamesTakenInSubject: new Set([appNameKey('MINI_PROGRAM', '星辰记账')]) }, []],
    ['one name twice in the order', [app(), app()], NO_APP_FACTS, ['apps[1].name national/app-name-duplicate']],
    ['a back-end domain of another subject', [app()], { ...NO_APP_FACTS, domainsOfOtherSubjects: new Set(['xingchen.cn']) }, ['apps[0].domains[0] national/app-domain-other-subject']],
    ['no name', [app({ name: ' ' })], NO_APP_FACTS, ['apps[0].name national/app-name-required']],
    ['a homepage off its domains', [app({ homepageUrl: 'https://other.cn/' })], NO_APP_FACTS, ['apps[0].homepageUrl national/homepage-domain-mismatch']],
  ])('%s', (_label, apps, facts, expected) => {
    const found = check(apps, facts);
    if (expected.length === 0) expect(found).toEqual([]);
    else for (const e of expected) expect(found.map((f) => f.replace(/ national\/homepage-.*/, ' national/homepage-domain-mismatch'))).toContain(e);
  });

  it('wants content that fits the nature (seed 003)', () => {
    expect(check([app({ contentCategory: 'PERSONAL_BLOG' })])).toEqual(['apps[0].contentCategory national/app-content-nature']);
    expect(check([app({ contentCategory: 'ENTERPRISE_PORTAL' })], NO_APP_FACTS, 'INDIVIDUAL')).toEqual(['apps[0].contentCategory national/app-content-nature']);
  });

  it('wants the icon of each APP when a new filing is submitted', () => {
    const items = [app(), app({ name: '星辰日历' })].map(appItem);
    const facts = { ...NO_APP_FACTS, itemsWithIcon: new Set(['w1']) };
    const found = checkAppItems(items, itemFields(items), { province: 'henan', nature: 'ENTERPRISE', subjectName: '郑州星辰科技有限公司', facts, at, submittedItemIds: ['w1', 'w2'] });
    expect(found.map((v) => `${v.field} ${v.rule}`)).toEqual(['apps[1].icon national/app-icon-required']);
  });

  it('does not apply the website-name bans to APP names', () => {
    // 论坛 and 平台 are banned in individuals' website names (seed 002 附录二); no source bans them in APP names.
    expect(check([app({ name: '学习平台' })], NO_APP_FACTS, 'INDIVIDUAL')).toEqual([]);
  });
});

describe('decideAppFilingType', () => {
  const input = { provinceCode: 'henan', nature: 'ENTERPRISE' as const, certificateType: 'BUSINESS_LICENSE' as const, certificateNumber: '91410100MA00000000', appName: '星辰记账', serviceKind: 'APP' as const };
  const key = { domain: '', certificateType: 'BUSINESS_LICENSE' as const, certificateNumber: '91410100MA00000000' };
  const filed = { id: 's1', ownerId: 'a1', status: 'FILED', provinceCode: 'henan', inProgress: false };

  it.each([
    ['new subject, new name', { subject: null }, { existing: null }, 'FIRST', []],
    ['filed subject, new name', { subject: filed }, { existing: null }, 'ADD_WEBSITE', []],
    ['filed subject, filed name', { subject: filed }, { existing: { status: 'FILED', inProgress: false } }, null, ['national/app-already-filed']],
    ['name in an order in progress', { subject: filed }, { existing: { status: 'DRAFT', inProgress: true } }, null, ['national/app-order-in-progress']],
    ['subject of another account', { subject: { ...filed, ownerId: 'a2' } }, { existing: null }, null, ['national/subject-exists-elsewhere']],
  ] as const)('%s', (_label, subject, appFacts, filingType, rules) => {
    const verdict = decideAppFilingType(input, key, { viewerId: 'a1', subjectFilings: [], ...subject }, appFacts);
    expect(verdict.filingType).toBe(filingType);
    expect(verdict.violations.map((v) => v.rule)).toEqual(rules);
  });

  it('refuses a blank name before anything is loaded', () => {
    expect(appFilingTypeKey({ ...input, appName: '' }).refusal?.violations.map((v) => v.rule)).toContain('national/app-name-required');
  });
});
