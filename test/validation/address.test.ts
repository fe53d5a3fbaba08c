import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listProvinces } from '../../provinces/index.js';
import {
  findProvince,
  PROVINCE_NAMES,
  provinceOfAddress,
  validateAddress,
  validateSameProvince,
} from '../../src/validation/index.js';
import { arbAnyText, expectWellFormed, rules } from './fixtures.js';

const F = 'subject.communicationAddress';

describe('province names', () => {
  it('lists the 31 mainland provinces once each', () => {
    expect(PROVINCE_NAMES).toHaveLength(31);
    for (const key of ['code', 'divisionCode', 'name', 'shortName'] as const) {
      expect(new Set(PROVINCE_NAMES.map((p) => p[key])).size).toBe(31);
    }
  });

  it('agrees with the province modules on codes and names', () => {
    const modules = listProvinces().map((p) => [p.code, p.divisionCode, p.name, p.shortName]);
    const ours = PROVINCE_NAMES.map((p) => [p.code, p.divisionCode, p.name, p.shortName]);
    expect([...ours].sort()).toEqual([...modules].sort());
  });

  it.each([
    ['广西壮族自治区', 'guangxi'],
    ['广西', 'guangxi'],
    ['广西自治区', 'guangxi'],
    ['内蒙', 'neimenggu'],
    [' 北京 ', 'beijing'],
    ['shaanxi', 'shaanxi'],
  ])('finds %j', (key, code) => {
    expect(findProvince(key)?.code).toBe(code);
  });

  it('finds nothing for unknown names', () => {
    expect(findProvince('台湾')).toBeUndefined();
    expect(findProvince('')).toBeUndefined();
  });

  it.each([
    ['广东省深圳市南山区科技园1号', 'guangdong'],
    ['广东深圳市南山区科技园1号', 'guangdong'],
    ['中国广东省深圳市南山区1号', 'guangdong'],
    ['北京市朝阳区建国路88号', 'beijing'],
    ['北京朝阳区建国路88号', 'beijing'],
    ['内蒙古自治区呼和浩特市新城区1号', 'neimenggu'],
    ['内蒙古呼和浩特市新城区1号', 'neimenggu'],
    ['内蒙呼和浩特市新城区1号', 'neimenggu'],
    ['广西南宁市青秀区民族大道100号', 'guangxi'],
    ['吉林市船营区1号', 'jilin'],
    ['海南藏族自治州共和县1号', 'qinghai'],
    ['海南州共和县1号', 'qinghai'],
    ['河北区中山路1号', 'tianjin'],
    ['海南区滨河路1号', 'neimenggu'],
    ['海南省海口市龙华区1号', 'hainan'],
  ])('reads the province of %s', (address, code) => {
    expect(provinceOfAddress(address)?.code).toBe(code);
  });

  it.each(['深圳市南山区科技园1号', '北京路100号', '山东路5号', '朝阳区建国路88号', ''])('reads no province in %j', (address) => {
    expect(provinceOfAddress(address)).toBeUndefined();
  });
});

