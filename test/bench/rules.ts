/**
 * Rules bench (`npm run bench`, or `node out/test/bench/rules.js` alone): precision and recall per
 * rule on the labelled corpus (test/fixtures/rules/corpus), one 10,000-line TypeScript file parsed
 * and checked after warm-up, and a 2,000-file workspace checked in the rules worker thread while
 * this (the "extension host") thread's event-loop delay is sampled. Figures only.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { RULE_TABLE, runRules } from '../../src/core/rules';
import { RulesWorkerClient } from '../../src/core/rules/worker/workerClient';
import { loadCorpus, precision, recall, scoreCorpus } from '../unit/rules/corpus';
import { summarize, type Row } from './stats';

/** A realistic service module: handlers, queries, loops, outbound calls. `i` makes names unique. */
function tsChunk(i: number): string {
  return `
export async function listOrders${i}(req: Request, res: Response) {
  const { rows } = await pool.query('SELECT id, status, total_cents FROM orders WHERE tenant_id = $1 LIMIT 50', [req.tenantId]);
  const out: Order[] = [];
  for (const row of rows) {
    const items = await pool.query('SELECT sku, qty FROM items WHERE order_id = $1', [row.id]);
    out.push({ ...row, items: items.rows });
  }
  res.json(out);
}

export async function notify${i}(url: string, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  const response = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(2000) });
  if (!response.ok) {
    throw new Error(\`notify failed: \${response.status}\`);
  }
}

export function total${i}(lines: { qty: number; price: number }[]): number {
  return lines.reduce((sum, l) => sum + l.qty * l.price, 0);
}
`;
}

function pyChunk(i: number): string {
  return `
def report_${i}(request, cursor):
    cursor.execute("SELECT id, total FROM orders WHERE tenant_id = %s LIMIT 100", (request.tenant_id,))
    rows = cursor.fetchall()
    return [dict(r) for r in rows]


def sync_${i}(session, ids):
    for i in ids:
        session.query(Item).filter(Item.id == i).first()
`;
}

function tenThousandLines(): string {
  let text = "import { pool } from './db';\n";
  for (let i = 0; text.split('\n').length < 10_000; i++) {
    text += tsChunk(i);
  }
  return text.split('\n').slice(0, 10_000).join('\n');
}

function writeWorkspace(root: string, files: number): void {
  fs.mkdirSync(path.join(root, 'db'), { recursive: true });
  fs.writeFileSync(path.join(root, 'db', 'schema.sql'), 'CREATE TABLE orders (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, customer_id bigint REFERENCES customers (id));\n');
  for (let f = 0; f < files - 1; f++) {
    const dir = path.join(root, 'src', `m${f % 40}`);
    fs.mkdirSync(dir, { recursive: true });
    if (f % 5 === 4) {
      fs.writeFileSync(path.join(dir, `job_${f}.py`), Array.from({ length: 6 }, (_, i) => pyChunk(f * 10 + i)).join('\n'));
    } else {
      fs.writeFileSync(path.join(dir, `service${f}.ts`), "import { pool } from './db';\n" + Array.from({ length: 5 }, (_, i) => tsChunk(f * 10 + i)).join('\n'));
    }
  }
}

export async function benchRules(): Promise<{ rows: Row[]; text: string; raw: Record<string, unknown> }> {
  const rows: Row[] = [];
  const lines: string[] = [];

  // 1. precision / recall per rule on the corpus
  const corpus = loadCorpus();
  const { scores } = await scoreCorpus(corpus);
  lines.push(`Rules corpus: ${corpus.length} files`, '', '| rule | TP | FP | FN | precision | recall |', '|---|---|---|---|---|---|');
  const perRule: Record<string, unknown> = {};
  for (const r of RULE_TABLE) {
    const s = scores.get(r.id) ?? { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] };
    const p = precision(s);
    const rc = recall(s);
    perRule[r.id] = { ...s, precision: p, recall: rc };
    lines.push(`| ${r.id} | ${s.tp} | ${s.fp} | ${s.fn} | ${p.toFixed(2)} | ${rc.toFixed(2)} |`);
    rows.push({ id: `rules.${r.id}.precision`, label: `rules: ${r.id} precision`, unit: 'ratio', value: p, target: { op: '>=', limit: 0.9 } });
    rows.push({ id: `rules.${r.id}.recall`, label: `rules: ${r.id} recall`, unit: 'ratio', value: rc, target: { op: '>=', limit: 0.8 } });
  }

  // 2. one 10,000-line TypeScript file, after warm-up
  const big = tenThousandLines();
  const file = [{ path: 'src/big.ts', text: big }];
  for (let i = 0; i < 3; i++) {
    await runRules(file);
  }
  const samples: number[] = [];
  let findings = 0;
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    findings = (await runRules(file)).length;
    samples.push(performance.now() - t);
  }
  const one = summarize(samples);
  rows.push({ id: 'rules.file10k', label: 'rules: 10,000-line TS file parsed + checked', unit: 'ms', value: one.median, summary: one, target: { op: '<=', limit: 30 }, note: `${findings} findings` });

  // 2b. the editor's case: the same file re-checked after a one-line edit, reparsed from its last tree
  await runRules(file, { reuseTrees: true });
  const edited: number[] = [];
  for (let i = 0; i < 15; i++) {
    const text = big.replace('LIMIT 50', `LIMIT ${51 + i}`);
    const t = performance.now();
    await runRules([{ path: 'src/big.ts', text }], { reuseTrees: true });
    edited.push(performance.now() - t);
  }
  const recheck = summarize(edited);
  rows.push({ id: 'rules.file10k.edit', label: 'rules: the same file re-checked after a one-line edit (tree reused)', unit: 'ms', value: recheck.median, summary: recheck, target: { op: '<=', limit: 30 } });

  // 3. a 2,000-file workspace in the worker, event loop of this thread sampled
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-bench-'));
  let workspace: Record<string, unknown> = {};
  try {
    writeWorkspace(root, 2000);
    const client = new RulesWorkerClient();
    try {
      await client.run([{ path: 'warm.ts', text: tsChunk(0) }], {});
      const delay = monitorEventLoopDelay({ resolution: 5 });
      // a busy "host": timers keep firing while the worker parses
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      delay.enable();
      const t = performance.now();
      const result = await client.runFolder(root, { maxFiles: 5000 });
      const ms = performance.now() - t;
      delay.disable();
      clearInterval(ticker);
      const maxBlockMs = delay.max / 1e6;
      workspace = { files: result.files, findings: result.findings.length, ms, maxBlockMs, ticks, cores: os.cpus().length };
      rows.push({ id: 'rules.workspace2000', label: `rules: ${result.files}-file workspace (worker thread)`, unit: 'ms', value: ms, target: { op: '<=', limit: 15_000 }, note: `${result.findings.length} findings, ${os.cpus().length} cores` });
      rows.push({ id: 'rules.workspace2000.loopBlock', label: 'rules: longest event-loop block of the host thread meanwhile', unit: 'ms', value: maxBlockMs, target: { op: '<=', limit: 50 } });
    } finally {
      await client.dispose();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return { rows, text: lines.join('\n'), raw: { perRule, file10k: one, file10kEdit: recheck, workspace } };
}

if (require.main === module) {
  void benchRules().then(({ rows, text }) => {
    console.log(text);
    for (const r of rows) {
      console.log(`${r.label}: ${r.value.toFixed(r.unit === 'ratio' ? 2 : 1)} ${r.unit}${r.target ? ` (target ${r.target.op} ${r.target.limit})` : ''}${r.note ? ` — ${r.note}` : ''}`);
    }
  });
}
