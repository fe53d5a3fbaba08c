/**
 * APP, mini-program and quick-app information (APP备案), field by field: platforms (package name /
 * bundle id, public key, MD5 signature; a mini-program's app id; a quick app's package name), SDK
 * services, the back end's domains and IP addresses, and the icon file. Pure functions: every
 * problem of an item is reported at once, none stops at the first.
 *
 * Sources: seed 003 (Huawei Cloud 首次备案, 互联网信息 → APP信息 / APP特征信息 / 平台信息) for what an
 * item holds, the 20-domain limit, second- to fourth-level domains and the icon formats; the
 * platforms' own documentation for the syntax of package names, bundle ids and app ids ({@link APP_SOURCE}).
 */
import { isIP } from 'node:net';
import { parse } from 'tldts';
import type { Violation } from '../domain/violation.js';
import { PLATFORMS_OF_KIND, type AppPlatformKind, type ServiceKind } from '../domain/vocabulary.js';
import { SOURCE, violation } from './common.js';
import { parseDomain } from './domain.js';

export const APP_SOURCE = {
  seed003: `${SOURCE.seed003} 填写互联网信息 (APP信息, APP特征信息, 平台信息)`,
  android: 'Android Developers, "Configure the app module" (applicationId: at least two segments, each starting with a letter; letters, digits and underscores)',
  apple: 'Apple Developer Documentation, CFBundleIdentifier (letters A–Z a–z, digits 0–9, hyphens and periods)',
  harmony: 'HarmonyOS developer documentation, app.json5 bundleName (7–128 characters, starts with a letter; letters, digits, underscores and periods; reverse-domain form)',
  quickApp: '快应用 (quick app) manifest.json `package`: reverse-domain form such as com.company.module',
  wechat: 'WeChat Open Platform: a mini-program AppID is `wx` followed by 16 hexadecimal characters',
  md5: 'RFC 1321: an MD5 digest is 128 bits, written as 32 hexadecimal digits',
} as const;

/** Back-end domains per APP (seed 003: 域名最大导入数量为20个). */
export const MAX_APP_DOMAINS = 20;
/** Deepest back-end domain: 四级域名 b.a.example.com (seed 003: APP支持二到四级域名备案). */
export const MAX_APP_DOMAIN_LEVEL = 4;
/** Icon formats (seed 003: 支持png、jpg、jpeg). */
export const APP_ICON_TYPES = ['image/png', 'image/jpeg'] as const;
export const APP_ICON_EXTENSIONS = ['png', 'jpg', 'jpeg'] as const;
/**
 * Largest icon accepted. Seed 003 recommends 100 KB or less (图标大小推荐在100K以内) and gives no hard
 * limit; this platform refuses icons above 1 MiB so that a mistaken upload (a screenshot, a photo)
 * is caught, and warns nothing between the two.
 */
export const APP_ICON_MAX_BYTES = 1024 * 1024;
/** Smallest icon accepted: anything smaller is no picture. */
export const APP_ICON_MIN_BYTES = 64;

export interface AppPlatformData {
  kind: AppPlatformKind;
  /** APP: package name (Android), bundle id (iOS), bundle name (HarmonyOS); quick app: package name. */
  packageName?: string | null;
  /** Mini-program: the host platform's app id. */
  appId?: string | null;
  /** APP: public key of the signing certificate. */
  publicKey?: string | null;
  /** APP: MD5 signature value (fingerprint of the signing certificate). */
  md5Signature?: string | null;
}

export interface AppSdkData {
  provider: string;
  type: string;
}

/** What {@link validateAppFields} checks of an APP, a mini-program or a quick app. */
export interface AppFieldsInput {
  kind: Exclude<ServiceKind, 'WEBSITE'>;
  platforms: readonly AppPlatformData[];
  sdks: readonly AppSdkData[];
  /** The back end's domains as entered. */
  domains: readonly string[];
  ipAddresses: readonly string[];
}

const ANDROID_PACKAGE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;
const IOS_BUNDLE_ID = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const HARMONY_BUNDLE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;
const OTHER_PACKAGE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const WECHAT_APP_ID = /^wx[0-9a-f]{16}$/;
const GENERIC_APP_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MD5 = /^[0-9A-F]{32}$/;
const KEY_TEXT = /^[A-Za-z0-9+/=]+$/;
const MAX_PACKAGE = 255;
const MAX_KEY = 8192;

