/** The "other requirements": what is reported when data is missing, and what is only advisory. */
import { describe, expect, it } from 'vitest';
import { checkRequirements, issuingProvince, rulesInForce, siteLimits } from '../index.js';

const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe('issuingProvince', () => {
  it('reads resident ID and credit-code numbers', () => {
    expect(issuingProvince('RESIDENT_ID', '420102199001011234')?.code).toBe('hubei');
    expect(issuingProvince('RESIDENT_ID', '11010519491231002x')?.code).toBe('beijing');
    expect(issuingProvince('BUSINESS_LICENSE', '91420100MA01234567')?.code).toBe('hubei');
    expect(issuingProvince('BUSINESS_LICENSE', '91100000MA01234567')).toBeUndefined(); // central registration
    expect(issuingProvince('PASSPORT', 'E12345678')).toBeUndefined();
    expect(issuingProvince(undefined, '91420100MA01234567')).toBeUndefined();
    expect(issuingProvince('HK_MACAU_TW_RESIDENCE_PERMIT', '810000199001011234')).toBeUndefined();
    expect(issuingProvince('RESIDENT_ID', '4201021990')).toBeUndefined();
  });
});

describe('checkRequirements', () => {
  it('lists what cannot be decided without more data, with the inputs it needs', () => {
    const { violations, requirements } = checkRequirements({ province: 'hunan', filingType: 'FIRST', nature: 'INDIVIDUAL' });
    expect(violations).toEqual([]);
    expect(requirements.find((r) => r.id === 'hunan/mobile-region')).toMatchObject({
      status: 'undecided',
      needs: ['subject.principalMobileProvince'],
    });
    expect(requirements.find((r) => r.id === 'hunan/mobile-region-2017')).toMatchObject({ status: 'advisory' });
    expect(requirements.find((r) => r.id === 'national/individual-filing-region')).toMatchObject({ status: 'advisory' });
  });

  it('does not guess from a mobile-number region it cannot place', () => {
    const { violations, requirements } = checkRequirements({
      province: 'hunan',
      filingType: 'FIRST',
      nature: 'INDIVIDUAL',
      subject: { principalMobileProvince: '长沙' },
    });
    expect(violations).toEqual([]);
    expect(requirements.find((r) => r.id === 'hunan/mobile-region')?.status).toBe('undecided');
  });

  it('lists documents and procedures from their effective dates', () => {
    const before = checkRequirements({ province: 'guangdong', filingType: 'FIRST', nature: 'ENTERPRISE', at: at('2021-06-20') });
    expect(before.requirements.map((r) => r.id)).not.toContain('guangdong/commitment-letter');
    const after = checkRequirements({ province: 'guangdong', filingType: 'FIRST', nature: 'ENTERPRISE', at: at('2021-06-21') });
    expect(after.requirements.find((r) => r.id === 'guangdong/commitment-letter')).toMatchObject({
      status: 'obligation',
      value: 'GUANGDONG_COMMITMENT_LETTER',
      effectiveFrom: '2021-06-21',
    });

    const jiangsu = (day: string) =>
      checkRequirements({ province: 'jiangsu', filingType: 'FIRST', nature: 'INDIVIDUAL', at: at(day) }).requirements.map((r) => r.id);
    expect(jiangsu('2021-05-31')).not.toContain('jiangsu/authenticity-verification');
    expect(jiangsu('2021-06-01')).toEqual(expect.arrayContaining(['jiangsu/authenticity-verification', 'jiangsu/copyright-footer']));
  });

  it('asks for the access method the province wants', () => {
    const { requirements } = checkRequirements({ province: 'zhejiang', filingType: 'ACCESS', nature: 'ENTERPRISE' });
    expect(requirements.filter((r) => r.kind === 'access-method')).toEqual([
      expect.objectContaining({ id: 'zhejiang/access-method', value: '虚拟主机', status: 'obligation' }),
    ]);
  });

  it('keeps advisory rules out of the violations', () => {
    const { violations, requirements } = checkRequirements({
      province: 'beijing',
      filingType: 'FIRST',
      nature: 'PUBLIC_INSTITUTION',
      subject: { principalIsLegalRepresentative: false, principalMobileProvince: '河北' },
      websites: [{ domains: [{ name: 'example.com', expiresAt: at('2021-08-01') }] }],
      at: at('2021-07-01'),
    });
    expect(violations).toEqual([]);
    expect(requirements.filter((r) => r.status === 'advisory').map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'national/legal-representative',
        'national/domain-validity',
        'national/public-institution-tlds',
        'beijing/mobile-region-2017',
      ]),
    );
  });

  it('applies filing-region rules to first filings only', () => {
    const input = { province: 'henan', nature: 'INDIVIDUAL' as const, subject: { certificateProvince: '北京' } };
    expect(checkRequirements({ ...input, filingType: 'FIRST' }).violations.map((v) => v.rule)).toEqual(['henan/individual-filing-region']);
    expect(checkRequirements({ ...input, filingType: 'CHANGE' }).violations).toEqual([]);
  });
});

describe('siteLimits', () => {
  it('names limits that need the number of existing websites', () => {
    expect(siteLimits({ province: 'jiangxi', filingType: 'ADD_WEBSITE', nature: 'INDIVIDUAL' }).undecided.map((r) => r.id)).toEqual([
      'jiangxi/individual-existing-sites',
    ]);
  });
});

describe('rulesInForce', () => {
  it('shows which national rules a province supersedes', () => {
    const zhejiang = rulesInForce('zhejiang', at('2021-07-01'));
    const byId = new Map(zhejiang.rules.map((rule) => [rule.id, rule]));
    expect(byId.get('national/review-limit')?.replacedBy).toBe('zhejiang/review-limit');
    expect(byId.get('national/access-method')?.replacedBy).toBe('zhejiang/access-method');
    expect(byId.get('national/sms-certificate-suffix')?.replacedBy).toBeUndefined();
    expect(byId.get('zhejiang/hk-macau-identity-suffix')?.section).toBe('certificateSuffixes');
    expect(zhejiang.day).toBe('2021-07-01');
    expect(rulesInForce('jiangsu', at('2021-07-01')).rules.find((r) => r.id === 'national/pre-approval-words')?.replacedBy).toBe(
      'jiangsu/individual-name-pattern',
    );
  });

  it('leaves out rules not yet or no longer in effect', () => {
    const ids = (day: string) => rulesInForce('hubei', at(day)).rules.map((rule) => rule.id);
    expect(ids('2018-01-01')).not.toContain('hubei/sms-pilot');
    expect(ids('2018-01-01')).toContain('national/sms-roles-pilot');
    expect(ids('2021-01-01')).toEqual(expect.arrayContaining(['hubei/sms-pilot', 'national/sms-roles', 'national/sms-nationwide']));
    expect(ids('2021-01-01')).not.toContain('national/sms-roles-pilot');
  });
});

describe('filing password', () => {
  it('is asked of access filings until 2020-08-16 only', () => {
    const ids = (day: string) =>
      checkRequirements({ province: 'anhui', filingType: 'ACCESS', nature: 'ENTERPRISE', at: at(day) }).requirements.map((r) => r.id);
    expect(ids('2020-08-16')).toContain('national/filing-password');
    expect(ids('2020-08-17')).not.toContain('national/filing-password');
  });
});
