/**
 * Website-name checks (网站名称): every violation of every applicable national and province rule.
 *
 * All word lists that apply to a (province, nature) pair — banned words, prefixes, pre-approval words —
 * are gathered into one map from word to rules, built on first use and cached; a name is looked up
 * window by window (every substring of a length some word has: a few dozen hash look-ups for a website
 * name). An Aho–Corasick automaton (modern-ahocorasick) did the same ≈ 15 times slower on names this short
 * (BENCHMARKS.md "Website-name checks"). Place names and idioms come from maintained data
 * (engine/dictionaries.ts). Per-call work is memoised: the rule day, the rules active on a day for a
 * plan and its pre-approval word sets, and the subject's tokens.
 *
 * A word a module marks `falsePositiveProne` gives a warning (`severity: 'warning'`, with `context`)
 * instead of an error; a match inside one of the rule's `allow` phrases is no match.
 */
import { parse as parseDomain } from 'tldts';
import type { ServiceKind, SubjectNature } from '../../src/domain/vocabulary.js';
import type { Violation } from '../../src/domain/violation.js';
import type {
  FormRule,
  NamingRule,
  ProvinceModule,
  RequiredPatternRule,
  RuleModule,
  WordListRule,
} from '../kit/types.js';
import { dictionaryHits } from './dictionaries.js';
import { countHan, isOnlyPersonalName, isRelated, normalise, ownNameSpans, subjectTokens } from './relatedness.js';
import { fullId, inEffect, national, natureIn, requireProvince, ruleDay, type Owned } from './scope.js';

export interface CheckWebsiteNameInput {
  /** Province code, name or abbreviation (see `getProvince`). */
  province: string;
  nature: SubjectNature;
  /** The website name as typed. */
  name: string;
  /** The subject's name: the person (个人) or the organisation (主办单位名称). */
  subjectName: string;
  /** The website's domains, for the not-the-domain rule. */
  domains?: readonly string[];
  /** The website remark (备注); absent, null and blank are all "no remark". */
  remark?: string | null;
  /** Kinds of pre-approval items (前置审批) the website has documents for. */
  preApprovals?: readonly string[];
  /** The subject is a national-level unit (国家级单位), exempt from the 中国/中华/… prefix ban. */
  nationalUnit?: boolean;
  /** Day the rules are taken from; now when left out. */
  at?: Date;
}

interface Entry {
  /** Index into the plan's rules. */
  rule: number;
  word: string;
}

interface Plan {
  rules: Owned<NamingRule>[];
  /** Each word of the plan's lists, with the rules listing it. */
  words: Map<string, Entry[]>;
  /** The lengths (UTF-16 units) words have. */
  lengths: number[];
  /** First code point of every pattern: a name containing none of them has no match, so is not scanned. */
  initials: Set<string>;
  /** What depends only on the day, by day. */
  days: Map<string, DayPlan>;
}

interface DayPlan {
  active: boolean[];
  /** Pre-approval words of each module's active pre-approval rules. */
  preApprovalWords: Map<RuleModule, Set<string>>;
}

