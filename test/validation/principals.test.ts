import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBJECT_NATURES } from '../../src/domain/vocabulary.js';
import { type Principal, validatePrincipals } from '../../src/validation/index.js';
import { arbMobile, expectWellFormed, residentId, rules } from './fixtures.js';

const zhang: Principal = {
  name: '张三',
  certificateType: 'RESIDENT_ID',
  certificateNumber: residentId('110105', '19900307', '451'),
  mobile: '13800000001',
  emergencyPhone: '010-62345678',
  email: 'zhang@example.com',
};
const li: Principal = {
  name: '李四',
  certificateType: 'RESIDENT_ID',
  certificateNumber: residentId('310104', '19880512', '223'),
  mobile: '13900000002',
  emergencyPhone: '010-62345678',
  email: 'li@example.com',
};

const check = (nature: 'INDIVIDUAL' | 'ENTERPRISE', subjectPrincipal: Principal, websitePrincipals: Principal[]) =>
  validatePrincipals({ nature, subjectPrincipal, websitePrincipals }, 'websites');

describe('validatePrincipals: individuals', () => {
  it('accepts the subject principal on every website', () => {
    expect(check('INDIVIDUAL', zhang, [zhang, { ...zhang }])).toEqual([]);
  });

  it('recognises the same person whatever the case or spacing of the number', () => {
    const typed = { ...zhang, certificateNumber: ` ${zhang.certificateNumber.toLowerCase()} ` };
    expect(check('INDIVIDUAL', zhang, [typed])).toEqual([]);
  });

  it('refuses someone else as website principal', () => {
    const v = check('INDIVIDUAL', zhang, [zhang, li]);
    expect(rules(v)).toEqual(['national/individual-website-principal']);
    expect(v[0]?.field).toBe('websites[1].principal');
  });

  it('refuses phone 2, for the subject and website principals', () => {
    const v = check('INDIVIDUAL', { ...zhang, phone2: '13800000009' }, [zhang]);
    expect(v.map((x) => [x.rule, x.field])).toEqual([['national/individual-phone2', 'subject.principal.phone2']]);
    const w = check('INDIVIDUAL', zhang, [{ ...zhang, phone2: '13800000009' }]);
    expect(w.map((x) => x.field)).toContain('websites[0].principal.phone2');
  });

  it('ignores an empty phone 2', () => {
    expect(check('INDIVIDUAL', { ...zhang, phone2: '  ' }, [{ ...zhang, phone2: null }])).toEqual([]);
  });

  it('refuses the same person with another name or mobile', () => {
    const v = check('INDIVIDUAL', zhang, [{ ...zhang, name: '张叁' }]);
    expect(rules(v)).toEqual(['national/principal-consistent']);
    expect(rules(check('INDIVIDUAL', zhang, [{ ...zhang, mobile: '13800000005' }]))).toEqual(['national/principal-consistent']);
  });

  it('uses the subject field it is told', () => {
    const v = validatePrincipals(
      { nature: 'INDIVIDUAL', subjectPrincipal: { ...zhang, phone2: '13800000009' }, websitePrincipals: [], subjectField: 'subject.principal[draft]' },
      'websites',
    );
    expect(v[0]?.field).toBe('subject.principal[draft].phone2');
  });
});

