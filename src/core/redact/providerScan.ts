/**
 * Runs the provider table (providerRules.ts) over a text in linear time.
 *
 * Like gitleaks, a rule runs only where one of its keywords occurs: the keywords are found with
 * `indexOf` (native, hundreds of MiB/s), each occurrence opens a window of at most
 * WINDOW_BEFORE + WINDOW_AFTER characters around it, overlapping windows are merged, and the
 * rule's pattern runs only inside the merged windows. Patterns run on re2js, a port of RE2, whose
 * matching time is linear in the input whatever the pattern and the text; merged windows never
 * overlap, so each character is scanned at most once per rule.
 */
import type { RE2JS } from 're2js';
import { PROVIDER_RULES, type ProviderRule } from './providerRules';
import type { RawSpan } from './types';
import { shannonEntropy } from './values';

const WINDOW_BEFORE = 400;
const WINDOW_AFTER = 1200;
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

/** Merged [start, end) windows around every occurrence of a keyword; empty when none occurs. */
export function keywordWindows(haystack: string, keywords: readonly string[]): Array<[number, number]> {
  const hits: number[] = [];
  for (const k of keywords) {
    for (let i = haystack.indexOf(k); i !== -1; i = haystack.indexOf(k, i + k.length)) {
      hits.push(i);
    }
  }
  if (hits.length === 0) {
    return [];
  }
  hits.sort((a, b) => a - b);
  const windows: Array<[number, number]> = [];
  for (const h of hits) {
    const start = Math.max(0, h - WINDOW_BEFORE);
    const end = Math.min(haystack.length, h + WINDOW_AFTER);
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
  for (const rule of PROVIDER_RULES) {
    const windows = keywordWindows(rule.exactKeywords ? text : lower, rule.keywords);
    if (windows.length === 0) {
      continue;
    }
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
        if (rule.minEntropy !== undefined && shannonEntropy(text.slice(start, end)) < rule.minEntropy) {
          continue;
        }
        spans.push({ start, end, kind: rule.kind, priority: PROVIDER_PRIORITY });
      }
    }
  }
  return spans;
}
