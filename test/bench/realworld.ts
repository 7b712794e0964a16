/**
 * Rules on real code (`npm run bench`, or alone: `node out/test/bench/realworld.js`): runs the
 * built CLI's `rules . --format json` in each repository of test/realworld/repos (as a user would,
 * from that folder), matches the hits with the hand labels of test/realworld/labels/<rule>.json
 * and prints precision per rule, hits still unlabelled, known misses found, and findings per 1,000
 * lines per repository. Figures only, never asserted.
 *
 *   node out/test/bench/realworld.js [--rule <id>] [--repo <id>] [--unlabelled] [--stale] [--json]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_TABLE } from '../../src/core/rules';
import { isTestPath, testPolicyOf } from '../../src/core/rules/engine/testFiles';
import type { Row } from './stats';

const RULE_IDS = RULE_TABLE.map((r) => r.id);
const OPT_IN = new Set(RULE_TABLE.filter((r) => r.optIn).map((r) => r.id));

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const REALWORLD = path.join(REPO_ROOT, 'test', 'realworld');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export type LabelValue = 'true' | 'false' | 'debatable';

export interface Label {
  readonly repo: string;
  readonly file: string;
  line: number;
  readonly code: string;
  readonly label: LabelValue;
  readonly reason: string;
}

export interface Miss {
  readonly repo: string;
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly reason: string;
}

export interface LabelFile {
  readonly rule: string;
  readonly labels: Label[];
  readonly misses: Miss[];
}

export interface CorpusRepo {
  readonly id: string;
  readonly repository: string;
  readonly commit: string;
  readonly licence: string;
  readonly stack: string;
}

export interface Hit {
  readonly repo: string;
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly severity: string;
  /** The trimmed text of the reported line. */
  readonly code: string;
}

export interface RepoRun {
  readonly repo: string;
  readonly hits: Hit[];
  readonly lines: number;
  readonly files: number;
  readonly ms: number;
  readonly error?: string;
}

const RULE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|py|sql)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '__pycache__']);

export function loadRepos(): CorpusRepo[] {
  return JSON.parse(fs.readFileSync(path.join(REALWORLD, 'repos.json'), 'utf8')) as CorpusRepo[];
}

export function loadLabels(): Map<string, LabelFile> {
  const dir = path.join(REALWORLD, 'labels');
  const out = new Map<string, LabelFile>();
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    if (name.endsWith('.json')) {
      const f = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as LabelFile;
      out.set(f.rule, { rule: f.rule, labels: f.labels ?? [], misses: f.misses ?? [] });
    }
  }
  return out;
}

function countLines(dir: string): { lines: number; files: number } {
  let lines = 0;
  let files = 0;
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) {
          walk(path.join(d, e.name));
        }
      } else if (RULE_EXT.test(e.name)) {
        files++;
        const text = fs.readFileSync(path.join(d, e.name), 'utf8');
        lines += text.split('\n').length;
      }
    }
  };
  walk(dir);
  return { lines, files };
}

const fileCache = new Map<string, string[]>();
function lineOf(repoDir: string, file: string, line: number): string {
  const abs = path.join(repoDir, file);
  let lines = fileCache.get(abs);
  if (!lines) {
    lines = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8').split('\n') : [];
    fileCache.set(abs, lines);
  }
  return (lines[line - 1] ?? '').trim();
}

