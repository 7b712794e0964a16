/**
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output summarised for people: the main nodes with
 * their rows and times, and why a sequential scan or a sort happens.
 */
import type { IndexModel, SchemaModel, TableModel } from './model';
import type { ParamValue } from './params';
import { fmtInt, indexSearchReason, scanIndexes, seqScanReason, sortReason, type RawNode } from './planReasons';
import type { PgErrorInfo } from './session';

export interface PlanNode {
  readonly depth: number;
  readonly nodeType: string;
  readonly relation?: string;
  readonly alias?: string;
  readonly index?: string;
  /** A Bitmap Heap Scan: the indexes of the Bitmap Index Scans under it (two or more under a BitmapAnd/BitmapOr). */
  readonly indexes?: readonly string[];
  /** PostgreSQL 18 "Index Searches": more than one is a skip scan or a list of values. */
  readonly indexSearches?: number;
  readonly skipScan?: boolean;
  readonly actualRows: number;
  readonly loops: number;
  /** Inclusive time of one loop × loops, ms. */
  readonly totalMs: number;
  readonly planRows: number;
  readonly filter?: string;
  readonly rowsRemoved?: number;
  /** Rows a Bitmap Heap Scan read again and dropped (lossy pages). */
  readonly rowsRemovedByRecheck?: number;
  readonly indexCond?: string;
  readonly sortKey?: readonly string[];
  readonly sortMethod?: string;
  readonly sortSpaceKb?: number;
  readonly sortSpaceType?: string;
  /** Rows that went into a Sort (its input's rows × loops). */
  readonly sortedRows?: number;
  readonly joinType?: string;
  /** Shared buffers hit + read by this node and those below it. */
  readonly buffers?: number;
  /** Why this node is there: a sequential scan, a sort, a skip scan, a repeated inner scan. */
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
  /** Tables the plan reads that hold no synthetic rows: the plan is of an empty table. */
  readonly emptyTables?: readonly { readonly table: string; readonly reason?: string }[];
  /** Execution times of the timed runs (after warm-up); executionMs is their median. */
  readonly timing?: PlanTiming;
}

