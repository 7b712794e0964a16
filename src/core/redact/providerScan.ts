/**
 * Runs the provider table (providerRules.ts) over a text in linear time.
 *
 * Like gitleaks, a rule runs only where one of its keywords occurs. All keywords are found in one
 * pass by a single alternation of literals (V8's regex engine; an alternation of plain strings
 * cannot backtrack more than the longest keyword), each occurrence opens a window of the rule's
 * `lead` + `reach` characters around it, overlapping windows are merged, and the rule's pattern
 * runs only inside its merged windows. Patterns run on re2js, a port of RE2, whose matching time
 * is linear in the input whatever the pattern and the text; merged windows never overlap, so each
 * character is scanned at most once per rule.
 */
import type { RE2JS } from 're2js';
import { PROVIDER_RULES, type ProviderRule } from './providerRules';
import type { RawSpan } from './types';
import { shannonEntropy } from './values';

/** Default window around a keyword: the token may start a little before it and runs after it. */
const DEFAULT_LEAD = 0;
const DEFAULT_REACH = 320;
export const PROVIDER_PRIORITY = 3;

type Re2Module = typeof import('re2js');
let re2Module: Re2Module | undefined;

/** re2js is loaded on first use, not when the extension activates. */
function re2(): Re2Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2Module ??= require('re2js') as Re2Module;
  return re2Module;
}

const compiled = new Map<ProviderRule, RE2JS>();

export function compileRule(rule: ProviderRule): RE2JS {
  let re = compiled.get(rule);
  if (!re) {
    re = re2().RE2JS.compile(rule.pattern);
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
  /** keyword -> rules to run there (the rules of every keyword that is a prefix of it too). */
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
      if (other !== k && k.startsWith(other)) {
        otherRules.forEach((r) => all.add(r));
      }
    }
    rules.set(k, [...all]);
  }
  // longest first, so that at one position the longest keyword is reported (its rules include the shorter ones')
  const alternation = (words: Set<string>): RegExp | undefined =>
    words.size === 0 ? undefined : new RegExp([...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  return { lower: alternation(lowerWords), exact: alternation(exactWords), rules };
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
      for (const rule of keywordIndex!.rules.get(m[0]) ?? []) {
        const list = hits.get(rule);
        if (list) {
          list.push(m.index);
        } else {
          hits.set(rule, [m.index]);
        }
      }
      re.lastIndex = m.index + 1; // overlapping occurrences start other keywords
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
    const groups = re.groupCount();
    for (const [ws, we] of windows) {
      const m = re.matcher(text.slice(ws, we));
      while (m.find()) {
        let s = -1;
        let e = -1;
        for (let g = 1; g <= groups; g++) {
          if (m.start(g) >= 0) {
            s = m.start(g);
            e = m.end(g);
            break;
          }
        }
        if (s < 0) {
          s = m.start(0);
          e = m.end(0);
        }
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
