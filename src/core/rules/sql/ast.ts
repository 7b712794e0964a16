/** Small helpers over libpg_query's JSON parse tree. */
import type { PgNode } from './pgParser';

/** The node's type and fields: `{ SelectStmt: {...} }` → ['SelectStmt', {...}]. */
export function nodeOf(n: unknown): [string, Record<string, unknown>] | undefined {
  if (!n || typeof n !== 'object' || Array.isArray(n)) {
    return undefined;
  }
  const keys = Object.keys(n);
  if (keys.length !== 1) {
    return undefined;
  }
  const v = (n as Record<string, unknown>)[keys[0]];
  return v && typeof v === 'object' && !Array.isArray(v) ? [keys[0], v as Record<string, unknown>] : undefined;
}

export function fieldsOf(n: unknown, type: string): Record<string, unknown> | undefined {
  const node = nodeOf(n);
  return node && node[0] === type ? node[1] : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** `[{String:{sval:'a'}}, …]` → ['a', …]. */
export function names(v: unknown): string[] {
  return list(v)
    .map((x) => fieldsOf(x, 'String')?.sval)
    .filter((s): s is string => typeof s === 'string');
}

/**
 * Visits every node under `root` (depth first). `visit` returns false to skip a node's children.
 * `parents` is the chain of node types above the current one.
 */
export function walk(root: unknown, visit: (type: string, fields: Record<string, unknown>, parents: readonly string[]) => boolean | void): void {
  const parents: string[] = [];
  const go = (n: unknown): void => {
    if (Array.isArray(n)) {
      n.forEach(go);
      return;
    }
    if (!n || typeof n !== 'object') {
      return;
    }
    const node = nodeOf(n);
    if (node) {
      if (visit(node[0], node[1], parents) === false) {
        return;
      }
      parents.push(node[0]);
      for (const v of Object.values(node[1])) {
        go(v);
      }
      parents.pop();
      return;
    }
    for (const v of Object.values(n)) {
      go(v);
    }
  };
  go(root);
}

/** Column names referenced anywhere under `n` (last field of each ColumnRef). */
export function columnRefs(n: unknown): string[] {
  const out: string[] = [];
  walk(n, (type, f) => {
    if (type === 'ColumnRef') {
      const parts = names(f.fields);
      if (parts.length > 0) {
        out.push(parts[parts.length - 1].toLowerCase());
      }
    }
  });
  return out;
}

/** Table names (lower-case, schema dropped) of RangeVars under `n`. */
export function rangeVars(n: unknown): { name: string; alias?: string; location?: number }[] {
  const out: { name: string; alias?: string; location?: number }[] = [];
  walk(n, (type, f) => {
    const target = f.relation as { relname?: unknown; alias?: { aliasname?: string }; location?: number } | undefined;
    if ((type === 'UpdateStmt' || type === 'DeleteStmt' || type === 'InsertStmt') && typeof target?.relname === 'string') {
      out.push({ name: target.relname.toLowerCase(), alias: target.alias?.aliasname, location: target.location });
    }
    if (type === 'RangeVar' && typeof f.relname === 'string') {
      const alias = (f.alias as { aliasname?: string } | undefined)?.aliasname;
      out.push({ name: f.relname.toLowerCase(), alias, location: f.location as number | undefined });
    }
  });
  return out;
}

export type { PgNode };