describe('validateAddress', () => {
  it.each([
    ['a street number', { address: '广东省深圳市南山区科技南路18号', province: '广东省' }],
    ['a room', { address: '上海市浦东新区科苑路88号3号楼657室', province: '上海' }],
    ['a building letter', { address: '广东省珠海市吉大九洲大道东1298号东亚大厦A座1101', province: '广东省' }],
    ['a rural group', { address: '四川省成都市郫都区友爱镇农科村三组', province: '四川省' }],
    ['a rural 社', { address: '四川省南充市仪陇县金城镇光华村5社', province: '四川' }],
    ['building-unit-room with dashes', { address: '辽宁省沈阳市和平区南湖小区5-1-302', province: '辽宁省' }],
    ['a house plate', { address: '云南省大理市喜洲镇周城村门牌号：12', province: '云南省' }],
    ['a 3# building', { address: '湖北省武汉市洪山区光谷软件园3#楼', province: '湖北省' }],
    ['no province but a city on a licence', { address: '深圳市南山区粤海街道科技园1号', province: '广东省' }],
    ['the remark flag instead of a number', { address: '西藏自治区拉萨市城关区八廓街', province: '西藏自治区', detailRemark: true }],
    ['the city given and written without 市', { address: '深圳南山区科技南路18号', province: '广东省', city: '深圳市' }],
    ['an autonomous region by short name', { address: '广西南宁市青秀区民族大道100号', province: '广西壮族自治区' }],
    ['a province given by pinyin code', { address: '湖北省武汉市洪山区珞喻路1037号', province: 'hubei' }],
  ])('accepts %s', (_, input) => {
    expect(validateAddress(input, F)).toEqual([]);
  });

  it.each([
    ['an empty address', { address: '  ', province: '广东省' }, ['national/address-required']],
    ['4 characters', { address: '广州1号', province: '广东省' }, ['national/address-length']],
    ['129 characters', { address: `广东省${'深'.repeat(124)}1号`, province: '广东省' }, ['national/address-length']],
    ['a special character', { address: '广东省深圳市南山区科技南路18号<b>', province: '广东省' }, ['national/address-characters']],
    ['an emoji', { address: '广东省深圳市南山区科技南路18号😀', province: '广东省' }, ['national/address-characters']],
    ['another province', { address: '湖南省长沙市岳麓区麓山南路1号', province: '广东省' }, ['national/address-province']],
    ['another province by short name', { address: '湖南长沙市岳麓区麓山南路1号', province: '广东' }, ['national/address-province']],
    ['an unknown filing province', { address: '广东省深圳市南山区科技南路18号', province: '火星' }, ['national/address-province-unknown']],
    ['no door number', { address: '广东省深圳市南山区科技园', province: '广东省' }, ['national/address-not-detailed']],
    ['only a 社区', { address: '广东省深圳市南山区第一社区', province: '广东省' }, ['national/address-not-detailed']],
    ['a city that is not the subject’s', { address: '广州市天河区体育西路1号', province: '广东省', city: '深圳市' }, ['national/address-region-prefix']],
  ])('refuses %s', (_, input, expected) => {
    const v = validateAddress(input, F);
    expect(rules(v)).toEqual(expected);
    expectWellFormed(v, F);
  });

  it('names the character and the province it found', () => {
    expect(validateAddress({ address: '广东省深圳市南山区科技南路18号$', province: '广东省' }, F)[0]?.matched).toBe('$');
    expect(validateAddress({ address: '湖南长沙市岳麓区1号', province: '广东省' }, F)[0]?.matched).toBe('湖南省');
  });

  it('property: the remark flag always lifts the house-number rule', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 5, maxLength: 40 }), (address) => {
        return !rules(validateAddress({ address, province: '广东省', detailRemark: true }, F)).includes('national/address-not-detailed');
      }),
    );
  });

  it('property: a full address in any province is valid there and refused in every other', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROVINCE_NAMES), fc.constantFrom(...PROVINCE_NAMES), fc.integer({ min: 1, max: 9999 }), (home, other, n) => {
        const address = `${home.name}某某市某某区幸福路${n}号`;
        const there = validateAddress({ address, province: home.shortName }, F);
        const elsewhere = rules(validateAddress({ address, province: other.name }, F));
        return there.length === 0 && (home === other ? elsewhere.length === 0 : elsewhere.includes('national/address-province'));
      }),
    );
  });

  it('property: arbitrary and huge text never throws and huge text is refused', () => {
    fc.assert(fc.property(arbAnyText, fc.boolean(), (address, detailRemark) => expectWellFormed(validateAddress({ address, province: '北京市', detailRemark }, F), F)));
    expect(rules(validateAddress({ address: '北京市朝阳区1号'.repeat(10_000), province: '北京市' }, F))).toEqual(['national/address-length']);
  });
});

describe('validateSameProvince', () => {
  it.each([
    ['both naming the province', '广东省深圳市南山区1号', '广东省广州市天河区1号', '广东省'],
    ['a licence address naming no province', '深圳市南山区1号', '广东省深圳市福田区1号', '广东省'],
    ['neither naming a province', '深圳市南山区1号', '福田区福华路1号', '广东省'],
    ['short and full names mixed', '广西南宁市青秀区1号', '广西壮族自治区桂林市1号', '广西'],
  ])('accepts %s', (_, certificate, communication, province) => {
    expect(validateSameProvince(certificate, communication, province, F)).toEqual([]);
  });

  it.each([
    ['two named provinces', '湖南省长沙市1号', '广东省广州市1号', '广东省', '湖南省', '广东省'],
    ['a communication address outside the filing province', '深圳市南山区1号', '湖南省长沙市1号', '广东省', '广东省', '湖南省'],
    ['a certificate address outside it', '湖南长沙市1号', '深圳市南山区1号', '广东', '湖南省', '广东省'],
  ])('refuses %s', (_, certificate, communication, province, certificateProvince, communicationProvince) => {
    const v = validateSameProvince(certificate, communication, province, F);
    expect(rules(v)).toEqual(['national/address-same-province']);
    expect(v[0]?.message).toContain(certificateProvince);
    expect(v[0]?.matched).toBe(communicationProvince);
  });

  it('property: never throws, and agrees with itself when the addresses are swapped', () => {
    fc.assert(
      fc.property(arbAnyText, arbAnyText, fc.constantFrom(...PROVINCE_NAMES), (a, b, p) => {
        const forward = validateSameProvince(a, b, p.name, F);
        expectWellFormed(forward, F);
        return forward.length === validateSameProvince(b, a, p.name, F).length;
      }),
    );
  });
});
