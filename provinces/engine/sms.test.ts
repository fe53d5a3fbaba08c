/** SMS verification over time, for every province. */
import { describe, expect, it } from 'vitest';
import { FILING_TYPES } from '../../src/domain/vocabulary.js';
import { listProvinces, smsRecipients, smsRequirement } from '../index.js';

const at = (day: string) => new Date(`${day}T12:00:00+08:00`);
const provinces = listProvinces();

describe('smsRequirement', () => {
  it('never verifies 取消接入', () => {
    for (const province of provinces) {
      for (const day of ['2018-01-01', '2019-06-01', '2020-08-17', '2025-03-03']) {
        expect(smsRequirement({ province: province.code, filingType: 'CANCEL_ACCESS', at: at(day) }).required).toBe(false);
      }
    }
  });

  it('verifies nobody before the first pilot, and both principals of a first filing everywhere from 2020-08-17', () => {
    for (const province of provinces) {
      for (const filingType of FILING_TYPES) {
        expect(smsRequirement({ province: province.code, filingType, at: at('2017-12-17') }).required).toBe(false);
      }
      const first = smsRequirement({ province: province.code, filingType: 'FIRST', at: at('2020-08-17') });
      expect(first.roles).toEqual(['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL']);
      expect(first.mandate?.id).toBe('national/sms-nationwide');
    }
  });

  it('follows seed 002 附录二 during the pilots and seed 003 after', () => {
    const pilot = smsRequirement({ province: 'tianjin', filingType: 'CANCEL_SUBJECT', at: at('2019-01-01') });
    expect(pilot).toMatchObject({ required: false, mandate: { id: 'tianjin/sms-pilot' } });
    expect(pilot.rules.map((r) => r.id)).toContain('national/sms-roles-pilot');
    const nationwide = smsRequirement({ province: 'tianjin', filingType: 'CANCEL_SUBJECT', at: at('2020-08-17') });
    expect(nationwide).toMatchObject({ required: true, roles: ['SUBJECT_PRINCIPAL'] });
    expect(nationwide.rules.map((r) => r.id)).toContain('national/sms-roles');
  });

  it('gives the code rules with their sources', () => {
    const sms = smsRequirement({ province: 'hubei', filingType: 'FIRST', at: at('2021-01-04') });
    expect(sms).toMatchObject({ codeLength: 6, codeValidityHours: 24, resendIntervalMinutes: 10, maxResends: 2, maxAttempts: 5 });
    expect(sms.rules.every((rule) => rule.source.length > 0)).toBe(true);
  });

  it('asks what changed for a 变更备案', () => {
    const sms = smsRequirement({ province: 'hubei', filingType: 'CHANGE', at: at('2021-01-04') });
    expect(sms).toMatchObject({ required: true, roles: [], needs: ['subjectChanged', 'websiteChanged'] });
  });
});

describe('smsRecipients', () => {
  it('sends one code per distinct mobile number', () => {
    const roles = ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'] as const;
    expect(smsRecipients(roles, { SUBJECT_PRINCIPAL: '13800000000', WEBSITE_PRINCIPAL: '138 0000 0000' })).toEqual([
      { mobile: '13800000000', roles: ['SUBJECT_PRINCIPAL', 'WEBSITE_PRINCIPAL'] },
    ]);
    expect(smsRecipients(roles, { SUBJECT_PRINCIPAL: '13800000000', WEBSITE_PRINCIPAL: '13900000000' })).toHaveLength(2);
    expect(smsRecipients(['WEBSITE_PRINCIPAL'], { SUBJECT_PRINCIPAL: '13800000000' })).toEqual([]);
  });
});
