import fc from 'fast-check';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { parseDomain, validateHomepageUrl } from '../../src/validation/index.js';
import { arbAnyText, expectWellFormed, rules } from './fixtures.js';

const F = 'websites[0].domains[0]';

describe('parseDomain', () => {
  it.each([
    ['example.com', 'example.com', 'example.com', 'com'],
    ['Example.COM', 'example.com', 'example.com', 'com'],
    ['example.com.', 'example.com', 'example.com', 'com'],
    ['  example.com.cn  ', 'example.com.cn', 'example.com.cn', 'com.cn'],
    ['www.example.com', 'example.com', 'www.example.com', 'com'],
    ['WWW.Example.Com.Cn.', 'example.com.cn', 'www.example.com.cn', 'com.cn'],
    ['beijing.gov.cn', 'beijing.gov.cn', 'beijing.gov.cn', 'gov.cn'],
    ['example.co.uk', 'example.co.uk', 'example.co.uk', 'co.uk'],
    ['my-site9.net', 'my-site9.net', 'my-site9.net', 'net'],
    ['ＥＸＡＭＰＬＥ．ＣＯＭ', 'example.com', 'example.com', 'com'],
    ['中文.中国', 'xn--fiq228c.xn--fiqs8s', 'xn--fiq228c.xn--fiqs8s', 'xn--fiqs8s'],
    ['中文。中国', 'xn--fiq228c.xn--fiqs8s', 'xn--fiq228c.xn--fiqs8s', 'xn--fiqs8s'],
    ['xn--fiq228c.xn--fiqs8s', 'xn--fiq228c.xn--fiqs8s', 'xn--fiq228c.xn--fiqs8s', 'xn--fiqs8s'],
    ['例子.公司', 'xn--fsqu00a.xn--55qx5d', 'xn--fsqu00a.xn--55qx5d', 'xn--55qx5d'],
  ])('accepts %j as %s', (input, domain, hostname, suffix) => {
    const r = parseDomain(input, F);
    expect(r).toMatchObject({ ok: true, domain, hostname, suffix, violations: [] });
  });

  it('gives the Unicode form for display', () => {
    expect(parseDomain('xn--fiq228c.xn--fiqs8s').domainUnicode).toBe('中文.中国');
    expect(parseDomain('Example.com').domainUnicode).toBe('example.com');
  });

  it.each([
    ['empty', '', 'national/domain-required'],
    ['spaces only', '   ', 'national/domain-required'],
    ['a space inside', 'exa mple.com', 'national/domain-invalid'],
    ['an empty label', 'example..com', 'national/domain-label'],
    ['a leading hyphen', '-example.com', 'national/domain-label'],
    ['a trailing hyphen', 'example-.com', 'national/domain-label'],
    ['an underscore', 'my_site.com', 'national/domain-label'],
    ['a 64-character label', `${'a'.repeat(64)}.com`, 'national/domain-label'],
    ['an invalid punycode label', 'xn--zz.com', 'national/domain-invalid'],
    ['an IPv4 address', '192.168.1.1', 'national/domain-ip'],
    ['a short IPv4 form', '10.1', 'national/domain-ip'],
    ['localhost', 'localhost', 'national/domain-no-suffix'],
    ['a single label', 'example', 'national/domain-no-suffix'],
    ['a bare suffix', 'com.cn', 'national/domain-bare-suffix'],
    ['a bare top-level domain', 'com', 'national/domain-no-suffix'],
    ['an unknown top-level domain', 'example.notatld', 'national/domain-unknown-suffix'],
    ['a private suffix', 'me.github.io', 'national/domain-private-suffix'],
    ['a private suffix itself', 'github.io', 'national/domain-private-suffix'],
    ['a blog platform', 'someone.blogspot.com', 'national/domain-private-suffix'],
    ['over 253 characters', `${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.com`, 'national/domain-too-long'],
    ['absurdly long input', 'a'.repeat(5000), 'national/domain-too-long'],
  ])('refuses %s', (_, input, rule) => {
    const r = parseDomain(input, F);
    expect(r.ok).toBe(false);
    expect(rules(r.violations)).toEqual([rule]);
    expect(r.domain).toBeNull();
    expectWellFormed(r.violations, F);
  });

  it.each([
    ['a subdomain', 'shop.example.com', ['national/domain-subdomain'], 'example.com', 'shop.example.com'],
    ['a deep subdomain', 'a.b.example.com.cn', ['national/domain-subdomain'], 'example.com.cn', 'a.b.example.com.cn'],
    ['www twice', 'www.www.example.com', ['national/domain-subdomain'], 'example.com', 'www.www.example.com'],
    ['a URL', 'https://www.example.com/index.html', ['national/domain-url'], 'example.com', 'www.example.com'],
    ['a URL with a subdomain', 'http://shop.example.com', ['national/domain-url', 'national/domain-subdomain'], 'example.com', 'shop.example.com'],
    ['a port', 'example.com:8080', ['national/domain-url'], 'example.com', 'example.com'],
    ['a path without scheme', 'example.com/about', ['national/domain-url'], 'example.com', 'example.com'],
    ['a query', 'example.com?a=1', ['national/domain-url'], 'example.com', 'example.com'],
    ['an email address', 'admin@example.com', ['national/domain-url'], 'example.com', 'example.com'],
  ])('refuses %s but suggests the main domain', (_, input, expected, domain, hostname) => {
    const r = parseDomain(input, F);
    expect(r.ok).toBe(false);
    expect(rules(r.violations)).toEqual(expected);
    expect(r).toMatchObject({ domain, hostname });
  });

  it('says which main domain to file', () => {
    const [v] = parseDomain('shop.中文.中国', F).violations;
    expect(v?.message).toContain('中文.中国');
    expect(v?.matched).toBe('shop.xn--fiq228c.xn--fiqs8s');
  });

  it('refuses a URL without a recognisable host', () => {
    const r = parseDomain('http://', F);
    expect(rules(r.violations)).toEqual(['national/domain-url']);
    expect(r.domain).toBeNull();
  });

  it('refuses an IPv6 address given as a URL host', () => {
    expect(rules(parseDomain('http://[::1]/', F).violations)).toEqual(['national/domain-url', 'national/domain-ip']);
  });

  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
  const suffix = fc.constantFrom('com', 'cn', 'com.cn', 'net.cn', 'org', 'net', 'xn--fiqs8s', 'co.uk', 'gov.cn');
  // A label under a suffix can itself be a public suffix (cq.cn, the 重庆 zone): those are not registrable.
  const arbDomain = fc
    .tuple(label, suffix)
    .map(([l, s]) => `${l}.${s}`)
    // …and `www.` in front is read as the web prefix, so a domain whose label is `www` is not generated.
    .filter((d) => getDomain(d) === d && !d.startsWith('www.'));

  it('property: generated domains parse to themselves', () => {
    fc.assert(fc.property(arbDomain, (d) => {
      const r = parseDomain(d);
      return r.ok && r.domain === d && r.hostname === d;
    }));
  });

  it('property: case, a trailing dot and www. do not change the domain', () => {
    fc.assert(
      fc.property(arbDomain, fc.boolean(), fc.boolean(), (d, www, dot) => {
        const typed = `${www ? 'WWW.' : ''}${d.toUpperCase()}${dot ? '.' : ''}`;
        const r = parseDomain(typed);
        return r.ok && r.domain === d;
      }),
    );
  });

  it('property: normalisation round-trips through the ASCII and the Unicode form', () => {
    const hanLabel = fc.string({ unit: fc.constantFrom(...'中文例子测试网站北京上海'), minLength: 1, maxLength: 6 });
    const arbIdn = fc
      .tuple(fc.oneof(label, hanLabel), fc.constantFrom('中国', 'com', 'cn', '公司', 'net'))
      .map(([l, s]) => `${l}.${s}`)
      // As for arbDomain: a label that makes a public suffix (cq.cn) or reads as the web prefix is not a domain.
      .filter((d) => getDomain(d) === d && !d.startsWith('www.'));
    fc.assert(
      fc.property(arbIdn, (d) => {
        const r = parseDomain(d);
        if (!r.ok || !r.domain || !r.domainUnicode) return false;
        return parseDomain(r.domain).domain === r.domain && parseDomain(r.domainUnicode).domain === r.domain;
      }),
    );
  });

  it('property: any other subdomain is refused and points to its main domain', () => {
    fc.assert(
      fc.property(label, arbDomain, (sub, d) => {
        fc.pre(sub !== 'www');
        const r = parseDomain(`${sub}.${d}`);
        return !r.ok && r.domain === d && rules(r.violations).includes('national/domain-subdomain');
      }),
    );
  });

  it('property: arbitrary text never throws; ok exactly when there are no violations', () => {
    fc.assert(
      fc.property(fc.oneof(arbAnyText, fc.webUrl(), fc.domain()), (text) => {
        const r = parseDomain(text, F);
        expectWellFormed(r.violations, F);
        return r.ok === (r.violations.length === 0) && (!r.ok || r.domain !== null);
      }),
    );
  });
});

