/**
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output summarised for people: the main nodes with
 * their rows and times, and why a sequential scan or a sort happens.
 */
import type { SchemaModel, TableModel } from './model';
import type { ParamValue } from './params';
import type { PgErrorInfo } from './session';

export interface PlanNode {
  readonly depth: number;
  readonly nodeType: string;
  readonly relation?: string;
  readonly alias?: string;
  readonly index?: string;
  readonly actualRows: number;
  readonly loops: number;
  /** Inclusive time of one loop × loops, ms. */
  readonly totalMs: number;
  readonly planRows: number;
  readonly filter?: string;
  readonly rowsRemoved?: number;
  readonly indexCond?: string;
  readonly sortKey?: readonly string[];
  readonly sortMethod?: string;
  readonly sortSpaceKb?: number;
  readonly sortSpaceType?: string;
  readonly joinType?: string;
  /** Why this node is there, when it is a sequential scan or a sort. */
  readonly reason?: string;
}

export interface PlanReport {
  /** The query as given. */
  readonly query: string;
  /** What ran, with `$n` parameters. */
  readonly executed: string;
  readonly params: readonly ParamValue[];
  readonly ok: boolean;
  readonly error?: PgErrorInfo;
  /** The raw EXPLAIN JSON. */
  readonly plan?: unknown;
  readonly nodes: readonly PlanNode[];
  readonly executionMs: number;
  readonly planningMs: number;
  readonly buffers: { readonly hit: number; readonly read: number };
  /** The main node types, e.g. "Seq Scan + Sort". */
  readonly shape: string;
  /** The biggest table the plan reads, with its synthetic row count. */
  readonly mainTable?: { readonly name: string; readonly rows: number };
  readonly postgresVersion?: string;
  /** A statement other than SELECT ran inside a transaction that was rolled back. */
  readonly rolledBack: boolean;
}

interface RawNode {
  'Node Type': string;
  'Relation Name'?: string;
  Schema?: string;
  Alias?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Plan Rows'?: number;
  Filter?: string;
  'Rows Removed by Filter'?: number;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Sort Key'?: string[];
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  'Sort Space Type'?: string;
  'Join Type'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: RawNode[];
}

interface RawExplain {
  Plan: RawNode;
  'Planning Time'?: number;
  'Execution Time'?: number;
}

const QUIET = new Set(['Hash', 'Materialize', 'Memoize', 'Gather', 'Gather Merge', 'Result', 'Bitmap Index Scan', 'Append', 'Subquery Scan', 'CTE Scan']);
const SCANS = /Scan$/;

function tableOf(model: SchemaModel | undefined, relation: string | undefined, schema?: string): TableModel | undefined {
  if (!model || !relation) {
    return undefined;
  }
  return model.tables.find((t) => t.name === relation && (!schema || t.schema === schema)) ?? model.tables.find((t) => t.name === relation);
}

/** Column names of `t` that appear in an expression (filter, sort key). */
function columnsIn(expr: string, t: TableModel): string[] {
  const words = new Set([...expr.matchAll(/"?([A-Za-z_][\w$]*)"?/g)].map((m) => m[1]));
  return t.columns.map((c) => c.name).filter((c) => words.has(c));
}

function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function fmtMs(ms: number): string {
  if (ms >= 100) {
    return `${Math.round(ms)} ms`;
  }
  if (ms >= 1) {
    return `${ms.toFixed(1).replace(/\.0$/, '')} ms`;
  }
  return `${ms.toFixed(ms >= 0.01 ? 2 : 3)} ms`;
}

