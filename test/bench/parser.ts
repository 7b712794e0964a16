/**
 * Streaming-parser latency per push (`npm run bench`, section 3b): the longest single
 * FindingsStreamParser.push over answers up to 1 MB of different shapes and chunk sizes, and one
 * 100 KB block parsed in 8-character chunks. A push is time the extension host is blocked.
 * Figures only; nothing here asserts a timing.
 */
import { FindingsStreamParser } from '../../src/core/findings/parser';
import { summarize, type Row } from './stats';

interface Shape {
  readonly label: string;
  readonly text: string;
  readonly chunk: number;
}

function answerOfFindings(size: number): string {
  let a = '';
  for (let i = 0; a.length < size; i++) {
    a +=
      `Prose ${i} about the handler, with \`code\` and a list:\n\n- one\n- two\n\n` +
      `<finding severity="high" file="src/f${i}.ts" line="${i + 1}" title="T${i}">\n<quote>\nconst v${i} = await db.query(x);\n</quote>\n` +
      `<issue>${'The issue text goes on. '.repeat(20)}</issue>\n<fix kind="run" lang="sql">\nCREATE INDEX i${i} ON t(c); -- 1) build it\n</fix>\n</finding>\n\n`;
  }
  return a.slice(0, size);
}

function shapes(): Shape[] {
  const MB = 1024 * 1024;
  const big = (body: string) => `<finding severity="low" title="Big">\n<issue>${body}</issue>\n</finding>\n`;
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `step ${i}: do the thing right.`).join('\n');
  return [
    { label: '1 MB, findings + prose, 8-char chunks', text: answerOfFindings(MB), chunk: 8 },
    { label: '1 MB, findings + prose, 1 KB chunks', text: answerOfFindings(MB), chunk: 1024 },
    { label: '1 MB, unclosed blocks (given up at 100 KB)', text: ('<finding severity="low" title="x">\n' + 'text line\n'.repeat(12000)).repeat(9).slice(0, MB), chunk: 64 },
    { label: '1 MB, one line without a newline', text: 'word '.repeat(MB / 5), chunk: 64 },
    { label: '1 MB, prose inside one open fence', text: '```\n' + '<finding severity="low">\n'.repeat(MB / 25), chunk: 64 },
    { label: '~100 KB block of unclosed child tags', text: '<finding severity="low" title="x">\n' + '<issue a="1">\n'.repeat(7000) + '</finding>\n', chunk: 64 },
    { label: '~100 KB block of unterminated attributes', text: '<finding severity="low" title="x">\n' + '<issue a="b\n'.repeat(8000) + '</finding>\n', chunk: 64 },
    { label: '~100 KB block, one 95 KB line, 1-char chunks', text: big('word '.repeat(19_000)), chunk: 1 },
    { label: '~100 KB block, 3,200 short lines, 8-char chunks', text: big(lines(3200)), chunk: 8 },
  ];
}

function chunksOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    out.push(text.slice(i, i + size));
  }
  return out;
}

/**
 * One streamed parse: the longest push (wall ms, and CPU ms of this process, which leaves out
 * the time another process had the core on a busy machine), the total (ms) and the findings.
 */
function streamOnce(chunks: readonly string[]): { maxPush: number; maxPushCpu: number; total: number; findings: number } {
  const p = new FindingsStreamParser();
  let maxPush = 0;
  let maxPushCpu = 0;
  let findings = 0;
  const t0 = performance.now();
  const one = (f: () => number) => {
    const a = performance.now();
    const cpu = process.cpuUsage();
    findings += f();
    const used = process.cpuUsage(cpu);
    maxPush = Math.max(maxPush, performance.now() - a);
    maxPushCpu = Math.max(maxPushCpu, (used.user + used.system) / 1000);
  };
  for (const c of chunks) {
    one(() => p.push(c).filter((e) => e.kind === 'finding').length);
  }
  one(() => p.end().filter((e) => e.kind === 'finding').length);
  return { maxPush, maxPushCpu, total: performance.now() - t0, findings };
}

export function benchParserPushes(runs = 7): { rows: Row[]; raw: Record<string, unknown> } {
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  let worst = 0;
  let worstLabel = '';
  let worstCpu = 0;
  for (const shape of shapes()) {
    const chunks = chunksOf(shape.text, shape.chunk);
    streamOnce(chunks); // warm-up (JIT)
    const samples = Array.from({ length: runs }, () => streamOnce(chunks));
    const maxPush = summarize(samples.map((s) => s.maxPush));
    const maxPushCpu = summarize(samples.map((s) => s.maxPushCpu));
    const total = summarize(samples.map((s) => s.total));
    raw[shape.label] = { maxPush, maxPushCpu, total, findings: samples[0].findings, chars: shape.text.length, chunks: chunks.length };
    rows.push({ id: `push:${shape.label}`, label: `   longest push, ${shape.label}`, unit: 'ms', value: maxPush.median, summary: maxPush });
    rows.push({ id: `pushCpu:${shape.label}`, label: '     (CPU time of that process)', unit: 'ms', value: maxPushCpu.median, summary: maxPushCpu });
    worstCpu = Math.max(worstCpu, maxPushCpu.median);
    if (maxPush.median > worst) {
      worst = maxPush.median;
      worstLabel = shape.label;
    }
  }
  // One 100 KB finding, 8-character chunks: the whole parse.
  const block = `<finding severity="low" title="Big" file="src/a.ts" line="1">\n<quote>\nconst a = 1;\n</quote>\n<issue>${'x'.repeat(60)}\n`;
  let text = block;
  for (let i = 0; text.length < 100 * 1024 - 200; i++) {
    text += `line ${i} of the recommendation, with \`code\` in it.\n`;
  }
  text += '</issue>\n</finding>\n';
  const chunks = chunksOf(text, 8);
  streamOnce(chunks);
  const one = Array.from({ length: runs }, () => streamOnce(chunks));
  const oneTotal = summarize(one.map((s) => s.total));
  const onePush = summarize(one.map((s) => s.maxPush));
  raw['one 100 KB block'] = { total: oneTotal, maxPush: onePush, findings: one[0].findings, chars: text.length };
  rows.unshift(
    { id: 'pushMax', label: `3b. Longest single push, any input up to 1 MB (${worstLabel})`, unit: 'ms', value: worst, target: { op: '<=', limit: 5 } },
    { id: 'pushMaxCpu', label: '    same, CPU time of the process (leaves out other processes on a busy machine)', unit: 'ms', value: worstCpu },
    { id: 'oneBlock100k', label: '    one 100 KB block in 8-char chunks, whole parse', unit: 'ms', value: oneTotal.median, summary: oneTotal, target: { op: '<=', limit: 10 } },
    { id: 'oneBlock100kPush', label: '    ... its longest push (the one that closes it)', unit: 'ms', value: onePush.median, summary: onePush },
  );
  return { rows, raw };
}
