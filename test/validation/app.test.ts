import { describe, expect, it } from 'vitest';
import { normaliseMd5, parseAppDomain, validateAppFields, validateAppIcon, type AppFieldsInput } from '../../src/validation/index.js';

const MD5 = '0123456789ABCDEF0123456789ABCDEF';
const KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA';
const good: AppFieldsInput = {
  kind: 'APP',
  platforms: [
    { kind: 'ANDROID', packageName: 'com.example.notes', publicKey: KEY, md5Signature: MD5 },
    { kind: 'IOS', packageName: 'com.example.Notes-iOS', publicKey: KEY, md5Signature: MD5.toLowerCase().match(/../g)!.join(':') },
    { kind: 'HARMONYOS', packageName: 'com.example.notes', publicKey: KEY, md5Signature: MD5 },
  ],
  sdks: [{ provider: '华为', type: '推送' }],
  domains: ['example.com', 'api.example.com', 'b.a.example.com.cn'],
  ipAddresses: ['203.0.113.10', '2001:db8::1'],
};
const rules = (input: AppFieldsInput) => validateAppFields(input, 'apps[0]').map((v) => `${v.field} ${v.rule}`);

describe('validateAppFields', () => {
  it('accepts a complete APP', () => expect(rules(good)).toEqual([]));

  it.each([
    ['com.example', true],
    ['com.example.app_2', true],
    ['example', false],
    ['com.1example', false],
    ['com.example-app', false],
    ['com..example', false],
    ['', false],
  ])('Android package %j valid: %s', (packageName, ok) => {
    const r = rules({ ...good, platforms: [{ ...good.platforms[0]!, packageName }] });
    expect(r.length === 0).toBe(ok);
  });

  it.each([
    ['com.example.Notes-iOS', true],
    ['com.example', true],
    ['com_example.app', false],
    ['noDots', false],
  ])('iOS bundle id %j valid: %s', (packageName, ok) => {
    const r = rules({ ...good, platforms: [{ ...good.platforms[1]!, packageName }] });
    expect(r.length === 0).toBe(ok);
  });

  it.each([
    [MD5, true],
    [MD5.toLowerCase(), true],
    [MD5.match(/../g)!.join(':'), true],
    [MD5.slice(0, 31), false],
    [`${MD5.slice(0, 31)}G`, false],
    ['', false],
  ])('MD5 %j valid: %s', (md5Signature, ok) => {
    const r = rules({ ...good, platforms: [{ ...good.platforms[0]!, md5Signature }] });
    expect(r.length === 0).toBe(ok);
  });

  it('lists every problem at once', () => {
    const r = rules({
      ...good,
      platforms: [
        { kind: 'ANDROID', packageName: 'bad', publicKey: '', md5Signature: 'xyz' },
        { kind: 'ANDROID', packageName: 'com.example.ok', publicKey: KEY, md5Signature: MD5 },
        { kind: 'WECHAT', appId: 'wx1' },
      ],
      sdks: [{ provider: '', type: '统计' }],
      domains: [...Array.from({ length: 21 }, (_, i) => `d${i}.example.com`), 'c.b.a.example.com'],
      ipAddresses: ['300.1.1.1'],
    });
    expect(r).toEqual(
      expect.arrayContaining([
        'apps[0].platforms[0].packageName national/app-package-name',
        'apps[0].platforms[0].publicKey national/app-public-key-required',
        'apps[0].platforms[0].md5Signature national/app-md5-signature',
        'apps[0].platforms[1].kind national/app-platform-duplicate',
        'apps[0].platforms[2].kind national/app-platform-kind',
        'apps[0].sdks[0].provider national/app-sdk-provider-required',
        'apps[0].domains national/app-domains-max',
        'apps[0].domains[21] national/app-domain-level',
        'apps[0].ipAddresses[0] national/ip-address',
      ]),
    );
  });

  it('checks mini-program app ids and quick-app package names', () => {
    expect(validateAppFields({ kind: 'MINI_PROGRAM', platforms: [{ kind: 'WECHAT', appId: 'wx0123456789abcdef' }], sdks: [], domains: [], ipAddresses: [] }, 'apps[0]')).toEqual([]);
    expect(rules({ kind: 'MINI_PROGRAM', platforms: [{ kind: 'WECHAT', appId: 'wx0123' }], sdks: [], domains: [], ipAddresses: [] })).toEqual([
      'apps[0].platforms[0].appId national/mini-program-app-id',
    ]);
    expect(rules({ kind: 'QUICK_APP', platforms: [{ kind: 'QUICK_APP_ALLIANCE', packageName: 'com.example.quick' }], sdks: [], domains: [], ipAddresses: [] })).toEqual([]);
    expect(rules({ kind: 'QUICK_APP', platforms: [{ kind: 'ANDROID', packageName: 'com.example.quick' }], sdks: [], domains: [], ipAddresses: [] })).toEqual([
      'apps[0].platforms[0].kind national/app-platform-kind',
    ]);
  });
});

describe('APP back-end domains, MD5 and icons', () => {
  it('reads the level of a back-end domain', () => {
    expect(parseAppDomain('b.a.huaweicloud.com', 'd')).toMatchObject({ hostname: 'b.a.huaweicloud.com', level: 4, violations: [] });
    expect(parseAppDomain('huaweicloud.com', 'd')).toMatchObject({ level: 2 });
    expect(parseAppDomain('x.y.z.example.com.cn', 'd').violations.map((v) => v.rule)).toEqual(['national/app-domain-level']);
  });
  it('normalises MD5 signatures', () => expect(normaliseMd5('ab:cd ef')).toBe('ABCDEF'));
  it('checks icons by content, name and size', () => {
    expect(validateAppIcon({ name: 'icon.png', sniffedType: 'image/png', size: 10_000 })).toEqual([]);
    expect(validateAppIcon({ name: 'icon.gif', sniffedType: 'image/gif', size: 2_000_000 }).map((v) => v.rule)).toEqual([
      'national/app-icon-extension',
      'national/app-icon-type',
      'national/app-icon-size',
    ]);
  });
});