describe('validatePrincipals: organisations', () => {
  it('accepts the same principal or a different one with distinct contacts', () => {
    expect(check('ENTERPRISE', zhang, [zhang, li, li])).toEqual([]);
  });

  it('accepts phone 2 and a shared emergency phone (the company’s number)', () => {
    expect(check('ENTERPRISE', { ...zhang, phone2: '13800000003' }, [li])).toEqual([]);
  });

  it.each([
    ['the same mobile', { ...li, mobile: zhang.mobile }, 'national/principal-phone-distinct', 'websites[0].principal.mobile'],
    ['the same mobile typed differently', { ...li, mobile: `+86 ${zhang.mobile}` }, 'national/principal-phone-distinct', 'websites[0].principal.mobile'],
    ['phone 2 equal to the subject’s mobile', { ...li, phone2: zhang.mobile }, 'national/principal-phone-distinct', 'websites[0].principal.phone2'],
    ['the same email', { ...li, email: zhang.email }, 'national/principal-email-distinct', 'websites[0].principal.email'],
    ['the same email in other case', { ...li, email: 'ZHANG@Example.com' }, 'national/principal-email-distinct', 'websites[0].principal.email'],
  ])('refuses a different person with %s', (_, website, rule, field) => {
    const v = check('ENTERPRISE', zhang, [website]);
    expect(v.map((x) => [x.rule, x.field])).toEqual([[rule, field]]);
  });

  it('refuses two different website principals sharing a mobile, once per website', () => {
    const wang: Principal = { ...li, name: '王五', certificateNumber: residentId('440305', '19950101', '006'), email: 'wang@example.com' };
    const v = check('ENTERPRISE', zhang, [li, wang, wang]);
    expect(v.map((x) => [x.rule, x.field])).toEqual([
      ['national/principal-phone-distinct', 'websites[1].principal.mobile'],
      ['national/principal-phone-distinct', 'websites[2].principal.mobile'],
    ]);
  });

  it('refuses an emergency phone equal to the person’s own mobile, once per person', () => {
    const self = { ...zhang, emergencyPhone: `+86 ${zhang.mobile}` };
    const v = check('ENTERPRISE', self, [self, li]);
    expect(v.map((x) => [x.rule, x.field])).toEqual([['national/emergency-phone-distinct', 'subject.principal.emergencyPhone']]);
    const w = check('ENTERPRISE', zhang, [{ ...li, emergencyPhone: li.mobile }]);
    expect(w.map((x) => x.field)).toEqual(['websites[0].principal.emergencyPhone']);
  });
});

describe('validatePrincipals: properties', () => {
  const arbPerson = fc
    .record({
      name: fc.constantFrom('赵一', '钱二', '孙三', '周四'),
      seq: fc.integer({ min: 100, max: 999 }),
      mobile: arbMobile,
      phone2: fc.option(arbMobile, { nil: null }),
      emergency: fc.option(fc.constantFrom('010-62345678', '021-62345678'), { nil: undefined }),
      email: fc.emailAddress(),
    })
    .map(
      (p): Principal => ({
        name: p.name,
        certificateType: 'RESIDENT_ID',
        certificateNumber: residentId('110105', '19900101', String(p.seq)),
        mobile: p.mobile,
        phone2: p.phone2,
        emergencyPhone: p.emergency,
        email: p.email,
      }),
    );

  it('property: an individual filing with the subject principal everywhere and no phone 2 passes', () => {
    fc.assert(
      fc.property(arbPerson, fc.nat(5), (person, websites) => {
        const subject = { ...person, phone2: null };
        return check('INDIVIDUAL', subject, Array.from({ length: websites }, () => ({ ...subject }))).length === 0;
      }),
    );
  });

  it('property: different people with disjoint contacts pass for every organisation nature', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUBJECT_NATURES.filter((n) => n !== 'INDIVIDUAL')), arbPerson, arbPerson, (nature, a, b) => {
        const phonesA = [a.mobile, a.phone2];
        fc.pre(
          a.certificateNumber !== b.certificateNumber &&
            ![b.mobile, b.phone2].some((p) => p && phonesA.includes(p)) &&
            a.email.toLowerCase() !== b.email.toLowerCase(),
        );
        const v = validatePrincipals({ nature, subjectPrincipal: a, websitePrincipals: [b, a, b] }, 'websites');
        expectWellFormed(v, '');
        return v.length === 0;
      }),
    );
  });

  it('property: copying the subject principal’s mobile to another person is always caught', () => {
    fc.assert(
      fc.property(arbPerson, arbPerson, (a, b) => {
        fc.pre(a.certificateNumber !== b.certificateNumber);
        const v = check('ENTERPRISE', a, [{ ...b, mobile: a.mobile }]);
        return rules(v).includes('national/principal-phone-distinct');
      }),
    );
  });

  it('property: arbitrary strings never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUBJECT_NATURES), fc.array(fc.string(), { minLength: 10, maxLength: 10 }), (nature, s) => {
        const p = (o: number): Principal => ({
          name: s[o]!,
          certificateType: 'PASSPORT',
          certificateNumber: s[o + 1]!,
          mobile: s[o + 2]!,
          phone2: s[o + 3],
          emergencyPhone: s[o + 4],
          email: s[o + 4]!,
        });
        expectWellFormed(validatePrincipals({ nature, subjectPrincipal: p(0), websitePrincipals: [p(5), p(0)] }, 'websites'), '');
      }),
    );
  });
});
