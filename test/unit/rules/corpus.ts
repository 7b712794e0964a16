/**
 * The labelled corpus (test/fixtures/rules/corpus): each file names the rules it is labelled for
 * in a first-line comment `corpus-rules: a, b`, and marks each expected finding with a trailing
 * `expect: rule` comment on the line reported (`expect-previous-line:` for a string that starts
 * on the line above), or for a whole file with `expect-file: rule` in its header. The .sql files of
 * a folder are that folder's schema. Scored per rule: true/false positives, false negatives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runRules, type RuleFinding, type SourceFile } from '../../../src/core/rules';

export const CORPUS_DIR = path.resolve(__dirname, '../../../../test/fixtures/rules/corpus');

export interface CorpusFile {
  readonly file: SourceFile;
  readonly rules: ReadonlySet<string>;
  /** rule → expected lines (1-based). */
  readonly lines: ReadonlyMap<string, ReadonlySet<number>>;
  /** Rules expected somewhere in the file. */
  readonly fileWide: ReadonlySet<string>;
}

export interface RuleScore {
  tp: number;
  fp: number;
  fn: number;
  readonly misses: string[];
  readonly falseAlarms: string[];
}

function ids(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => /^[a-z][a-z-]*[a-z]$/.test(s));
}

export function parseCorpusFile(rel: string, text: string): CorpusFile {
  const header = /corpus-rules:\s*([a-z, -]+)/.exec(text.split('\n')[0] ?? '');
  const rules = new Set(header ? ids(header[1]) : []);
  const lines = new Map<string, Set<number>>();
  const fileWide = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const m = /(?:#|--|\/\/)\s*expect(-previous-line|-file)?:\s*([a-z, -]+)$/.exec(line.trimEnd());
    if (!m) {
      return;
    }
    for (const id of ids(m[2])) {
      if (m[1] === '-file') {
        fileWide.add(id);
      } else {
        const at = m[1] === '-previous-line' ? i : i + 1;
        lines.set(id, (lines.get(id) ?? new Set()).add(at));
      }
    }
  });
  return { file: { path: rel, text }, rules, lines, fileWide };
}

export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const abs = path.join(d, name);
      if (fs.statSync(abs).isDirectory()) {
        walk(abs);
      } else if (/\.(ts|tsx|js|py|sql)$/.test(name)) {
        out.push(parseCorpusFile(path.relative(dir, abs).split(path.sep).join('/'), fs.readFileSync(abs, 'utf8')));
      }
    }
  };
  walk(dir);
  return out;
}

/** Runs every file with its folder's .sql files as schema and scores each labelled rule. */
export async function scoreCorpus(corpus: readonly CorpusFile[]): Promise<{ scores: Map<string, RuleScore>; findings: RuleFinding[] }> {
  const scores = new Map<string, RuleScore>();
  const score = (id: string): RuleScore => {
    let s = scores.get(id);
    if (!s) {
      s = { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] };
      scores.set(id, s);
    }
    return s;
  };
  const all: RuleFinding[] = [];
  for (const c of corpus) {
    if (c.rules.size === 0) {
      continue;
    }
    const folder = path.posix.dirname(c.file.path);
    const schemaFiles = corpus.filter((o) => o !== c && path.posix.dirname(o.file.path) === folder && o.file.path.endsWith('.sql')).map((o) => o.file);
    const found = await runRules([c.file], { enabled: [...c.rules], schemaFiles });
    all.push(...found);
    for (const id of c.rules) {
      const s = score(id);
      const hits = found.filter((f) => f.ruleId === id);
      if (c.fileWide.has(id)) {
        if (hits.length > 0) {
          s.tp++;
        } else {
          s.fn++;
          s.misses.push(`${c.file.path} (anywhere)`);
        }
        continue;
      }
      const expected = c.lines.get(id) ?? new Set<number>();
      const hitLines = new Set(hits.map((f) => f.line));
      for (const line of expected) {
        if (hitLines.has(line)) {
          s.tp++;
        } else {
          s.fn++;
          s.misses.push(`${c.file.path}:${line}`);
        }
      }
      for (const line of hitLines) {
        if (!expected.has(line)) {
          s.fp++;
          s.falseAlarms.push(`${c.file.path}:${line}`);
        }
      }
    }
  }
  return { scores, findings: all };
}

export function precision(s: RuleScore): number {
  return s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
}

export function recall(s: RuleScore): number {
  return s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
}
