/**
 * Domains and homepage URLs.
 *
 * A filing is for a registrable domain (主域名): the label just under an ICANN public suffix, such as
 * `example.com.cn`. Filing frontends show a fixed `www.` before the domain box (seed 002 §1.1) and the
 * verification form asks for the domain "without www." (seed 000 §3.3), so:
 * - `www.example.com` is normalised to `example.com` without a violation;
 * - any other subdomain (`shop.example.com`) is refused with `domain-subdomain`, naming the main
 *   domain to file;
 * - a URL (scheme, path, port, query) is refused with `domain-url`.
 * When a hostname can still be recognised, `domain` and `hostname` are filled even though `ok` is
 * false, so a frontend can suggest the right value; only `ok` means the domain can be filed.
 *
 * Normal form: lower case, no trailing dot, ASCII (punycode, `xn--fiq228c.xn--fiqs8s`) — what DNS,
 * WHOIS and URL parsers use, so that one domain has one spelling. `domainUnicode` (中文.中国) is for
 * display. Private suffixes of the Public Suffix List (github.io, blogspot.com) are refused: the domain
 * under them belongs to the platform, not the applicant.
 */
import { isIP } from 'node:net';
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import type { Violation } from '../domain/violation.js';
import { SOURCE, violation } from './common.js';

export interface ParsedDomain {
  /** The input is a registrable domain (or `www.` + one) under an ICANN suffix. */
  ok: boolean;
  /** The registrable domain, ASCII lower case; filled whenever one could be recognised. */
  domain: string | null;
  /** `domain` in Unicode, for display. */
  domainUnicode: string | null;
  /** The whole host entered, normalised (may be a subdomain of `domain`). */
  hostname: string | null;
  /** The public suffix (`com.cn`), ASCII. */
  suffix: string | null;
  violations: Violation[];
}

