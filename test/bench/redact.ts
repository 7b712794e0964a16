/**
 * Redaction bench (`npm run bench`, or `node out/test/bench/redact.js` alone): recall per
 * provider family on the gitleaks + secretlint corpus (test/fixtures/redact/corpus), recall per
 * everyday syntax (test/unit/redact/cases.ts), false positives per 10,000 lines of real code
 * (this repository's node_modules), throughput in MiB/s and the worst cost in ms per MB over
 * pathological inputs. Figures only: nothing here fails on a number.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { redact } from '../../src/core/redact';
import { fill, NEAR_MISSES, SECRETS, SYNTAX_CASES } from '../unit/redact/cases';
import { pathologicalInputs } from '../unit/redact/pathological';
import type { Row } from './stats';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS_DIR = path.join(ROOT, 'test', 'fixtures', 'redact', 'corpus');
const MiB = 1024 * 1024;

interface CorpusRecord {
  readonly source: string;
  readonly rule: string;
  readonly family: string;
  readonly syntax?: string;
  readonly text: string;
  readonly secrets?: Array<[number, number]>;
  readonly negative?: boolean;
}

function loadCorpus(): CorpusRecord[] {
  if (!fs.existsSync(CORPUS_DIR)) {
    return [];
  }
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as CorpusRecord));
}

/** A secret counts as redacted when none of its characters (quotes aside) is left in clear. */
function covered(spans: ReadonlyArray<{ start: number; end: number }>, text: string, s: number, e: number): boolean {
  while (s < e && /["'`\s]/.test(text[s])) {
    s++;
  }
  while (e > s && /["'`\s]/.test(text[e - 1])) {
    e--;
  }
  let pos = s;
  for (const span of spans) {
    if (span.end <= pos) {
      continue;
    }
    if (span.start > pos) {
      return false;
    }
    pos = span.end;
    if (pos >= e) {
      return true;
    }
  }
  return pos >= e;
}

interface Tally {
  hit: number;
  n: number;
}
const pct = (t: Tally): number => (t.n === 0 ? NaN : (100 * t.hit) / t.n);

export interface RedactBench {
  readonly rows: Row[];
  readonly raw: Record<string, unknown>;
  readonly text: string;
}

/** Files of real code from node_modules, in a fixed order, up to `maxLines` lines. */
function realCode(maxLines: number): { text: string; lines: number; files: string[] } {
  const base = path.join(ROOT, 'node_modules');
  const out: string[] = [];
  const files: string[] = [];
  let lines = 0;
  const pkgs = fs.readdirSync(base).filter((p) => !p.startsWith('.')).sort();
  const walk = (dir: string, depth: number): void => {
    if (lines >= maxLines || depth > 4) {
      return;
    }
    for (const name of fs.readdirSync(dir).sort()) {
      if (lines >= maxLines) {
        return;
      }
      const full = path.join(dir, name);
      const st = fs.statSync(full);
      if (st.isDirectory()) {
        if (name !== 'node_modules' && !/^(?:test|tests|__tests__|fixtures|testdata|examples?)$/i.test(name)) {
          walk(full, depth + 1);
        }
      } else if (/\.(?:[cm]?js|ts|json|md|ya?ml|py|go|java|sh)$/.test(name) && !name.endsWith('.min.js') && !name.endsWith('.map') && st.size < 400_000) {
        const t = fs.readFileSync(full, 'utf8');
        out.push(t);
        files.push(path.relative(ROOT, full));
        lines += t.split('\n').length;
      }
    }
  };
  // a few files from every package, then more, so the sample spans many authors' styles
  for (const p of pkgs) {
    const dir = path.join(base, p);
    if (p.startsWith('@')) {
      for (const q of fs.readdirSync(dir).sort()) {
        walk(path.join(dir, q), 0);
      }
    } else {
      walk(dir, 0);
    }
  }
  return { text: out.join('\n'), lines, files };
}

/**
 * Milliseconds per run, as CPU time of this process (user + system): on a busy machine wall time
 * measures the other processes too. One warm-up run first (JIT).
 */
function time(fn: () => void, minMs = 200): number {
  fn();
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  let runs = 0;
  do {
    fn();
    runs++;
  } while (performance.now() - wallStart < minMs && runs < 50);
  const cpu = process.cpuUsage(cpuStart);
  return (cpu.user + cpu.system) / 1000 / runs;
}

export function benchRedaction(): RedactBench {
  const lines: string[] = [];
  const corpus = loadCorpus();
  const byFamily = new Map<string, Tally>();
  const bySource = new Map<string, Tally>();
  const misses: string[] = [];
  let negatives = 0;
  let negativesFlagged = 0;
  for (const r of corpus) {
    const result = redact(r.text);
    if (r.negative) {
      negatives++;
      if (result.spans.length > 0) {
        negativesFlagged++;
      }
      continue;
    }
    const ok = (r.secrets ?? []).every(([s, e]) => covered(result.spans, r.text, s, e));
    for (const [map, key] of [[byFamily, r.family], [bySource, r.source]] as const) {
      const t = map.get(key) ?? { hit: 0, n: 0 };
      t.n++;
      t.hit += ok ? 1 : 0;
      map.set(key, t);
    }
    if (!ok && misses.length < 400) {
      misses.push(`${r.source}/${r.rule} [${r.syntax ?? ''}]: ${JSON.stringify(r.text.slice(0, 140))}`);
    }
  }
  const families = [...byFamily.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const familyRecalls = families.map(([, t]) => pct(t));
  const macroFamily = familyRecalls.reduce((a, b) => a + b, 0) / Math.max(1, familyRecalls.length);
  const allFamily = [...byFamily.values()].reduce((a, t) => ({ hit: a.hit + t.hit, n: a.n + t.n }), { hit: 0, n: 0 });

  // everyday syntaxes
  const bySyntax = new Map<string, Tally>();
  for (const c of SYNTAX_CASES) {
    for (const [name, secret] of Object.entries(SECRETS)) {
      if (c.secrets && !c.secrets.includes(name)) {
        continue;
      }
      const { text, secrets } = fill(c.template, secret);
      const out = redact(text).text;
      const ok = secrets.every((s) => !out.includes(s) && !out.includes(s.slice(0, 6)) && !out.includes(s.slice(-6)));
      const t = bySyntax.get(c.syntax) ?? { hit: 0, n: 0 };
      t.n++;
      t.hit += ok ? 1 : 0;
      bySyntax.set(c.syntax, t);
    }
  }
  const syntaxRecalls = [...bySyntax.values()].map(pct);
  const macroSyntax = syntaxRecalls.reduce((a, b) => a + b, 0) / Math.max(1, syntaxRecalls.length);
  const nearMissFlagged = NEAR_MISSES.filter((l) => redact(l).spans.length > 0);

  // false positives on real code
  const code = realCode(200_000);
  const fpResult = redact(code.text);
  const fpPer10k = (fpResult.spans.length / code.lines) * 10_000;
  const fpSamples = fpResult.spans.slice(0, 25).map((s) => `${s.kind}: ${JSON.stringify(code.text.slice(Math.max(0, s.start - 40), s.end + 10))}`);

  // throughput on real code (MiB/s), median-ish of repeated runs
  const bytes = Buffer.byteLength(code.text, 'utf8');
  const msCode = time(() => redact(code.text), 1000);
  const mibPerS = bytes / MiB / (msCode / 1000);

  // pathological inputs, each about 1 MB
  const patho = pathologicalInputs(1024 * 1024).map((p) => {
    const ms = time(() => redact(p.text), 300);
    return { name: p.name, ms, msPerMB: ms / (p.text.length / 1e6) };
  });
  const worst = patho.reduce((a, b) => (b.msPerMB > a.msPerMB ? b : a));

  lines.push('Redaction — recall per provider family (gitleaks + secretlint test data):');
  for (const [fam, t] of families) {
    lines.push(`  ${fam.padEnd(16)} ${pct(t).toFixed(1).padStart(6)} %  (${t.hit}/${t.n})`);
  }
  lines.push(`  by source: ${[...bySource.entries()].map(([s, t]) => `${s} ${pct(t).toFixed(1)} % (${t.hit}/${t.n})`).join(', ')}`);
  lines.push(`  corpus negatives flagged: ${negativesFlagged}/${negatives} (scanners' own false-positive strings; informational)`);
  lines.push('Redaction — recall per everyday syntax:');
  for (const [syn, t] of bySyntax) {
    lines.push(`  ${syn.padEnd(36)} ${pct(t).toFixed(1).padStart(6)} %  (${t.hit}/${t.n})`);
  }
  lines.push(`  near misses redacted: ${nearMissFlagged.length}/${NEAR_MISSES.length}${nearMissFlagged.length ? ' — ' + nearMissFlagged.join(' | ') : ''}`);
  lines.push(`False positives on ${code.lines} lines of node_modules (${code.files.length} files): ${fpResult.spans.length} (${fpPer10k.toFixed(2)} per 10k lines)`);
  for (const s of fpSamples) {
    lines.push(`  ${s}`);
  }
  lines.push(`Throughput: ${(bytes / MiB).toFixed(1)} MiB of real code in ${msCode.toFixed(0)} ms of CPU = ${mibPerS.toFixed(1)} MiB/s (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
  lines.push('Pathological inputs (1 MB each, CPU time):');
  for (const p of patho) {
    lines.push(`  ${p.name.padEnd(44)} ${p.ms.toFixed(1).padStart(7)} ms  ${p.msPerMB.toFixed(1).padStart(7)} ms/MB`);
  }
  if (misses.length > 0) {
    lines.push(`Misses (first ${Math.min(misses.length, 40)}):`);
    lines.push(...misses.slice(0, 40).map((m) => `  ${m}`));
  }

  const rows: Row[] = [
    { id: 'redact.recall.family', label: 'redaction: recall, mean over provider families', unit: '%', value: macroFamily, target: { op: '>=', limit: 97 }, note: `${families.length} families, ${allFamily.hit}/${allFamily.n} samples` },
    { id: 'redact.recall.family.min', label: 'redaction: recall, worst provider family', unit: '%', value: Math.min(...familyRecalls) },
    { id: 'redact.recall.syntax', label: 'redaction: recall, mean over everyday syntaxes', unit: '%', value: macroSyntax, target: { op: '>=', limit: 95 }, note: `${bySyntax.size} syntaxes` },
    { id: 'redact.fp', label: 'redaction: false positives per 10k lines of real code', unit: '/10k', value: fpPer10k, target: { op: '<=', limit: 2 } },
    { id: 'redact.throughput', label: 'redaction: throughput on real code', unit: 'MiB/s', value: mibPerS, target: { op: '>=', limit: 40 } },
    { id: 'redact.worst', label: `redaction: worst pathological input (${worst.name})`, unit: 'ms/MB', value: worst.msPerMB, target: { op: '<=', limit: 50 } },
  ];
  const raw = {
    families: Object.fromEntries(families.map(([f, t]) => [f, t])),
    syntaxes: Object.fromEntries(bySyntax),
    fp: { lines: code.lines, count: fpResult.spans.length, per10k: fpPer10k },
    mibPerS,
    pathological: patho,
    nearMissFlagged,
  };
  return { rows, raw, text: lines.join('\n') };
}

if (require.main === module) {
  const r = benchRedaction();
  console.log(r.text);
  console.log('');
  for (const row of r.rows) {
    console.log(`${row.label}: ${row.value.toFixed(2)} ${row.unit}${row.target ? ` (target ${row.target.op} ${row.target.limit})` : ''}${row.note ? ` — ${row.note}` : ''}`);
  }
}