export interface PlanTiming {
  readonly runs: readonly number[];
  readonly warmups: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

interface RawExplain {
  Plan: RawNode;
  'Planning Time'?: number;
  'Execution Time'?: number;
}

const QUIET = new Set(['Hash', 'Materialize', 'Memoize', 'Gather', 'Gather Merge', 'Result', 'Bitmap Index Scan', 'BitmapAnd', 'BitmapOr', 'Append', 'Subquery Scan', 'CTE Scan']);
const SCANS = /Scan$/;

function tableOf(model: SchemaModel | undefined, relation: string | undefined, schema?: string): TableModel | undefined {
  if (!model || !relation) {
    return undefined;
  }
  return model.tables.find((t) => t.name === relation && (!schema || t.schema === schema)) ?? model.tables.find((t) => t.name === relation);
}

function indexOf(model: SchemaModel | undefined, t: TableModel | undefined, name: string | undefined): IndexModel | undefined {
  if (!name) {
    return undefined;
  }
  return t?.indexes.find((i) => i.name === name) ?? model?.tables.flatMap((x) => x.indexes).find((i) => i.name === name);
}

function bitmapSearches(heap: RawNode, model: SchemaModel | undefined, t: TableModel | undefined): { searches: number; skip: boolean } {
  let searches = 0;
  let skip = false;
  const walk = (x: RawNode) => {
    if (x['Node Type'] === 'Bitmap Index Scan') {
      searches += x['Index Searches'] ?? 0;
      skip ||= indexSearchReason(x, indexOf(model, t, x['Index Name']))?.skip ?? false;
    }
    (x.Plans ?? []).forEach(walk);
  };
  (heap.Plans ?? []).forEach(walk);
  return { searches, skip };
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

export function summarisePlan(raw: unknown, model?: SchemaModel): Omit<PlanReport, 'query' | 'executed' | 'params' | 'ok' | 'rolledBack'> {
  const top = (Array.isArray(raw) ? raw[0] : raw) as RawExplain;
  const nodes: PlanNode[] = [];
  const empty = new Set<string>();
  let main: { name: string; rows: number } | undefined;
  const tableFor = (x: RawNode) => tableOf(model, x['Relation Name'], x.Schema);
  const walk = (n: RawNode, depth: number, parent: TableModel | undefined) => {
    const t = tableFor(n) ?? (n['Node Type'] === 'Bitmap Index Scan' ? parent : undefined);
    const loops = n['Actual Loops'] ?? 1;
    let reason: string | undefined;
    const searched = indexSearchReason(n, indexOf(model, t, n['Index Name']));
    if (n['Node Type'] === 'Seq Scan') {
      reason = seqScanReason(n, t);
    } else if (n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort') {
      reason = sortReason(n, tableFor);
    } else if (searched) {
      reason = searched.reason;
    } else if (n['Node Type'] === 'Nested Loop' && loops === 1) {
      const inner = n.Plans?.[1];
      if (inner && inner['Node Type'] === 'Seq Scan' && (inner['Actual Loops'] ?? 1) > 10) {
        reason = `the inner Seq Scan on ${inner['Relation Name']} runs ${fmtInt(inner['Actual Loops'] ?? 0)} times`;
      }
    }
    if (t && n['Relation Name'] && (!main || (t.rows ?? 0) > main.rows)) {
      main = { name: n['Relation Name'], rows: t.rows ?? 0 };
    }
    if (t && n['Relation Name'] && t.rows === 0) {
      empty.add(t.qualified);
    }
    const child = n.Plans?.[0];
    const bitmapIndexes = n['Node Type'] === 'Bitmap Heap Scan' ? scanIndexes(n) : [];
    // A Bitmap Heap Scan shows the searches of the (hidden) Bitmap Index Scans under it.
    const under = bitmapIndexes.length > 0 ? bitmapSearches(n, model, t) : undefined;
    nodes.push({
      depth,
      nodeType: n['Node Type'],
      ...(n['Relation Name'] ? { relation: n['Relation Name'] } : {}),
      ...(n.Alias && n.Alias !== n['Relation Name'] ? { alias: n.Alias } : {}),
      ...(n['Index Name'] ? { index: n['Index Name'] } : {}),
      ...(bitmapIndexes.length > 0 ? { indexes: bitmapIndexes } : {}),
      ...(n['Index Searches'] !== undefined ? { indexSearches: n['Index Searches'] } : under?.searches ? { indexSearches: under.searches } : {}),
      ...(searched?.skip || under?.skip ? { skipScan: true } : {}),
      actualRows: n['Actual Rows'] ?? 0,
      loops,
      totalMs: (n['Actual Total Time'] ?? 0) * loops,
      planRows: n['Plan Rows'] ?? 0,
      ...(n.Filter ? { filter: n.Filter } : {}),
      ...(n['Rows Removed by Filter'] !== undefined ? { rowsRemoved: n['Rows Removed by Filter'] } : {}),
      ...(n['Rows Removed by Index Recheck'] ? { rowsRemovedByRecheck: n['Rows Removed by Index Recheck'] } : {}),
      ...(n['Index Cond'] ?? n['Recheck Cond'] ? { indexCond: n['Index Cond'] ?? n['Recheck Cond'] } : {}),
      ...(n['Sort Key'] ? { sortKey: n['Sort Key'] } : {}),
      ...(n['Sort Method'] ? { sortMethod: n['Sort Method'] } : {}),
      ...(n['Sort Space Used'] !== undefined ? { sortSpaceKb: n['Sort Space Used'] } : {}),
      ...(n['Sort Space Type'] ? { sortSpaceType: n['Sort Space Type'] } : {}),
      ...(/Sort$/.test(n['Node Type']) && child ? { sortedRows: (child['Actual Rows'] ?? 0) * (child['Actual Loops'] ?? 1) } : {}),
      ...(n['Join Type'] ? { joinType: n['Join Type'] } : {}),
      ...(n['Shared Hit Blocks'] !== undefined ? { buffers: (n['Shared Hit Blocks'] ?? 0) + (n['Shared Read Blocks'] ?? 0) } : {}),
      ...(reason ? { reason } : {}),
    });
    for (const c of n.Plans ?? []) {
      walk(c, depth + 1, t);
    }
  };
  walk(top.Plan, 0, undefined);
  return {
    plan: raw,
    nodes,
    executionMs: top['Execution Time'] ?? 0,
    planningMs: top['Planning Time'] ?? 0,
    buffers: { hit: top.Plan['Shared Hit Blocks'] ?? 0, read: top.Plan['Shared Read Blocks'] ?? 0 },
    shape: planShape(nodes),
    ...(main ? { mainTable: main } : {}),
    ...(empty.size > 0 ? { emptyTables: [...empty].map((table) => ({ table })) } : {}),
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
  const used = n.indexes ?? (n.index ? [n.index] : []);
  if (used.length > 0) {
    what += ` using ${used.join(' and ')}`;
  }
  if (n.indexSearches !== undefined && n.indexSearches > 1) {
    what += ` (${n.skipScan ? 'skip scan, ' : ''}${fmtInt(n.indexSearches)} index searches)`;
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

/** Every index the plan uses, in plan order. */
export function indexesUsed(r: Pick<PlanReport, 'nodes'>): string[] {
  return [...new Set(r.nodes.flatMap((n) => n.indexes ?? (n.index ? [n.index] : [])))];
}

/** The shape with the indexes it uses: "Bitmap Heap Scan + Sort using idx_o_u", "Index Scan using a (skip scan)". */
export function planLabel(r: Pick<PlanReport, 'nodes' | 'shape'>): string {
  const used = indexesUsed(r);
  const skip = r.nodes.some((n) => n.skipScan) ? ' (skip scan)' : '';
  return `${r.shape}${used.length > 0 ? ` using ${used.join(', ')}` : ''}${skip}`;
}

/** "the plan is of an empty table: public.coupons has no synthetic rows (why)", or undefined. */
export function emptyTablesNote(r: Pick<PlanReport, 'emptyTables'>): string | undefined {
  const e = r.emptyTables ?? [];
  if (e.length === 0) {
    return undefined;
  }
  const short = (why: string) => (why.length > 100 ? `${why.slice(0, 99)}…` : why);
  const why = (x: (typeof e)[number]) => (x.reason ? ` (${short(x.reason)})` : '');
  const name = (x: (typeof e)[number]) => x.table.replace(/^public\./, '');
  return e.length === 1
    ? `the plan is of an empty table: ${name(e[0])} has no synthetic rows${why(e[0])}`
    : `the plan is of empty tables: ${e.map(name).join(', ')} have no synthetic rows${e.map(why).join('')}`;
}

function timingNote(r: PlanReport): string {
  const t = r.timing;
  if (!t || t.runs.length < 2) {
    return fmtMs(r.executionMs);
  }
  return `${fmtMs(t.medianMs)} (median of ${t.runs.length} runs, ${fmtMs(t.minMs)}–${fmtMs(t.maxMs)})`;
}

/** The human summary of a plan: headline, the tree, and the reasons. */
export function formatPlanReport(r: PlanReport): string {
  if (!r.ok) {
    return `The query failed on embedded PostgreSQL: ${r.error?.message ?? 'unknown error'}${r.error?.hint ? ` (hint: ${r.error.hint})` : ''}`;
  }
  const lines: string[] = [];
  const empty = emptyTablesNote(r);
  lines.push(
    `Plan on embedded PostgreSQL${r.postgresVersion ? ` ${r.postgresVersion}` : ''} with ${dataDescription(r)}: ${planLabel(r)}, ${timingNote(r)} (planning ${fmtMs(r.planningMs)}; buffers ${fmtInt(r.buffers.hit)} hit, ${fmtInt(r.buffers.read)} read)${empty ? ` — ${empty}` : ''}`,
  );
  if (r.params.length > 0) {
    lines.push(`Parameters: ${r.params.map((p) => `$${p.index} = ${p.value === null ? 'NULL' : `'${p.value}'`} (${p.source})`).join(', ')}`);
  }
  if (r.rolledBack) {
    lines.push('The statement ran inside a transaction that was rolled back.');
  }
  lines.push('');
  // Hidden nodes (Hash, Bitmap Index Scan…) take no indentation level: what is under them moves up.
  const hidden: number[] = [];
  for (const n of r.nodes) {
    while (hidden.length > 0 && hidden[hidden.length - 1] >= n.depth) {
      hidden.pop();
    }
    if (QUIET.has(n.nodeType) && n.depth > 0) {
      hidden.push(n.depth);
      continue;
    }
    lines.push(nodeLine({ ...n, depth: n.depth - hidden.length }));
  }
  const reasons = r.nodes.filter((n) => n.reason);
  if (reasons.length > 0) {
    lines.push('', 'Why:');
    for (const n of reasons) {
      lines.push(`- ${n.nodeType}${n.relation ? ` on ${n.relation}` : n.index ? ` using ${n.index}` : ''}: ${n.reason}.`);
    }
  }
  return lines.join('\n');
}
