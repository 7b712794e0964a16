/**
 * Why a plan node is there, derived from the plan and the indexes the catalog holds at the time
 * of the plan (after a fix, inside its transaction): a sequential scan, a sort, a skip scan.
 * Nothing here is a fixed sentence about indexes: each claim names the indexes it looked at.
 */
import type { IndexModel, TableModel } from './model';
import { columnRefs, equalityColumns, sortKeyColumn } from './planExpr';

export interface RawNode {
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
  'Rows Removed by Index Recheck'?: number;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Index Searches'?: number;
  'Sort Key'?: string[];
  'Presorted Key'?: string[];
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  'Sort Space Type'?: string;
  'Join Type'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: RawNode[];
}

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

const BINARY_TEXT = new Set(['text', 'varchar', 'bpchar', 'character varying', 'character', 'name']);

/** Columns of `t` an expression reads (qualified by the node's alias or table, or bare), literals left out. */
export function tableColumnRefs(expr: string, t: TableModel, alias?: string): ReturnType<typeof columnRefs> {
  const names = new Set(t.columns.map((c) => c.name));
  const quals = new Set([t.name, alias].filter(Boolean));
  return columnRefs(expr).filter((r) => names.has(r.column) && (!r.qualifier || quals.has(r.qualifier)));
}

