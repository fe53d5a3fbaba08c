/**
 * Website-name checks (网站名称): every violation of every applicable national and province rule.
 *
 * All word lists that apply to a (province, nature) pair — banned words, prefixes, pre-approval words —
 * are compiled into one Aho–Corasick automaton, built on first use and cached, so a name is scanned
 * once whatever the number of lists and words. Place names and idioms come from maintained data
 * (engine/dictionaries.ts). Per-call work is memoised: the rule day, the rules active on a day for a
 * plan and its pre-approval word sets, and the subject's tokens.
 *
 * A word a module marks `falsePositiveProne` gives a warning (`severity: 'warning'`, with `context`)
 * instead of an error; a match inside one of the rule's `allow` phrases is no match.
 */
import AhoCorasick from 'modern-ahocorasick';
import { parse as parseDomain } from 'tldts';
import type { SubjectNature } from '../../src/domain/vocabulary.js';
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
import { isOnlyPersonalName, isRelated, ownNameSpans, subjectTokens } from './relatedness.js';
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
  matcher: AhoCorasick<Entry>;
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

const plans = new Map<string, Plan>();
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
  const province = requireProvince(input.province);
  const day = ruleDay(input.at);
  const plan = planFor(province, input.nature);
  const { active, preApprovalWords } = dayPlan(plan, day);
  const name = input.name.trim();
  const tokens = tokensOf(input.subjectName, input.nature);
  const violations: Violation[] = [];

  const hits = wordHits(plan, active, preApprovalWords, name, input, tokens);
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
      violations.push(...formViolations(module, rule, name, input, tokens));
    }
  }
  return violations;
}