/** An MD5 signature in its stored form: the colons and spaces tools print removed, upper case. */
export function normaliseMd5(value: string): string {
  return value.replace(/[\s:]/g, '').toUpperCase();
}

/** A public key in its stored form: PEM armour and white space removed. */
export function normalisePublicKey(value: string): string {
  return value.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s/g, '');
}

/** A back-end domain in its stored form (ASCII, lower case), with its level (2 for example.com). */
export function parseAppDomain(input: string, field: string): { hostname: string | null; level: number | null; violations: Violation[] } {
  const parsed = parseDomain(input, field);
  // Sub-domains are what an APP names (a.example.com): only the website rule refuses them.
  const violations = parsed.violations.filter((v) => v.rule !== 'national/domain-subdomain');
  if (!parsed.hostname || !parsed.domain || violations.length) return { hostname: parsed.hostname, level: null, violations };
  const sub = parse(parsed.hostname, { extractHostname: false }).subdomain;
  const level = 2 + (sub ? sub.split('.').length : 0);
  if (level > MAX_APP_DOMAIN_LEVEL) {
    violations.push(
      violation({
        field,
        rule: 'app-domain-level',
        message: `APP只能填写二到四级域名（如 example.com、a.example.com、b.a.example.com），${parsed.hostname} 是${level}级域名`,
        messageEn: `An APP names second- to fourth-level domains; ${parsed.hostname} is a level-${level} domain`,
        source: APP_SOURCE.seed003,
        matched: parsed.hostname,
      }),
    );
  }
  return { hostname: parsed.hostname, level, violations };
}

function platformPackage(p: AppPlatformData, field: string, kind: AppFieldsInput['kind']): Violation[] {
  const value = p.packageName?.trim() ?? '';
  const label = p.kind === 'IOS' ? 'Bundle ID' : '包名';
  if (!value) {
    return [violation({ field, rule: 'app-package-required', message: `请填写${label}`, messageEn: `The ${p.kind === 'IOS' ? 'bundle id' : 'package name'} is required`, source: APP_SOURCE.seed003 })];
  }
  if (value.length > MAX_PACKAGE) {
    return [violation({ field, rule: 'app-package-name', message: `${label}不能超过${MAX_PACKAGE}个字符`, messageEn: `At most ${MAX_PACKAGE} characters`, source: APP_SOURCE.android, matched: String(value.length) })];
  }
  const bad = (message: string, messageEn: string, source: string) => [violation({ field, rule: 'app-package-name', message, messageEn, source, matched: value })];
  if (kind === 'QUICK_APP' || p.kind === 'ANDROID') {
    if (!ANDROID_PACKAGE.test(value)) {
      return bad(
        `包名格式不正确：须至少两段、以点分隔（如 com.example.app），每段以字母开头，只含字母、数字和下划线`,
        'A package name has at least two dot-separated segments (com.example.app), each starting with a letter and holding only letters, digits and underscores',
        kind === 'QUICK_APP' ? APP_SOURCE.quickApp : APP_SOURCE.android,
      );
    }
  } else if (p.kind === 'IOS') {
    if (!IOS_BUNDLE_ID.test(value)) {
      return bad(
        'Bundle ID 格式不正确：只能包含字母、数字、连字符和点，且至少两段（如 com.example.app）',
        'A bundle id holds only letters, digits, hyphens and periods, in at least two segments (com.example.app)',
        APP_SOURCE.apple,
      );
    }
  } else if (p.kind === 'HARMONYOS') {
    if (value.length < 7 || value.length > 128 || !HARMONY_BUNDLE.test(value)) {
      return bad(
        '鸿蒙应用包名（bundleName）格式不正确：7–128个字符，以字母开头，只含字母、数字、下划线和点，采用反域名形式（如 com.example.app）',
        'A HarmonyOS bundle name has 7–128 characters, starts with a letter, holds letters, digits, underscores and periods, in reverse-domain form (com.example.app)',
        APP_SOURCE.harmony,
      );
    }
  } else if (!OTHER_PACKAGE.test(value)) {
    return bad('包名格式不正确：只能包含字母、数字、点、下划线和连字符', 'A package name holds only letters, digits, periods, underscores and hyphens', APP_SOURCE.seed003);
  }
  return [];
}