const MAX_INPUT = 1024;
const MAX_DOMAIN = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Characters that only occur in URLs, not in host names: path, query, fragment, credentials, port. */
const URL_PART = /[/?#@\\:]/;

/**
 * Parses what an applicant typed as a domain into the registrable domain to file (see the module
 * note for what is accepted). Never throws; `field` is used for the violations.
 */
export function parseDomain(input: string, field = 'domain'): ParsedDomain {
  const result: ParsedDomain = { ok: false, domain: null, domainUnicode: null, hostname: null, suffix: null, violations: [] };
  const fail = (rule: string, message: string, messageEn: string, matched?: string): ParsedDomain => {
    result.violations.push(violation({ field, rule, message, messageEn, source: SOURCE.domain, matched }));
    return result;
  };
  let text = String(input ?? '').trim();
  if (!text) return fail('domain-required', '请填写域名', 'The domain is required');
  if (text.length > MAX_INPUT) return fail('domain-too-long', '域名过长', 'The domain is too long');

  if (SCHEME.test(text) || URL_PART.test(text)) {
    fail('domain-url', '请只填写域名（如 example.com），不要包含 http://、路径或端口', 'Enter the domain only (example.com), without scheme, path or port', text);
    const host = hostOfUrl(text);
    if (host === null) return result;
    text = host;
  }
  if (/\s/.test(text)) return fail('domain-invalid', '域名不能包含空格', 'A domain cannot contain spaces', text);

  let ascii = domainToASCII(text);
  if (!ascii) return fail('domain-invalid', '域名格式不正确', 'The domain is malformed', text);
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  if (isIP(ascii) || /^\[.*\]$/.test(ascii)) return fail('domain-ip', '请填写域名，不能填写 IP 地址', 'Enter a domain name, not an IP address', ascii);
  const badLabel = ascii.split('.').find((label) => !LABEL.test(label));
  if (badLabel !== undefined) {
    return fail(
      'domain-label',
      '域名的每一段须为1–63位字母、数字或连字符，且不能以连字符开头或结尾',
      'Each domain label has 1–63 letters, digits or hyphens and does not start or end with a hyphen',
      badLabel,
    );
  }
  if (ascii.length > MAX_DOMAIN) return fail('domain-too-long', '域名不能超过253个字符', 'A domain has at most 253 characters', String(ascii.length));
  result.hostname = ascii;
  if (!ascii.includes('.')) return fail('domain-no-suffix', '域名须包含顶级域名（如 .com、.cn）', 'The domain needs a top-level domain such as .com or .cn', ascii);

  const parsed = parse(ascii, { allowPrivateDomains: true, extractHostname: false, validateHostname: false });
  result.suffix = parsed.publicSuffix;
  if (parsed.isPrivate) {
    return fail(
      'domain-private-suffix',
      `${parsed.publicSuffix} 下的域名属于平台提供的地址，不能备案，请使用自己注册的域名`,
      `Names under ${parsed.publicSuffix} belong to a hosting platform and cannot be filed; use a domain you registered`,
      parsed.publicSuffix ?? undefined,
    );
  }
  if (!parsed.isIcann) return fail('domain-unknown-suffix', '不是有效的顶级域名', 'The top-level domain is not a known public suffix', parsed.publicSuffix ?? undefined);
  if (!parsed.domain) return fail('domain-bare-suffix', '请填写完整的域名（如 example.com.cn），而不只是后缀', 'Enter a full domain (example.com.cn), not only a suffix', ascii);

  result.domain = parsed.domain;
  result.domainUnicode = domainToUnicode(parsed.domain);
  if (parsed.subdomain && parsed.subdomain !== 'www') {
    fail('domain-subdomain', `请填写主域名 ${result.domainUnicode}，无需填写子域名`, `File the main domain ${parsed.domain}, not a subdomain`, ascii);
  }
  result.ok = result.violations.length === 0;
  return result;
}

/** The host of something URL-shaped (`https://www.example.com/a`, `example.com:8080`), or `null`. */
function hostOfUrl(text: string): string | null {
  try {
    const url = new URL(SCHEME.test(text) ? text : `http://${text}`);
    return url.hostname || null;
  } catch {
    return null;
  }
}

/** An entered domain in the normal form used for comparisons (ASCII, lower case, no trailing dot). */
function comparableDomain(domain: string): string {
  const ascii = domainToASCII(domain.trim()) || domain.trim().toLowerCase();
  return ascii.endsWith('.') ? ascii.slice(0, -1) : ascii;
}

const MAX_URL = 2048;

/**
 * 网站首页URL: an http(s) URL whose host is one of the website's domains or a subdomain of one. The
 * scheme may be left out (`www.example.com` is read as `http://www.example.com`), as filing forms
 * show. Credentials in the URL are refused. With no domains (none valid yet) the host is not checked.
 */
export function validateHomepageUrl(url: string, domains: readonly string[], field: string): Violation[] {
  const at = (rule: string, message: string, messageEn: string, matched?: string) => [
    violation({ field, rule, message, messageEn, source: `${SOURCE.seed002} §3`, matched }),
  ];
  const text = String(url ?? '').trim();
  if (!text) return at('homepage-required', '请填写网站首页地址', 'The homepage URL is required');
  const hasScheme = SCHEME.test(text);
  if (hasScheme && !/^https?:\/\//i.test(text)) {
    return at('homepage-scheme', '网站首页地址须以 http:// 或 https:// 开头', 'The homepage URL must use http or https', text.slice(0, text.indexOf(':')));
  }
  let parsed: URL | undefined;
  try {
    if (text.length <= MAX_URL && !/\s/.test(text)) parsed = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !parsed.hostname || parsed.username || parsed.password) {
    return at('homepage-invalid', '网站首页地址格式不正确（如 http://www.example.com）', 'The homepage URL is malformed (e.g. http://www.example.com)');
  }
  const host = comparableDomain(parsed.hostname);
  const allowed = domains.map(comparableDomain);
  if (allowed.length > 0 && !allowed.some((d) => host === d || host.endsWith(`.${d}`))) {
    return at('homepage-domain', '网站首页地址须使用本网站备案的域名', 'The homepage URL must be on one of the website’s domains', host);
  }
  return [];
}
