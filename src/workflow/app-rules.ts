/**
 * The rules of APPs, mini-programs and quick apps (APP备案) that need more than the item itself: names
 * unique within the subject, back-end domains held by the same subject, content fitting the subject's
 * nature, and the province's APP-name rules. Pure: what the database knows comes in as {@link AppFacts}
 * (loaded by `loadAppFacts` in app-facts.ts), the day as an argument.
 */
import { parse } from 'tldts';
import { checkAppName, isRefusal } from '../../provinces/index.js';
import type { Violation } from '../domain/violation.js';
import type { SubjectNature } from '../generated/prisma/enums.js';
import { APP_SOURCE, parseAppDomain, validateAppFields, validateHomepageUrl, validateLanguages } from '../validation/index.js';
import { isAppItem, type WebsiteData } from './filing-data.js';
import { national } from './violations.js';

export interface AppFacts {
  /**
   * Names of the subject's APPs, mini-programs and quick apps that are filed or in another order in
   * progress, as `<kind>:<name>` (the order being edited does not count).
   */
  appNamesTakenInSubject: ReadonlySet<string>;
  /** Registrable domains that belong to another subject: its websites on this platform, or its national filings. */
  domainsOfOtherSubjects: ReadonlySet<string>;
  /** At submission: ids of the order's items that have an icon (an `APP_ICON` material). */
  itemsWithIcon?: ReadonlySet<string>;
}

export const NO_APP_FACTS: AppFacts = { appNamesTakenInSubject: new Set(), domainsOfOtherSubjects: new Set() };

/** The key of an APP name in {@link AppFacts.appNamesTakenInSubject}. */
export function appNameKey(kind: string, name: string): string {
  return `${kind}:${name.trim()}`;
}

/**
 * Content categories that speak of one kind of subject (seed 003: APP内容必须与主办单位性质相符): an
 * individual's APP is no organisation's portal, an organisation's is no personal space.
 */
const CATEGORY_NATURE: Readonly<Record<string, 'individual' | 'organisation'>> = {
  ENTERPRISE_PORTAL: 'organisation',
  PERSONAL_BLOG: 'individual',
};

export interface CheckAppItemsArgs {
  province: string;
  nature: SubjectNature;
  subjectName: string;
  facts: AppFacts;
  at: Date;
  /**
   * At the submission of a new filing: the id of each item (as `items`), whose APPs must then have their
   * icon uploaded (seed 003: APP图标文件:上传APP图标).
   */
  submittedItemIds?: readonly (string | undefined)[];
}

/**
 * Every problem of the order's APPs, mini-programs and quick apps (the items whose kind is not WEBSITE);
 * `fields[i]` is the input path of `items[i]`. Principals and product verification are checked with
 * the websites'.
 */
export function checkAppItems(items: readonly WebsiteData[], fields: readonly string[], args: CheckAppItemsArgs): Violation[] {
  const out: Violation[] = [];
  const names = new Map<string, string>();
  items.forEach((item, i) => {
    if (!isAppItem(item)) return;
    const kind = item.kind as 'APP' | 'MINI_PROGRAM' | 'QUICK_APP';
    const f = fields[i] ?? `apps[${i}]`;
    const name = item.name?.trim() ?? '';
    if (!name) {
      out.push(national(`${f}.name`, 'app-name-required', '请填写APP名称（安装后显示在图标下方的名称）', 'The APP name (shown under its icon) is required', APP_SOURCE.seed003));
    } else {
      const key = appNameKey(kind, name);
      if (names.has(key)) {
        out.push({ ...national(`${f}.name`, 'app-name-duplicate', '同一订单中APP名称重复', `The name is entered twice (also at ${names.get(key)})`, APP_SOURCE.seed003), matched: name });
      } else if (args.facts.appNamesTakenInSubject.has(key)) {
        out.push({
          ...national(`${f}.name`, 'app-name-taken', '同一主体下APP名称不可重复：该主体已有同名APP', 'The subject already has an APP of this name (names are unique within a subject)', APP_SOURCE.seed003),
          matched: name,
        });
      }
      names.set(key, `${f}.name`);
      out.push(
        ...checkAppName({ province: args.province, nature: args.nature, kind, name, subjectName: args.subjectName, remark: item.remark, preApprovals: item.preApprovals.map((p) => p.kind), at: args.at })
          .filter(isRefusal)
          .map((v) => ({ ...v, field: v.field === 'remark' ? `${f}.remark` : `${f}.name` })),
      );
    }
    const fitsOnly = CATEGORY_NATURE[item.contentCategory];
    if (fitsOnly && (fitsOnly === 'individual') !== (args.nature === 'INDIVIDUAL')) {
      out.push({
        ...national(
          `${f}.contentCategory`,
          'app-content-nature',
          'APP服务内容须与主办单位性质相符',
          `Content category ${item.contentCategory} does not fit a subject of nature ${args.nature}`,
          APP_SOURCE.seed003,
        ),
        matched: item.contentCategory,
      });
    }
    const itemId = args.submittedItemIds?.[i];
    if (args.submittedItemIds && (!itemId || !args.facts.itemsWithIcon?.has(itemId))) {
      out.push(national(`${f}.icon`, 'app-icon-required', '请上传APP图标（png、jpg、jpeg）', 'Upload the icon (png, jpg or jpeg)', APP_SOURCE.seed003));
    }
    out.push(...validateLanguages(item.languages, `${f}.languages`));
    const appDomains = item.appDomains ?? [];
    out.push(
      ...validateAppFields({ kind, platforms: item.platforms ?? [], sdks: item.sdks ?? [], domains: appDomains, ipAddresses: item.ipAddresses }, f),
    );
    const registrable: string[] = [];
    appDomains.forEach((d, j) => {
      const parsed = parseAppDomain(d, `${f}.domains[${j}]`);
      if (!parsed.hostname || parsed.violations.length) return;
      const reg = registrableOf(parsed.hostname);
      registrable.push(reg);
      if (args.facts.domainsOfOtherSubjects.has(reg)) {
        out.push({
          ...national(`${f}.domains[${j}]`, 'app-domain-other-subject', '域名实名认证信息必须与备案主体一致：该域名属于其他主体', `${reg} belongs to another subject; the APP's domains must be the subject's own`, APP_SOURCE.seed003),
          matched: reg,
        });
      }
    });
    for (const [j, url] of item.homepageUrls.entries()) {
      out.push(...validateHomepageUrl(url, registrable, `${f}.homepageUrl${item.homepageUrls.length > 1 ? `[${j}]` : ''}`));
    }
  });
  return out;
}

/** The registrable domain of a back-end host (`api.example.com.cn` → `example.com.cn`). */
export function registrableOf(hostname: string): string {
  return parse(hostname, { extractHostname: false }).domain ?? hostname;
}