/** The naming rules that apply to a nature in a province: national ones first, in declaration order. */
function planFor(province: ProvinceModule, nature: SubjectNature): Plan {
  const key = `${province.code}:${nature}`;
  let plan = plans.get(key);
  if (!plan) {
    const rules: Owned<NamingRule>[] = [];
    for (const module of [national, province] as RuleModule[]) {
      for (const rule of module.naming) if (natureIn(rule.appliesTo, nature)) rules.push({ module, rule });
    }
    // A blank word would match everywhere (or crash the automaton): defineProvince refuses it, and the
    // plan never compiles one.
    const entries = rules.flatMap(({ rule }, index) =>
      'words' in rule
        ? rule.words.filter((word) => typeof word === 'string' && word.trim() !== '').map((word) => ({ pattern: word, data: { rule: index, word } }))
        : [],
    );
    const initials = new Set(entries.map(({ pattern }) => String.fromCodePoint(pattern.codePointAt(0) ?? 0)));
    plan = { rules, matcher: new AhoCorasick(entries), initials, days: new Map() };
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
  tokens: readonly string[],
): Map<number, Hit[]> {
  const byRule = new Map<number, Hit[]>();
  let candidate = false;
  for (const char of name) {
    if (plan.initials.has(char)) {
      candidate = true;
      break;
    }
  }
  if (!candidate) return byRule;
  const ownName = input.nature === 'INDIVIDUAL' ? ownNameSpans(name, tokens) : [];
  const hasPreApproval = (input.preApprovals ?? []).length > 0;
  for (const match of plan.matcher.search(name)) {
    const entry = match.data;
    if (!entry || !active[entry.rule]) continue;
    const owned = plan.rules[entry.rule];
    if (!owned || !('words' in owned.rule)) continue;
    const { module, rule } = owned;
    if (ownName.some(([start, end]) => match.start >= start && match.end <= end)) continue;
    if (rule.allow && allowed(rule.allow, name, match.start, match.end)) continue;
    if (rule.kind === 'banned-prefixes' && (match.start !== 0 || (rule.exemptNationalUnits && input.nationalUnit))) {
      continue;
    }
    if (rule.kind === 'pre-approval-words' && hasPreApproval) continue;
    if (rule.kind === 'banned-words' && preApprovalWords.get(module)?.has(entry.word)) continue;
    const hits = byRule.get(entry.rule) ?? [];
    hits.push({ word: entry.word, start: match.start, end: match.end });
    byRule.set(entry.rule, hits);
  }
  for (const [index, hits] of byRule) {
    const kept = hits.filter(
      (hit) =>
        !hits.some(
          (other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start,
        ),
    );
    const seen = new Set<string>();
    byRule.set(
      index,
      kept.sort((a, b) => a.start - b.start).filter((hit) => !seen.has(hit.word) && seen.add(hit.word)),
    );
  }
  return byRule;
}

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

function formViolations(
  module: RuleModule,
  rule: FormRule,
  name: string,
  input: CheckWebsiteNameInput,
  tokens: readonly string[],
): Violation[] {
  const at = (message: string, messageEn: string, matched?: string) => [
    violation(module, rule, 'name', message, messageEn, matched),
  ];
  switch (rule.kind) {
    case 'min-han-characters': {
      const min = rule.min ?? 3;
      const count = countHan(name);
      return count < min
        ? at(
            `网站名称至少需要${min}个汉字，当前为${count}个`,
            `The website name needs at least ${min} Chinese characters; it has ${count}`,
            name,
          )
        : [];
    }
    case 'not-latin-or-digits-only':
      return LATIN_OR_DIGITS_ONLY.test(name.normalize('NFKC'))
        ? at('网站名称不能使用纯数字或纯英文', 'The website name must not be only digits or only Latin letters', name)
        : [];
    case 'no-special-symbols': {
      const symbols = new Set([...name].filter((char) => ![...char.normalize('NFKC')].every(isAllowedCharacter)));
      return [...symbols].flatMap((symbol) =>
        at(`网站名称不能包含特殊符号「${symbol}」`, `The website name must not contain the symbol "${symbol}"`, symbol),
      );
    }
    case 'not-domain': {
      const domain = matchingDomain(name, input.domains ?? []);
      return domain
        ? at(`网站名称不能直接使用域名「${domain}」`, `The website name must not be the domain "${domain}"`, name)
        : [];
    }
    case 'related-to-subject':
      return name !== '' && isRelated(name, tokens) === false
        ? at(
            `网站名称需与主办单位名称「${input.subjectName.trim()}」有关联性`,
            `The website name must relate to the subject name "${input.subjectName.trim()}"`,
            name,
          )
        : [];
    case 'no-place-names':
    case 'no-idioms': {
      const ownName = ownNameSpans(name, tokens);
      const [zh, en] = rule.kind === 'no-place-names' ? ['地名', 'place name'] : ['成语', 'idiom'];
      return dictionaryHits(rule.kind === 'no-place-names' ? 'place-names' : 'idioms', name)
        .filter((hit) => !ownName.some(([start, end]) => hit.start < end && hit.end > start))
        .flatMap((hit) =>
          at(`个人网站名称不能使用${zh}「${hit.word}」`, `An individual website name must not use the ${en} "${hit.word}"`, hit.word),
        );
    }
    case 'not-personal-name':
      return isOnlyPersonalName(name, tokens)
        ? at(
            '个人网站名称不能仅使用个人姓名，请体现网站的主要内容',
            'An individual website must not be named after the person only; say what the site is about',
            name,
          )
        : [];
  }
}

/** The domain the name merely repeats (whole host, without `www.`, or without its public suffix). */
function matchingDomain(name: string, domains: readonly string[]): string | undefined {
  const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return domains.find((domain) => {
    const host = domain.trim().toLowerCase().replace(/\.$/, '');
    const parsed = parseDomain(host);
    const forms = [host, host.replace(/^www\./, ''), parsed.domain, parsed.domainWithoutSuffix];
    return forms.some((form) => form && form === folded);
  });
}

function isAllowedCharacter(char: string): boolean {
  return ALLOWED_CHARACTER.test(char);
}

function countHan(text: string): number {
  let count = 0;
  for (const char of text) if (HAN.test(char)) count += 1;
  return count;
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