function platformViolations(p: AppPlatformData, f: string, kind: AppFieldsInput['kind']): Violation[] {
  const out: Violation[] = [];
  if (!PLATFORMS_OF_KIND[kind].includes(p.kind)) {
    out.push(
      violation({
        field: `${f}.kind`,
        rule: 'app-platform-kind',
        message: `该平台不适用于此类互联网信息服务（可选：${PLATFORMS_OF_KIND[kind].join('、')}）`,
        messageEn: `Platform ${p.kind} does not fit a ${kind}; choose one of ${PLATFORMS_OF_KIND[kind].join(', ')}`,
        source: APP_SOURCE.seed003,
        matched: p.kind,
      }),
    );
    return out;
  }
  if (kind === 'MINI_PROGRAM') {
    const appId = p.appId?.trim() ?? '';
    if (!appId) {
      out.push(violation({ field: `${f}.appId`, rule: 'mini-program-app-id-required', message: '请填写小程序的 AppID', messageEn: "The mini-program's app id is required", source: APP_SOURCE.seed003 }));
    } else if (p.kind === 'WECHAT' ? !WECHAT_APP_ID.test(appId) : !GENERIC_APP_ID.test(appId)) {
      out.push(
        violation({
          field: `${f}.appId`,
          rule: 'mini-program-app-id',
          message: p.kind === 'WECHAT' ? '微信小程序 AppID 须为 wx 加16位十六进制字符（如 wx0123456789abcdef）' : 'AppID 只能包含字母、数字、下划线和连字符（最多64个字符）',
          messageEn: p.kind === 'WECHAT' ? 'A WeChat app id is `wx` followed by 16 hexadecimal characters' : 'An app id holds at most 64 letters, digits, underscores and hyphens',
          source: p.kind === 'WECHAT' ? APP_SOURCE.wechat : APP_SOURCE.seed003,
          matched: appId,
        }),
      );
    }
    return out;
  }
  out.push(...platformPackage(p, `${f}.packageName`, kind));
  if (kind === 'QUICK_APP') return out;
  // APP: public key and MD5 signature per platform (seed 003: 填写每个运行平台的APP包名、公钥、MD5签名值).
  const key = normalisePublicKey(p.publicKey ?? '');
  if (!key) {
    out.push(violation({ field: `${f}.publicKey`, rule: 'app-public-key-required', message: '请填写公钥', messageEn: 'The public key is required', source: APP_SOURCE.seed003 }));
  } else if (key.length > MAX_KEY || !KEY_TEXT.test(key)) {
    out.push(
      violation({
        field: `${f}.publicKey`,
        rule: 'app-public-key',
        message: `公钥格式不正确：须为十六进制或 Base64 文本（最多${MAX_KEY}个字符）`,
        messageEn: `The public key is hexadecimal or Base64 text of at most ${MAX_KEY} characters`,
        source: APP_SOURCE.seed003,
      }),
    );
  }
  const md5 = p.md5Signature?.trim() ?? '';
  if (!md5) {
    out.push(violation({ field: `${f}.md5Signature`, rule: 'app-md5-required', message: '请填写MD5签名值', messageEn: 'The MD5 signature is required', source: APP_SOURCE.seed003 }));
  } else if (!MD5.test(normaliseMd5(md5))) {
    out.push(
      violation({
        field: `${f}.md5Signature`,
        rule: 'app-md5-signature',
        message: `MD5签名值须为32位十六进制字符（0–9、A–F，可用冒号分隔），当前为${normaliseMd5(md5).length}位`,
        messageEn: `An MD5 signature is 32 hexadecimal digits (0–9, A–F, colons allowed); this has ${normaliseMd5(md5).length} characters`,
        source: APP_SOURCE.md5,
        matched: md5,
      }),
    );
  }
  return out;
}

/**
 * Every syntax problem of an APP's, mini-program's or quick app's platforms, SDK services, back-end
 * domains and IP addresses, with `field` the item's path (`apps[0]`).
 */
