/**
 * Runs the provider table (providerRules.ts) over a text in linear time.
 *
 * Like gitleaks, a rule runs only where one of its keywords occurs. All keywords are found in one
 * pass by a single alternation of literals (an alternation of plain strings cannot backtrack more
 * than the longest keyword), each occurrence opens a window of the rule's `lead` + `reach`
 * characters around it, overlapping windows are merged, and the rule's pattern runs only on the
 * text of its merged windows, which never overlap: each character is scanned at most once per
 * rule. The patterns themselves are checked by recheck (test/unit/redact/redos.test.ts): none can
 * backtrack super-linearly, so the whole scan is linear in the text.
 *
 * re2js (a linear-time RE2 port) was measured for this and left out: its `find` ran at 1–3 MiB/s
 * on these patterns, about a hundred times slower than V8's engine on the same windows.
 */
import { PROVIDER_RULES, type ProviderRule } from './providerRules';
import type { RawSpan } from './types';
import { shannonEntropy } from './values';
import { addWork } from './work';

/** Default window around a keyword: the token starts at it and runs after it. */
const DEFAULT_LEAD = 0;
const DEFAULT_REACH = 320;
export const PROVIDER_PRIORITY = 3;

const compiled = new Map<ProviderRule, RegExp>();

export function compileRule(rule: ProviderRule): RegExp {
  let re = compiled.get(rule);
  if (!re) {
    re = new RegExp(rule.pattern, `gd${rule.flags ?? ''}`);
    compiled.set(rule, re);
  }
  return re;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

interface KeywordIndex {
  readonly lower?: RegExp;
  readonly exact?: RegExp;
  /** keyword -> rules to run there (the rules of every keyword it contains too). */
  readonly rules: Map<string, ProviderRule[]>;
}
let keywordIndex: KeywordIndex | undefined;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildIndex(): KeywordIndex {
  const byKeyword = new Map<string, Set<ProviderRule>>();
  const exactWords = new Set<string>();
  const lowerWords = new Set<string>();
  for (const rule of PROVIDER_RULES) {
    for (const k of rule.keywords) {
      const key = rule.exactKeywords ? k : k.toLowerCase();
      (rule.exactKeywords ? exactWords : lowerWords).add(key);
      const set = byKeyword.get(key) ?? new Set();
      set.add(rule);
      byKeyword.set(key, set);
    }
  }
  const rules = new Map<string, ProviderRule[]>();
  for (const [k, set] of byKeyword) {
    const all = new Set(set);
    for (const [other, otherRules] of byKeyword) {
      if (other !== k && k.includes(other)) {
        otherRules.forEach((r) => all.add(r)); // `eyjrijoi` also opens the `eyj` rule's window
      }
    }
    rules.set(k, [...all]);
  }
  // longest first, so that at one position the longest keyword is reported (its rules include those of the keywords inside it)
  const alternation = (words: Set<string>): RegExp | undefined =>
    words.size === 0 ? undefined : new RegExp([...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  return { lower: alternation(lowerWords), exact: alternation(exactWords), rules };
}

/** The keyword alternations (for the ReDoS test). */
export function keywordPatterns(): RegExp[] {
  keywordIndex ??= buildIndex();
  return [keywordIndex.lower, keywordIndex.exact].filter((r): r is RegExp => r !== undefined);
}

/** Positions of every keyword occurrence, per rule. */
export function keywordHits(text: string, lower: string): Map<ProviderRule, number[]> {
  keywordIndex ??= buildIndex();
  const hits = new Map<ProviderRule, number[]>();
  const collect = (re: RegExp | undefined, haystack: string): void => {
    if (!re) {
      return;
    }
    re.lastIndex = 0;
    for (let m = re.exec(haystack); m !== null; m = re.exec(haystack)) {
      addWork(m[0].length);
      for (const rule of keywordIndex!.rules.get(m[0]) ?? []) {
        const list = hits.get(rule);
        if (list) {
          list.push(m.index);
        } else {
          hits.set(rule, [m.index]);
        }
      }
      // occurrences do not overlap: a keyword inside a longer one is covered by the longer one's rules
    }
  };
  collect(keywordIndex.lower, lower);
  collect(keywordIndex.exact, text);
  return hits;
}

/** Merged [start, end) windows of `lead` before and `reach` after each (sorted) hit. */
export function keywordWindows(length: number, hits: readonly number[], lead: number, reach: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const h of hits) {
    const start = Math.max(0, h - lead);
    const end = Math.min(length, h + reach);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      windows.push([start, end]);
    }
  }
  return windows;
}

/** Spans of every provider token in `text`. `lower` is `text.toLowerCase()` when the caller has it. */
export function scanProviders(text: string, lower = text.toLowerCase()): RawSpan[] {
  const spans: RawSpan[] = [];
  const hitsByRule = keywordHits(text, lower);
  for (const rule of PROVIDER_RULES) {
    const hits = hitsByRule.get(rule);
    if (!hits) {
      continue;
    }
    hits.sort((a, b) => a - b);
    const windows = keywordWindows(text.length, hits, rule.lead ?? DEFAULT_LEAD, rule.reach ?? DEFAULT_REACH);
    const re = compileRule(rule);
    for (const [ws, we] of windows) {
      const slice = text.slice(ws, we);
      addWork(we - ws);
      re.lastIndex = 0;
      for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        // the first capture group that took part is the secret; else the whole match
        let range = m.indices?.[0] ?? [m.index, m.index + m[0].length];
        for (let g = 1; g < m.length; g++) {
          const r = m.indices?.[g];
          if (r) {
            range = r;
            break;
          }
        }
        const [s, e] = range;
        const start = ws + s;
        const end = ws + e;
        if (end <= start) {
          continue;
        }
        if (rule.boundary !== false && ((start > 0 && isAlnum(text.charCodeAt(start - 1))) || (end < text.length && isAlnum(text.charCodeAt(end))))) {
          continue;
        }
        if (rule.mixedCase) {
          const v = text.slice(start, end);
          if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) {
            continue;
          }
        }
        if (rule.minEntropy !== undefined && shannonEntropy(text.slice(start, end)) < rule.minEntropy) {
          continue;
        }
        spans.push({ start, end, kind: rule.kind, priority: PROVIDER_PRIORITY });
      }
    }
  }
  return spans;
}