function seqScanReason(n: RawNode, t: TableModel | undefined): string {
  const name = n['Relation Name'] ?? 'the table';
  const total = t?.rows ?? (n['Actual Rows'] ?? 0) + (n['Rows Removed by Filter'] ?? 0);
  if (!n.Filter) {
    return `the query needs every row of ${name} (no condition on it), so reading it whole is the only way`;
  }
  if (total > 0 && total < 1000) {
    return `${name} has only ${fmtInt(total)} rows: reading it whole is cheaper than an index`;
  }
  const kept = n['Actual Rows'] ?? 0;
  const removed = n['Rows Removed by Filter'] ?? 0;
  const cols = t ? columnsIn(n.Filter, t) : [];
  const indexed = t?.indexes.find((ix) => ix.columns[0] !== null && cols.includes(ix.columns[0]!));
  const share = kept + removed > 0 ? kept / (kept + removed) : 0;
  if (indexed) {
    if (share > 0.2) {
      return `an index exists (${indexed.name}), but the filter keeps ${Math.round(share * 100)} % of the rows, so reading the table is cheaper`;
    }
    const col = indexed.columns[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\\b(lower|upper|date|coalesce|date_trunc|cast)\\s*\\([^)]*\\b${col}\\b|\\b${col}\\)?::`).test(n.Filter)) {
      return `an index on ${indexed.columns[0]} exists (${indexed.name}), but the filter wraps the column in a function or cast, so that index cannot be used`;
    }
    return `an index exists (${indexed.name}) but the planner did not use it for ${n.Filter}`;
  }
  const what = cols.length > 0 ? `${name}(${cols.join(', ')})` : name;
  return `no index on ${what} matches the filter ${n.Filter}: all ${fmtInt(kept + removed)} rows are read and ${fmtInt(removed)} thrown away`;
}

function sortReason(n: RawNode): string {
  const key = (n['Sort Key'] ?? []).join(', ');
  const disk = n['Sort Space Type'] === 'Disk' ? `; it spilled to disk (${fmtInt(n['Sort Space Used'] ?? 0)} kB)` : '';
  return `no index returns rows in the order ${key || 'asked for'}, so they are sorted after reading${disk}`;
}

export function summarisePlan(raw: unknown, model?: SchemaModel): Omit<PlanReport, 'query' | 'executed' | 'params' | 'ok' | 'rolledBack'> {
  const top = (Array.isArray(raw) ? raw[0] : raw) as RawExplain;
  const nodes: PlanNode[] = [];
  let main: { name: string; rows: number } | undefined;
  const walk = (n: RawNode, depth: number) => {
    const t = tableOf(model, n['Relation Name'], n.Schema);
    const loops = n['Actual Loops'] ?? 1;
    let reason: string | undefined;
    if (n['Node Type'] === 'Seq Scan') {
      reason = seqScanReason(n, t);
    } else if (n['Node Type'] === 'Sort') {
      reason = sortReason(n);
    } else if (n['Node Type'] === 'Nested Loop' && loops === 1) {
      const inner = n.Plans?.[1];
      if (inner && inner['Node Type'] === 'Seq Scan' && (inner['Actual Loops'] ?? 1) > 10) {
        reason = `the inner Seq Scan on ${inner['Relation Name']} runs ${fmtInt(inner['Actual Loops'] ?? 0)} times`;
      }
    }
    if (t && n['Relation Name'] && (!main || (t.rows ?? 0) > main.rows)) {
      main = { name: n['Relation Name'], rows: t.rows ?? 0 };
    }
    nodes.push({
      depth,
      nodeType: n['Node Type'],
      ...(n['Relation Name'] ? { relation: n['Relation Name'] } : {}),
      ...(n.Alias && n.Alias !== n['Relation Name'] ? { alias: n.Alias } : {}),
      ...(n['Index Name'] ? { index: n['Index Name'] } : {}),
      actualRows: n['Actual Rows'] ?? 0,
      loops,
      totalMs: (n['Actual Total Time'] ?? 0) * loops,
      planRows: n['Plan Rows'] ?? 0,
      ...(n.Filter ? { filter: n.Filter } : {}),
      ...(n['Rows Removed by Filter'] !== undefined ? { rowsRemoved: n['Rows Removed by Filter'] } : {}),
      ...(n['Index Cond'] ?? n['Recheck Cond'] ? { indexCond: n['Index Cond'] ?? n['Recheck Cond'] } : {}),
      ...(n['Sort Key'] ? { sortKey: n['Sort Key'] } : {}),
      ...(n['Sort Method'] ? { sortMethod: n['Sort Method'] } : {}),
      ...(n['Sort Space Used'] !== undefined ? { sortSpaceKb: n['Sort Space Used'] } : {}),
      ...(n['Sort Space Type'] ? { sortSpaceType: n['Sort Space Type'] } : {}),
      ...(n['Join Type'] ? { joinType: n['Join Type'] } : {}),
      ...(reason ? { reason } : {}),
    });
    for (const c of n.Plans ?? []) {
      walk(c, depth + 1);
    }
  };
  walk(top.Plan, 0);
  return {
    plan: raw,
    nodes,
    executionMs: top['Execution Time'] ?? 0,
    planningMs: top['Planning Time'] ?? 0,
    buffers: { hit: top.Plan['Shared Hit Blocks'] ?? 0, read: top.Plan['Shared Read Blocks'] ?? 0 },
    shape: planShape(nodes),
    ...(main ? { mainTable: main } : {}),
  };
}

/** The node types that matter for speed, in plan order, each once: "Seq Scan + Sort". */
export function planShape(nodes: readonly PlanNode[]): string {
  const seen: string[] = [];
  for (const n of nodes) {
    const type = n.nodeType === 'Bitmap Heap Scan' ? 'Bitmap Heap Scan' : n.nodeType;
    const keep = SCANS.test(type) || type === 'Sort' || type === 'Incremental Sort' || /Join$|Nested Loop/.test(type) || type === 'HashAggregate';
    if (keep && !QUIET.has(type) && !seen.includes(type)) {
      seen.push(type);
    }
  }
  // Scans and sorts first: they are what an index changes.
  const order = (t: string) => (SCANS.test(t) ? 0 : /Sort/.test(t) ? 1 : 2);
  return seen.sort((a, b) => order(a) - order(b)).slice(0, 3).join(' + ') || (nodes[0]?.nodeType ?? 'Result');
}

function nodeLine(n: PlanNode): string {
  let what = n.nodeType;
  if (n.relation) {
    what += ` on ${n.relation}${n.alias ? ` ${n.alias}` : ''}`;
  }
  if (n.index) {
    what += ` using ${n.index}`;
  }
  const details: string[] = [];
  if (n.indexCond) {
    details.push(`cond ${n.indexCond}`);
  }
  if (n.filter) {
    details.push(`filter ${n.filter}${n.rowsRemoved ? `, ${fmtInt(n.rowsRemoved)} rows removed` : ''}`);
  }
  if (n.sortKey) {
    details.push(`by ${n.sortKey.join(', ')}${n.sortMethod ? `, ${n.sortMethod}` : ''}${n.sortSpaceKb !== undefined ? ` ${fmtInt(n.sortSpaceKb)} kB${n.sortSpaceType === 'Disk' ? ' on disk' : ''}` : ''}`);
  }
  const loops = n.loops > 1 ? ` × ${fmtInt(n.loops)} loops` : '';
  return `${'  '.repeat(n.depth)}${what}${details.length ? ` — ${details.join('; ')}` : ''} (${fmtInt(n.actualRows)} rows${loops}, ${fmtMs(n.totalMs)})`;
}

export function dataDescription(r: PlanReport): string {
  return r.mainTable ? `${fmtInt(r.mainTable.rows)} synthetic ${r.mainTable.name}` : 'synthetic data';
}

/** The human summary of a plan: headline, the tree, and the reasons. */
export function formatPlanReport(r: PlanReport): string {
  if (!r.ok) {
    return `The query failed on embedded PostgreSQL: ${r.error?.message ?? 'unknown error'}${r.error?.hint ? ` (hint: ${r.error.hint})` : ''}`;
  }
  const lines: string[] = [];
  lines.push(`Plan on embedded PostgreSQL${r.postgresVersion ? ` ${r.postgresVersion}` : ''} with ${dataDescription(r)}: ${r.shape}, ${fmtMs(r.executionMs)} (planning ${fmtMs(r.planningMs)}; buffers ${fmtInt(r.buffers.hit)} hit, ${fmtInt(r.buffers.read)} read)`);
  if (r.params.length > 0) {
    lines.push(`Parameters: ${r.params.map((p) => `$${p.index} = ${p.value === null ? 'NULL' : `'${p.value}'`} (${p.source})`).join(', ')}`);
  }
  if (r.rolledBack) {
    lines.push('The statement ran inside a transaction that was rolled back.');
  }
  lines.push('');
  for (const n of r.nodes.filter((x) => !QUIET.has(x.nodeType) || x.depth === 0)) {
    lines.push(nodeLine(n));
  }
  const reasons = r.nodes.filter((n) => n.reason);
  if (reasons.length > 0) {
    lines.push('', 'Why:');
    for (const n of reasons) {
      lines.push(`- ${n.nodeType}${n.relation ? ` on ${n.relation}` : ''}: ${n.reason}.`);
    }
  }
  return lines.join('\n');
}