export function validateAppFields(input: AppFieldsInput, field: string): Violation[] {
  const out: Violation[] = [];
  if (input.platforms.length === 0) {
    out.push(violation({ field: `${field}.platforms`, rule: 'app-platform-required', message: '请至少填写一个平台信息', messageEn: 'Add at least one platform', source: APP_SOURCE.seed003 }));
  }
  const seenKinds = new Set<string>();
  for (const [i, p] of input.platforms.entries()) {
    const f = `${field}.platforms[${i}]`;
    if (seenKinds.has(p.kind)) {
      out.push(violation({ field: `${f}.kind`, rule: 'app-platform-duplicate', message: '同一平台只能填写一次', messageEn: `Platform ${p.kind} is entered twice`, source: APP_SOURCE.seed003, matched: p.kind }));
    }
    seenKinds.add(p.kind);
    out.push(...platformViolations(p, f, input.kind));
  }
  for (const [i, sdk] of input.sdks.entries()) {
    if (!sdk.provider?.trim()) {
      out.push(violation({ field: `${field}.sdks[${i}].provider`, rule: 'app-sdk-provider-required', message: '请填写SDK服务厂商', messageEn: 'The SDK provider is required', source: APP_SOURCE.seed003 }));
    }
    if (!sdk.type?.trim()) {
      out.push(violation({ field: `${field}.sdks[${i}].type`, rule: 'app-sdk-type-required', message: '请填写SDK服务类型', messageEn: 'The SDK type is required', source: APP_SOURCE.seed003 }));
    }
  }
  if (input.kind === 'APP' && input.domains.length === 0) {
    out.push(violation({ field: `${field}.domains`, rule: 'app-domain-required', message: '域名不能为空：请填写APP访问后台服务器使用的域名', messageEn: "Add the domains the APP's back end uses", source: APP_SOURCE.seed003 }));
  }
  // Seed 003 states the 20-domain import limit for APPs; mini-programs and quick apps are filed as APPs
  // (移动互联网应用程序) in the same system, so the same bound holds for them.
  if (input.domains.length > MAX_APP_DOMAINS) {
    out.push(
      violation({
        field: `${field}.domains`,
        rule: 'app-domains-max',
        message: `每个APP最多填写${MAX_APP_DOMAINS}个域名，当前为${input.domains.length}个`,
        messageEn: `At most ${MAX_APP_DOMAINS} domains per APP; this has ${input.domains.length}`,
        source: APP_SOURCE.seed003,
        matched: String(input.domains.length),
      }),
    );
  }
  const seen = new Set<string>();
  for (const [i, d] of input.domains.entries()) {
    const f = `${field}.domains[${i}]`;
    const parsed = parseAppDomain(d, f);
    out.push(...parsed.violations);
    if (parsed.hostname && seen.has(parsed.hostname)) {
      out.push(violation({ field: f, rule: 'app-domain-duplicate', message: '域名重复', messageEn: `${parsed.hostname} is entered twice`, source: APP_SOURCE.seed003, matched: parsed.hostname }));
    }
    if (parsed.hostname) seen.add(parsed.hostname);
  }
  for (const [i, ip] of input.ipAddresses.entries()) {
    if (!isIP(ip.trim())) {
      out.push(violation({ field: `${field}.ipAddresses[${i}]`, rule: 'ip-address', message: 'IP 地址格式不正确', messageEn: `${ip} is not an IP address`, matched: ip }));
    }
  }
  return out;
}

/** The icon file (seed 003: png, jpg or jpeg), by its sniffed content type, name and size. */
export function validateAppIcon(file: { name: string; sniffedType: string | null; size: number }, field = 'file'): Violation[] {
  const out: Violation[] = [];
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (!ext || !(APP_ICON_EXTENSIONS as readonly string[]).includes(ext)) {
    out.push(violation({ field, rule: 'app-icon-extension', message: 'APP图标文件须为 png、jpg 或 jpeg 格式', messageEn: 'The icon file name ends in .png, .jpg or .jpeg', source: APP_SOURCE.seed003, matched: file.name }));
  }
  if (!file.sniffedType || !(APP_ICON_TYPES as readonly string[]).includes(file.sniffedType)) {
    out.push(
      violation({
        field,
        rule: 'app-icon-type',
        message: 'APP图标文件内容须为 PNG 或 JPEG 图片',
        messageEn: `The icon must be a PNG or JPEG image by its content${file.sniffedType ? ` (found ${file.sniffedType})` : ''}`,
        source: APP_SOURCE.seed003,
        matched: file.sniffedType ?? undefined,
      }),
    );
  }
  if (file.size < APP_ICON_MIN_BYTES || file.size > APP_ICON_MAX_BYTES) {
    out.push(
      violation({
        field,
        rule: 'app-icon-size',
        message: `APP图标文件大小须在${APP_ICON_MIN_BYTES}字节到1 MB之间（推荐100 KB以内）`,
        messageEn: `The icon has ${APP_ICON_MIN_BYTES} bytes to 1 MiB (100 KB or less recommended)`,
        source: APP_SOURCE.seed003,
        matched: String(file.size),
      }),
    );
  }
  return out;
}