describe('validateHomepageUrl', () => {
  const H = 'websites[0].homepageUrls[0]';
  const domains = ['example.com', 'xn--fiq228c.xn--fiqs8s'];

  it.each([
    'http://example.com',
    'https://www.example.com/',
    'https://shop.example.com/index.html?x=1#top',
    'HTTP://WWW.EXAMPLE.COM',
    'www.example.com',
    'example.com/index.php',
    'http://example.com:8080/',
    'http://中文.中国/',
    'https://www.xn--fiq228c.xn--fiqs8s',
    'http://example.com./',
  ])('accepts %s', (url) => {
    expect(validateHomepageUrl(url, domains, H)).toEqual([]);
  });

  it('accepts domains given in Unicode', () => {
    expect(validateHomepageUrl('http://xn--fiq228c.xn--fiqs8s', ['中文.中国'], H)).toEqual([]);
  });

  it.each([
    ['empty', '', 'national/homepage-required'],
    ['ftp', 'ftp://example.com', 'national/homepage-scheme'],
    ['javascript', 'javascript://example.com', 'national/homepage-scheme'],
    ['credentials', 'http://user:pass@example.com', 'national/homepage-invalid'],
    ['a space', 'http://exa mple.com', 'national/homepage-invalid'],
    ['no host', 'http://', 'national/homepage-invalid'],
    ['another domain', 'http://example.org', 'national/homepage-domain'],
    ['a look-alike suffix', 'http://notexample.com', 'national/homepage-domain'],
    ['the domain as a subdomain elsewhere', 'http://example.com.evil.cn', 'national/homepage-domain'],
    ['an IP address', 'http://192.168.1.1', 'national/homepage-domain'],
    ['over 2048 characters', `http://example.com/${'a'.repeat(2100)}`, 'national/homepage-invalid'],
  ])('refuses %s', (_, url, rule) => {
    const v = validateHomepageUrl(url, domains, H);
    expect(rules(v)).toEqual([rule]);
    expectWellFormed(v, H);
  });

  it('does not check the host when no domain is known yet', () => {
    expect(validateHomepageUrl('http://anything.org', [], H)).toEqual([]);
  });

  it('property: any http(s) URL on a domain or its subdomains passes; arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        const host = new URL(url).hostname;
        return validateHomepageUrl(url, [host], H).length === 0;
      }),
    );
    fc.assert(fc.property(arbAnyText, (text) => expectWellFormed(validateHomepageUrl(text, domains, H), H)));
  });
});