/** Runs the built CLI on one corpus repository, from its folder, as a user would. */
export function runRepo(repo: string): RepoRun {
  const dir = path.join(REALWORLD, 'repos', repo);
  const { lines, files } = countLines(dir);
  const t = Date.now();
  // Every rule, the opt-in ones too (named with --rule), so their precision is measured as well.
  const every = RULE_IDS.flatMap((id) => ['--rule', id]);
  const r = spawnSync(process.execPath, [CLI, 'rules', '.', '--format', 'json', ...every], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Date.now() - t;
  if (r.status !== 0) {
    return { repo, hits: [], lines, files, ms, error: `exit ${r.status}: ${(r.stderr || '').slice(0, 400)}` };
  }
  const rows = JSON.parse(r.stdout) as { file: string; line: number; ruleId: string; message: string; severity: string }[];
  const hits = rows.map((f) => ({ repo, rule: f.ruleId, file: f.file, line: f.line, message: f.message, severity: f.severity, code: lineOf(dir, f.file, f.line) }));
  return { repo, hits, lines, files, ms };
}

export interface Matched {
  readonly hit: Hit;
  readonly label?: Label;
}

/** Pairs each hit with its label (same repo, rule, file and line text; nearest line among equals). */
export function matchLabels(hits: readonly Hit[], labels: readonly Label[]): { matched: Matched[]; stale: Label[] } {
  const byKey = new Map<string, Label[]>();
  for (const l of labels) {
    const k = `${l.repo}\0${l.file}\0${l.code.trim()}`;
    byKey.set(k, [...(byKey.get(k) ?? []), l]);
  }
  const used = new Set<Label>();
  const matched: Matched[] = [];
  for (const hit of hits) {
    const cands = (byKey.get(`${hit.repo}\0${hit.file}\0${hit.code}`) ?? []).filter((l) => !used.has(l));
    cands.sort((a, b) => Math.abs(a.line - hit.line) - Math.abs(b.line - hit.line));
    const label = cands[0];
    if (label) {
      used.add(label);
    }
    matched.push({ hit, label });
  }
  return { matched, stale: labels.filter((l) => !used.has(l)) };
}

export interface RuleScore {
  readonly rule: string;
  readonly hits: number;
  readonly tp: number;
  readonly fp: number;
  readonly debatable: number;
  readonly unlabelled: number;
  readonly precision: number;
  readonly misses: number;
  readonly missesFound: number;
  readonly stale: number;
  /** Hits labelled true that the rule no longer reports (recall lost on real code). */
  readonly lostTrue: number;
  /** Hits labelled true in test files, which the documented test-file policy leaves out by default. */
  readonly testPolicyTrue: number;
}

/** Whether the test-file policy (src/core/rules/engine/testFiles.ts) turns this rule off in this file by default. */
function leftOutInTests(rule: string, file: string): boolean {
  return isTestPath(file) && testPolicyOf(rule).inTests !== 'run';
}

export function scoreRule(rule: string, hits: readonly Hit[], file: LabelFile | undefined): { score: RuleScore; matched: Matched[]; stale: Label[] } {
  const own = hits.filter((h) => h.rule === rule);
  const { matched, stale } = matchLabels(own, file?.labels ?? []);
  const count = (v: LabelValue) => matched.filter((m) => m.label?.label === v).length;
  const tp = count('true');
  const fp = count('false');
  const misses = file?.misses ?? [];
  const missesFound = misses.filter((m) => own.some((h) => h.repo === m.repo && h.file === m.file && Math.abs(h.line - m.line) <= 2)).length;
  const score: RuleScore = {
    rule,
    hits: own.length,
    tp,
    fp,
    debatable: count('debatable'),
    unlabelled: matched.filter((m) => !m.label).length,
    precision: tp + fp === 0 ? NaN : tp / (tp + fp),
    misses: misses.length,
    missesFound,
    stale: stale.length,
    lostTrue: stale.filter((l) => l.label === 'true' && !leftOutInTests(rule, l.file)).length,
    testPolicyTrue: stale.filter((l) => l.label === 'true' && leftOutInTests(rule, l.file)).length,
  };
  return { score, matched, stale };
}

export async function benchRealWorld(options: { rules?: readonly string[]; repos?: readonly string[] } = {}): Promise<{ rows: Row[]; text: string; raw: Record<string, unknown>; runs: RepoRun[]; scores: Map<string, ReturnType<typeof scoreRule>> }> {
  const repos = loadRepos().filter((r) => !options.repos || options.repos.includes(r.id));
  const labels = loadLabels();
  const runs = repos.map((r) => runRepo(r.id));
  const hits = runs.flatMap((r) => r.hits);
  const ruleIds = [...new Set([...hits.map((h) => h.rule), ...labels.keys()])].filter((id) => !options.rules || options.rules.includes(id)).sort();
  const scores = new Map(ruleIds.map((id) => [id, scoreRule(id, hits, labels.get(id))] as const));
  const rows: Row[] = [];
  const lines: string[] = [
    `Rules on real code: ${repos.length} public repositories (test/realworld), ${runs.reduce((n, r) => n + r.lines, 0).toLocaleString('en')} lines`,
    '',
    '| rule | hits | true | false | debatable | unlabelled | precision | true hits lost | true hits in tests (policy) | known misses found |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { score: s } of scores.values()) {
    lines.push(`| ${s.rule}${OPT_IN.has(s.rule) ? ' (opt-in)' : ''} | ${s.hits} | ${s.tp} | ${s.fp} | ${s.debatable} | ${s.unlabelled} | ${Number.isNaN(s.precision) ? '—' : s.precision.toFixed(2)} | ${s.lostTrue} | ${s.testPolicyTrue} | ${s.missesFound}/${s.misses} |`);
    if (!Number.isNaN(s.precision)) {
      rows.push({ id: `realworld.${s.rule}.precision`, label: `rules on real code: ${s.rule} precision`, unit: 'ratio', value: s.precision, target: { op: '>=', limit: 0.9 }, note: `${s.tp} true / ${s.fp} false of ${s.hits} hits; ${s.unlabelled} unlabelled` });
    }
  }
  lines.push('', '| repository | files | lines | findings (default rules) | per 1,000 lines | time |', '|---|---|---|---|---|---|');
  for (const r of runs) {
    // what a user sees by default: the opt-in rules' hits are not counted here
    const shown = r.hits.filter((h) => !OPT_IN.has(h.rule)).length;
    const per = r.lines ? (shown * 1000) / r.lines : 0;
    lines.push(`| ${r.repo} | ${r.files} | ${r.lines.toLocaleString('en')} | ${r.error ? `error: ${r.error}` : shown} | ${per.toFixed(2)} | ${(r.ms / 1000).toFixed(1)} s |`);
    rows.push({ id: `realworld.density.${r.repo}`, label: `rules on real code: findings per 1,000 lines, ${r.repo}`, unit: 'count', value: per, note: `${shown} findings in ${r.lines} lines (default rules)` });
  }
  const raw = {
    scores: Object.fromEntries([...scores].map(([k, v]) => [k, v.score])),
    repos: runs.map((r) => ({ repo: r.repo, files: r.files, lines: r.lines, findings: r.hits.length, ms: r.ms, error: r.error })),
  };
  return { rows, text: lines.join('\n'), raw, runs, scores };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const values = (flag: string) => argv.flatMap((a, i) => (a === flag && argv[i + 1] ? [argv[i + 1]] : []));
  const rules = values('--rule');
  const repos = values('--repo');
  const result = await benchRealWorld({ rules: rules.length ? rules : undefined, repos: repos.length ? repos : undefined });
  if (argv.includes('--json')) {
    const out = [...result.scores.values()].flatMap((s) => s.matched.filter((m) => argv.includes('--unlabelled') ? !m.label : true).map((m) => ({ ...m.hit, label: m.label?.label, reason: m.label?.reason })));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  console.log(result.text);
  if (argv.includes('--unlabelled')) {
    for (const s of result.scores.values()) {
      for (const m of s.matched.filter((x) => !x.label)) {
        console.log(`${m.hit.rule}  ${m.hit.repo}/${m.hit.file}:${m.hit.line}  ${m.hit.message}\n    ${m.hit.code}`);
      }
    }
  }
  if (argv.includes('--stale')) {
    for (const s of result.scores.values()) {
      for (const l of s.stale) {
        console.log(`stale ${s.score.rule}  ${l.repo}/${l.file}:${l.line} [${l.label}]  ${l.code}`);
      }
    }
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