/** Index key columns and whether each is DESC, read from the index definition. */
export function indexKeys(ix: IndexModel): { column: string | null; desc: boolean }[] {
  const m = /\bUSING\s+\w+\s*\(/i.exec(ix.definition);
  const dirs: boolean[] = [];
  if (m) {
    let depth = 1;
    let quote = false;
    let part = '';
    for (let i = m.index + m[0].length; i < ix.definition.length && depth > 0; i++) {
      const c = ix.definition[i];
      quote = c === "'" ? !quote : quote;
      depth += quote ? 0 : c === '(' ? 1 : c === ')' ? -1 : 0;
      if ((depth === 1 && c === ',' && !quote) || depth === 0) {
        dirs.push(/\sDESC\b/i.test(part));
        part = '';
      } else {
        part += c;
      }
    }
  }
  return ix.columns.map((column, i) => ({ column, desc: dirs[i] ?? false }));
}

function describeIndex(ix: IndexModel): string {
  return `${ix.name} (${ix.columns.map((c) => c ?? 'expression').join(', ')})`;
}

function listIndexes(t: TableModel): string {
  return t.indexes.length === 0 ? `${t.name} has no index` : `its indexes: ${t.indexes.map(describeIndex).join(', ')}`;
}

export function seqScanReason(n: RawNode, t: TableModel | undefined): string {
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
  const refs = t ? tableColumnRefs(n.Filter, t, n.Alias) : [];
  const cols = [...new Set(refs.map((r) => r.column))];
  const share = kept + removed > 0 ? kept / (kept + removed) : 0;
  const indexed = t?.indexes.find((ix) => ix.columns[0] !== null && cols.includes(ix.columns[0]!));
  if (t && indexed) {
    const col = indexed.columns[0]!;
    const type = t.columns.find((c) => c.name === col)?.baseType ?? '';
    // A function, or a cast that changes the type (varchar to text does not), hides the column from its index.
    const wrap = refs.find((r) => r.column === col && r.wrappedBy && !(r.wrappedBy.kind === 'cast' && BINARY_TEXT.has(type) && BINARY_TEXT.has(r.wrappedBy.type)))?.wrappedBy;
    if (wrap) {
      const how = wrap.kind === 'function' ? `the function ${wrap.name}()` : `a cast to ${wrap.type}`;
      return `an index on ${col} exists (${indexed.name}), but the filter wraps the column in ${how}, so that index cannot be used`;
    }
    if (share > 0.2) {
      return `an index exists (${indexed.name}), but the filter keeps ${Math.round(share * 100)} % of the rows, so reading the table is cheaper`;
    }
    return `an index exists (${indexed.name}) but the planner did not use it for ${n.Filter}`;
  }
  const what = cols.length > 0 ? `${name}(${cols.join(', ')})` : name;
  const later = t?.indexes.filter((ix) => ix.columns.slice(1).some((c) => c !== null && cols.includes(c))) ?? [];
  const note = later.length > 0 ? ` (${later.map((ix) => `${ix.name} has ${ix.columns.filter((c) => c !== null && cols.includes(c)).join(', ')} only after its leading column ${ix.columns[0] ?? 'expression'}`).join('; ')})` : '';
  return `no index on ${what} matches the filter ${n.Filter}${note}: all ${fmtInt(kept + removed)} rows are read and ${fmtInt(removed)} thrown away`;
}

/** The scan a sort reads from, when nothing that reorders rows (a join, an aggregate) is in between. */
function inputScan(n: RawNode): { scan?: RawNode; through?: RawNode } {
  let cur = n.Plans?.[0];
  while (cur) {
    if (cur['Relation Name']) {
      return { scan: cur };
    }
    if ((cur.Plans?.length ?? 0) !== 1 || !/^(Limit|Result|Materialize|Memoize|Gather|Subquery Scan)$/.test(cur['Node Type'])) {
      return { through: cur };
    }
    cur = cur.Plans?.[0];
  }
  return {};
}

/** Indexes under a scan node: its own, or those of the Bitmap Index Scans below it. */
export function scanIndexes(n: RawNode): string[] {
  const out: string[] = [];
  const walk = (x: RawNode) => {
    if (x['Index Name']) {
      out.push(x['Index Name']);
    }
    if (!x['Relation Name'] || x === n) {
      (x.Plans ?? []).forEach(walk);
    }
  };
  walk(n);
  return [...new Set(out)];
}

type OrderMatch = { ix: IndexModel; kind: 'order' | 'direction' };

/** A btree index of `t` that returns rows in the order `keys`, once the columns fixed by `=` are skipped. */
function orderingIndex(t: TableModel, keys: readonly { column: string; desc: boolean }[], fixed: readonly string[]): OrderMatch | undefined {
  let found: OrderMatch | undefined;
  const wanted = keys.filter((k) => !fixed.includes(k.column));
  if (wanted.length === 0) {
    return undefined;
  }
  for (const ix of t.indexes.filter((x) => x.method === 'btree' && !x.partial)) {
    const cols = indexKeys(ix);
    let i = 0;
    while (i < cols.length && cols[i].column !== null && fixed.includes(cols[i].column!) && cols[i].column !== wanted[0].column) {
      i++;
    }
    const run = cols.slice(i, i + wanted.length);
    if (run.length === wanted.length && run.every((c, j) => c.column === wanted[j].column)) {
      const same = run.every((c, j) => c.desc === wanted[j].desc);
      const reversed = run.every((c, j) => c.desc !== wanted[j].desc);
      if (same || reversed) {
        return { ix, kind: 'order' };
      }
      found ??= { ix, kind: 'direction' };
    }
  }
  return found;
}

export function sortReason(n: RawNode, tableOf: (scan: RawNode) => TableModel | undefined): string {
  const keys = n['Sort Key'] ?? [];
  const key = keys.join(', ') || 'the order asked for';
  const disk = n['Sort Space Type'] === 'Disk' ? `; it spilled to disk (${fmtInt(n['Sort Space Used'] ?? 0)} kB)` : '';
  const child = n.Plans?.[0];
  const rows = fmtInt((child?.['Actual Rows'] ?? 0) * (child?.['Actual Loops'] ?? 1));
  const presorted = n['Presorted Key']?.length ? `rows arrive already ordered by ${n['Presorted Key'].join(', ')}; only within each group are they sorted by the rest of ${key}` : undefined;
  if (presorted) {
    return `${presorted}${disk}`;
  }
  const { scan, through } = inputScan(n);
  if (!scan) {
    const what = through ? `a ${through['Node Type']}${through['Join Type'] ? ` (${through['Join Type'].toLowerCase()})` : ''}` : 'the node below';
    return `the ${rows} rows come from ${what}, which does not return them in the order ${key}, so they are sorted after it${disk}`;
  }
  const t = tableOf(scan);
  const parsed = keys.map(sortKeyColumn);
  const relation = scan['Relation Name']!;
  if (!t) {
    return `the ${rows} rows read from ${relation} are sorted by ${key} after reading${disk}`;
  }
  if (parsed.some((p) => !p.column)) {
    const expr = parsed.find((p) => !p.column)!.expression.replace(/^\((.*)\)$/, '$1');
    const norm = (s: string) => s.replace(/[\s"()]/g, '').toLowerCase();
    const has = t.indexes.find((ix) => ix.columns.includes(null) && norm(ix.definition).includes(norm(expr)));
    return has
      ? `${has.name} has the expression ${expr}, but the planner read ${relation} another way and sorted ${rows} rows${disk}`
      : `the order is by the expression ${expr}, and no index on ${relation} has it (${listIndexes(t)}), so ${rows} rows are sorted after reading${disk}`;
  }
  const fixed = [...new Set([scan['Index Cond'], scan['Recheck Cond'], scan.Filter].flatMap((c) => equalityColumns(c)))];
  const match = orderingIndex(t, parsed.map((p) => ({ column: p.column!, desc: p.desc })), fixed);
  const used = scanIndexes(scan);
  const via = scan['Node Type'] === 'Seq Scan' ? 'a Seq Scan' : `a ${scan['Node Type']}${used.length ? ` using ${used.join(' and ')}` : ''}`;
  if (match?.kind === 'order') {
    if (scan['Node Type'] === 'Bitmap Heap Scan' && used.includes(match.ix.name)) {
      return `${describeIndex(match.ix)} has this order, but a Bitmap Heap Scan returns rows in table order, not index order, so the ${rows} rows are sorted after reading (the planner estimated that cheaper for this many rows)${disk}`;
    }
    return `${describeIndex(match.ix)} could return rows in the order ${key}, but the planner read ${relation} by ${via} and sorted the ${rows} rows (it estimated that cheaper)${disk}`;
  }
  if (match?.kind === 'direction') {
    return `${describeIndex(match.ix)} has these columns, but not in the directions ${key} asks for (mixed ASC/DESC must match the index or its exact reverse), so the ${rows} rows are sorted${disk}`;
  }
  const lead = parsed[0]?.column ?? key;
  const after = fixed.length > 0 ? ` after the columns fixed by = (${fixed.join(', ')})` : '';
  return `no index on ${relation} returns rows in the order ${key} (none has ${lead} as its next column${after}; ${listIndexes(t)}), so the ${rows} rows are sorted after reading${disk}`;
}

/** PostgreSQL 18: an index searched more than once. A skip scan when its leading column is not in the condition. */
export function indexSearchReason(n: RawNode, ix: IndexModel | undefined): { skip: boolean; reason: string } | undefined {
  const searches = n['Index Searches'];
  if (searches === undefined || searches <= 1 || !n['Index Name']) {
    return undefined;
  }
  const lead = ix?.columns[0];
  const condCols = columnRefs(n['Index Cond'] ?? '').map((r) => r.column);
  if (lead && !condCols.includes(lead)) {
    return {
      skip: true,
      reason: `skip scan: the condition does not constrain ${n['Index Name']}'s leading column ${lead}, so PostgreSQL skipped through the index from one ${lead} value to the next (${fmtInt(searches)} index searches: cheap with few distinct values, slow with many)`,
    };
  }
  return { skip: false, reason: `${n['Index Name']} was searched ${fmtInt(searches)} times (one search per value of a list or range in the condition)` };
}