interface Hit {
  word: string;
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/u;
const ALLOWED_CHARACTER = /[\p{Script=Han}A-Za-z0-9·\s]/u;
const LATIN_OR_DIGITS_ONLY = /^(?:[A-Za-z\s]+|[0-9\s]+)$/;
/** A name made only of allowed characters (the common case, checked without normalising each character). */
const ALLOWED_NAME = /^[\p{Script=Han}A-Za-z0-9·\s]*$/u;

const plans = new Map<string, Plan>();
/** Naming rules without `serviceKinds` are about website names. */
const WEBSITES_ONLY: readonly ServiceKind[] = ['WEBSITE'];
const NO_SPANS: [number, number][] = [];
const NO_HITS = new Map<number, Hit[]>();
const tokenCache = new Map<string, string[]>();

/** The subject's tokens, memoised (a filing checks several names of one subject; a bench, many). */
function tokensOf(subjectName: string, nature: SubjectNature): string[] {
  const key = `${nature === 'INDIVIDUAL' ? 'i' : 'o'}${subjectName}`;
  let tokens = tokenCache.get(key);
  if (!tokens) {
    if (tokenCache.size >= 10_000) tokenCache.clear();
    tokens = subjectTokens(subjectName, nature);
    tokenCache.set(key, tokens);
  }
  return tokens;
}

/**
 * Every violation of the website-name rules for this province and subject nature, warnings included
 * (`severity: 'warning'`: shown to the applicant, never a refusal).
 */
export function checkWebsiteName(input: CheckWebsiteNameInput): Violation[] {
  return checkName(input, 'WEBSITE');
}

export interface CheckAppNameInput extends Omit<CheckWebsiteNameInput, 'domains'> {
  /** What the name is of: an APP, a mini-program or a quick app. */
  kind: Exclude<ServiceKind, 'WEBSITE'>;
}

/**
 * Every violation of the naming rules a module states for APPs, mini-programs or quick apps (rules with
 * `serviceKinds` naming the kind). The website-name rules (seed 002 附录一/二 speak of 网站名称) do not
 * apply to an APP unless a rule says so; national APP-name rules that need the subject's other APPs
 * (unique within a subject, seed 003) are checked by the workflow.
 */
export function checkAppName(input: CheckAppNameInput): Violation[] {
  return checkName(input, input.kind);
}

function checkName(input: CheckWebsiteNameInput, kind: ServiceKind): Violation[] {
  const province = requireProvince(input.province);
  const day = ruleDay(input.at);
  const plan = planFor(province, input.nature, kind);
  const { active, preApprovalWords } = dayPlan(plan, day);
  const name = input.name.trim();
  const tokens = tokensOf(input.subjectName, input.nature);
  const violations: Violation[] = [];

  const ownName = input.nature === 'INDIVIDUAL' ? ownNameSpans(name, tokens) : NO_SPANS;
  const hits = wordHits(plan, active, preApprovalWords, name, input, ownName);
  const rules = plan.rules;
  for (let index = 0; index < rules.length; index += 1) {
    if (!active[index]) continue;
    const { module, rule } = rules[index]!;
    if ('words' in rule) {
      const found = hits.get(index);
      if (found) for (const hit of found) violations.push(wordViolation(module, rule, hit, name));
    } else if (rule.kind === 'required-pattern') {
      violations.push(...patternViolations(module, rule, name, input));
    } else {
      formViolations(violations, module, rule, name, input, tokens, ownName);
    }
  }
  return violations;
}

/** The naming rules that apply to a nature in a province: national ones first, in declaration order. */
function planFor(province: ProvinceModule, nature: SubjectNature, kind: ServiceKind): Plan {
  const key = `${province.code}:${nature}:${kind}`;
  let plan = plans.get(key);
  if (!plan) {
    const rules: Owned<NamingRule>[] = [];
    for (const module of [national, province] as RuleModule[]) {
      for (const rule of module.naming) {
        if (natureIn(rule.appliesTo, nature) && (rule.serviceKinds ?? WEBSITES_ONLY).includes(kind)) rules.push({ module, rule });
      }
    }
    // A blank word would match everywhere (or crash the automaton): defineProvince refuses it, and the
    // plan never compiles one.
    const entries = rules.flatMap(({ rule }, index) =>
      'words' in rule
        ? rule.words.filter((word) => typeof word === 'string' && word.trim() !== '').map((word) => ({ pattern: word, data: { rule: index, word } }))
        : [],
    );
    const initials = new Set(entries.map(({ pattern }) => String.fromCodePoint(pattern.codePointAt(0) ?? 0)));
    const words = new Map<string, Entry[]>();
    for (const { pattern, data } of entries) {
      const list = words.get(pattern);
      if (list) list.push(data);
      else words.set(pattern, [data]);
    }
    const lengths = [...new Set(entries.map(({ pattern }) => pattern.length))].sort((a, b) => a - b);
    plan = { rules, words, lengths, initials, days: new Map() };
    plans.set(key, plan);
  }
  return plan;
}

/** Which rules count on this day (in effect, and not replaced by an in-effect province rule), memoised. */
function dayPlan(plan: Plan, day: string): DayPlan {
  let cached = plan.days.get(day);
  if (!cached) {
    const replaced = new Set<string>();
    for (const { rule } of plan.rules) {
      if (rule.replaces && inEffect(rule, day)) for (const id of rule.replaces) replaced.add(id);
    }
    const active = plan.rules.map(({ module, rule }) => inEffect(rule, day) && !replaced.has(fullId(module, rule)));
    const preApprovalWords = new Map<RuleModule, Set<string>>();
    plan.rules.forEach(({ module, rule }, index) => {
      if (active[index] && rule.kind === 'pre-approval-words') {
        const words = preApprovalWords.get(module) ?? new Set<string>();
        for (const word of rule.words) words.add(word);
        preApprovalWords.set(module, words);
      }
    });
    if (plan.days.size >= 64) plan.days.clear();
    cached = { active, preApprovalWords };
    plan.days.set(day, cached);
  }
  return cached;
}

/**
 * Word-list hits by rule index, after the rules' own conditions: prefixes only at the start; national
 * units exempt from prefix bans; pre-approval words allowed with a pre-approval item and deciding over
 * the same module's banned words; an individual's own name never counts as a banned word; and a word
 * inside a longer hit of the same rule is not reported again.
 */
function wordHits(
  plan: Plan,
  active: boolean[],
  preApprovalWords: Map<RuleModule, Set<string>>,
  name: string,
  input: CheckWebsiteNameInput,
  ownName: [number, number][],
): Map<number, Hit[]> {
  const found = matches(plan, name);
  if (found.length === 0) return NO_HITS;
  const byRule = new Map<number, Hit[]>();
  const hasPreApproval = (input.preApprovals ?? []).length > 0;
  for (const match of found) {
    const entry = match.data;
    if (!active[entry.rule]) continue;
    const owned = plan.rules[entry.rule];
    if (!owned || !('words' in owned.rule)) continue;
    const { module, rule } = owned;
    if (within(ownName, match.start, match.end)) continue;
    if (rule.allow && allowed(rule.allow, name, match.start, match.end)) continue;
    if (rule.kind === 'banned-prefixes' && (match.start !== 0 || (rule.exemptNationalUnits && input.nationalUnit))) {
      continue;
    }
    if (rule.kind === 'pre-approval-words' && hasPreApproval) continue;
    if (rule.kind === 'banned-words' && preApprovalWords.get(module)?.has(entry.word)) continue;
    const hits = byRule.get(entry.rule);
    const hit = { word: entry.word, start: match.start, end: match.end };
    if (hits) hits.push(hit);
    else byRule.set(entry.rule, [hit]);
  }
  for (const [index, hits] of byRule) if (hits.length > 1) byRule.set(index, outermost(hits));
  return byRule;
}

/** Whether [start, end) lies inside one of the spans. */
function within(spans: [number, number][], start: number, end: number): boolean {
  for (const [from, to] of spans) if (start >= from && end <= to) return true;
  return false;
}

/** The hits not inside a longer hit of the same rule, each word once, by position. */
function outermost(hits: Hit[]): Hit[] {
  const kept: Hit[] = [];
  const seen = new Set<string>();
  hits.sort(byStart);
  for (const hit of hits) {
    let inside = false;
    for (const other of hits) {
      if (other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start) inside = true;
    }
    if (!inside && !seen.has(hit.word)) {
      seen.add(hit.word);
      kept.push(hit);
    }
  }
  return kept;
}

function byStart(a: Hit, b: Hit): number {
  return a.start - b.start;
}

/** Every occurrence of a plan word in the name, overlaps included. */
function matches(plan: Plan, name: string): { start: number; end: number; data: Entry }[] {
  let found: { start: number; end: number; data: Entry }[] | undefined;
  for (let start = 0; start < name.length; start += 1) {
    const unit = name.charCodeAt(start);
    if (!plan.initials.has(unit >= 0xd800 && unit <= 0xdbff ? name.slice(start, start + 2) : name[start]!)) continue;
    for (const length of plan.lengths) {
      const end = start + length;
      if (end > name.length) break;
      const entries = plan.words.get(name.slice(start, end));
      if (entries) for (const data of entries) (found ??= []).push({ start, end, data });
    }
  }
  return found ?? NO_MATCHES;
}

const NO_MATCHES: { start: number; end: number; data: Entry }[] = [];

/** Whether the match lies inside an occurrence of one of the allowed phrases (采购 for 购). */
function allowed(phrases: readonly string[], name: string, start: number, end: number): boolean {
  for (const phrase of phrases) {
    for (let at = name.indexOf(phrase); at !== -1; at = name.indexOf(phrase, at + 1)) {
      if (at <= start && at + phrase.length >= end) return true;
    }
  }
  return false;
}

/** The name with the matched word bracketed, at most 4 characters either side: `王小明的[购]物清单`. */
function contextOf(name: string, hit: Hit): string {
  const before = name.slice(Math.max(0, hit.start - 4), hit.start);
  const after = name.slice(hit.end, hit.end + 4);
  return `${hit.start > 4 ? '…' : ''}${before}[${name.slice(hit.start, hit.end)}]${after}${hit.end + 4 < name.length ? '…' : ''}`;
}

function wordViolation(module: RuleModule, rule: WordListRule, hit: Hit, name: string): Violation {
  const word = hit.word;
  if (rule.falsePositiveProne?.includes(word)) {
    const context = contextOf(name, hit);
    const result = violation(
      module,
      rule,
      'name',
      `网站名称中「${context}」含有「${word}」，可能触及${rule.title.zh}；该字词容易误判，请确认是否属于禁用含义`,
      `"${context}" contains "${word}", which may break: ${rule.title.en}; the word is prone to false positives, check the meaning`,
      word,
    );
    result.severity = 'warning';
    result.context = context;
    return result;
  }
  const [message, messageEn] =
    rule.kind === 'banned-prefixes'
      ? [`网站名称不能以「${word}」开头（${rule.title.zh}）`, `The website name must not start with "${word}" (${rule.title.en})`]
      : rule.kind === 'pre-approval-words'
        ? [
            `网站名称含有「${word}」，须提供前置审批文件（${rule.title.zh}）`,
            `The website name contains "${word}", which needs a pre-approval document (${rule.title.en})`,
          ]
        : [`网站名称不能包含「${word}」（${rule.title.zh}）`, `The website name must not contain "${word}" (${rule.title.en})`];
  return violation(module, rule, 'name', message, messageEn, word);
}

function patternViolations(
  module: RuleModule,
  rule: RequiredPatternRule,
  name: string,
  input: CheckWebsiteNameInput,
): Violation[] {
  const subject = input.subjectName.trim();
  const allowed = rule.patterns.map((pattern) => pattern.replaceAll('{subject}', subject || '某某'));
  const violations: Violation[] = [];
  if (!allowed.includes(name)) {
    violations.push(
      violation(
        module,
        rule,
        'name',
        `网站名称只能填写「${allowed.join('」或「')}」（${rule.title.zh}）`,
        `The website name must be exactly "${allowed.join('" or "')}" (${rule.title.en})`,
        name,
      ),
    );
  }
  const remark = input.remark ?? '';
  if (rule.remarkRequired && countHan(remark) < 2) {
    violations.push(
      violation(
        module,
        rule,
        'remark',
        `请在备注中说明网站开通后的主要内容（${rule.title.zh}）`,
        `The remark must state the site's main content once open (${rule.title.en})`,
        remark.trim() || undefined,
      ),
    );
  }
  return violations;
}

/** Pushes the violations of a form rule (no closures: this runs for every rule of every check). */
function formViolations(
  out: Violation[],
  module: RuleModule,
  rule: FormRule,
  name: string,
  input: CheckWebsiteNameInput,
  tokens: readonly string[],
  ownName: [number, number][],
): void {
  switch (rule.kind) {
    case 'min-han-characters': {
      const min = rule.min ?? 3;
      const count = countHan(name);
      if (count < min) {
        out.push(violation(module, rule, 'name', `网站名称至少需要${min}个汉字，当前为${count}个`, `The website name needs at least ${min} Chinese characters; it has ${count}`, name));
      }
      return;
    }
    case 'not-latin-or-digits-only':
      if (!HAN.test(name) && LATIN_OR_DIGITS_ONLY.test(name.normalize('NFKC'))) {
        out.push(violation(module, rule, 'name', '网站名称不能使用纯数字或纯英文', 'The website name must not be only digits or only Latin letters', name));
      }
      return;
    case 'no-special-symbols': {
      if (ALLOWED_NAME.test(name)) return;
      const symbols = new Set([...name].filter((char) => ![...char.normalize('NFKC')].every(isAllowedCharacter)));
      for (const symbol of symbols) {
        out.push(violation(module, rule, 'name', `网站名称不能包含特殊符号「${symbol}」`, `The website name must not contain the symbol "${symbol}"`, symbol));
      }
      return;
    }
    case 'not-domain': {
      const domain = matchingDomain(name, input.domains ?? []);
      if (domain) out.push(violation(module, rule, 'name', `网站名称不能直接使用域名「${domain}」`, `The website name must not be the domain "${domain}"`, name));
      return;
    }
    case 'related-to-subject':
      if (name !== '' && isRelated(name, tokens) === false) {
        out.push(
          violation(
            module,
            rule,
            'name',
            `网站名称需与主办单位名称「${input.subjectName.trim()}」有关联性`,
            `The website name must relate to the subject name "${input.subjectName.trim()}"`,
            name,
          ),
        );
      }
      return;
    case 'no-place-names':
    case 'no-idioms': {
      const places = rule.kind === 'no-place-names';
      for (const hit of dictionaryHits(places ? 'place-names' : 'idioms', name)) {
        if (overlaps(ownName, hit.start, hit.end)) continue;
        out.push(
          violation(
            module,
            rule,
            'name',
            `个人网站名称不能使用${places ? '地名' : '成语'}「${hit.word}」`,
            `An individual website name must not use the ${places ? 'place name' : 'idiom'} "${hit.word}"`,
            hit.word,
          ),
        );
      }
      return;
    }
    case 'not-personal-name':
      if (isOnlyPersonalName(name, tokens)) {
        out.push(
          violation(
            module,
            rule,
            'name',
            '个人网站名称不能仅使用个人姓名，请体现网站的主要内容',
            'An individual website must not be named after the person only; say what the site is about',
            name,
          ),
        );
      }
      return;
  }
}

/** Whether [start, end) overlaps one of the spans. */
function overlaps(spans: [number, number][], start: number, end: number): boolean {
  for (const [from, to] of spans) if (start < to && end > from) return true;
  return false;
}

const domainForms = new Map<string, string[]>();

/** The forms a name could repeat a domain in (whole host, without `www.`, without its public suffix), memoised. */
function formsOf(domain: string): string[] {
  let forms = domainForms.get(domain);
  if (!forms) {
    const host = domain.trim().toLowerCase().replace(/\.$/, '');
    const parsed = parseDomain(host);
    forms = [host, host.replace(/^www\./, ''), parsed.domain ?? '', parsed.domainWithoutSuffix ?? ''].filter((form) => form !== '');
    if (domainForms.size >= 10_000) domainForms.clear();
    domainForms.set(domain, forms);
  }
  return forms;
}

/** The domain the name merely repeats (whole host, without `www.`, or without its public suffix). */
function matchingDomain(name: string, domains: readonly string[]): string | undefined {
  if (domains.length === 0) return undefined;
  const folded = normalise(name);
  return domains.find((domain) => formsOf(domain).includes(folded));
}

function isAllowedCharacter(char: string): boolean {
  return ALLOWED_CHARACTER.test(char);
}


function violation(
  module: RuleModule,
  rule: NamingRule,
  field: string,
  message: string,
  messageEn: string,
  matched?: string,
): Violation {
  const result: Violation = { field, rule: fullId(module, rule), message, messageEn, module: module.code, source: rule.source };
  if (matched !== undefined) result.matched = matched;
  return result;
}
