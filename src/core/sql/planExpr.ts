/**
 * Reading the expressions EXPLAIN prints (Filter, Index Cond, Recheck Cond, Sort Key) as
 * PostgreSQL deparses them: string literals are literals (`'id-411'` names no column), casts
 * are casts (`::timestamp with time zone`, `::character varying(255)[]`), a name before `(` is a
 * function. What is left are the column references, each with whether a function or a cast
 * wraps it.
 */

export interface ColumnRef {
  /** The table or alias before the dot, when there is one. */
  readonly qualifier?: string;
  readonly column: string;
  /** Inside a function call, or cast (the cast's target type); undefined when bare. */
  readonly wrappedBy?: { readonly kind: 'function'; readonly name: string } | { readonly kind: 'cast'; readonly type: string };
}

type Token =
  | { readonly t: 'ident'; readonly v: string; readonly quoted: boolean }
  | { readonly t: 'literal' | 'number' | 'param' | 'op'; readonly v: string }
  | { readonly t: '(' | ')' | ',' | '.' | '::' | '[' | ']' };

const KEYWORDS = new Set([
  'and', 'or', 'not', 'is', 'null', 'true', 'false', 'in', 'any', 'all', 'some', 'like', 'ilike', 'similar', 'between', 'symmetric', 'case',
  'when', 'then', 'else', 'end', 'array', 'row', 'distinct', 'from', 'asc', 'desc', 'nulls', 'using', 'escape', 'collate', 'interval',
  'subplan', 'initplan', 'hashed', 'exists', 'current_date', 'current_timestamp', 'localtimestamp',
]);

/** Words that continue a type name after `::` (`timestamp with time zone`, `double precision`). */
const TYPE_WORDS = new Set(['with', 'without', 'time', 'zone', 'varying', 'precision']);

function tokenize(expr: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || ((c === 'E' || c === 'e') && expr[i + 1] === "'")) {
      // A string literal, '' doubled inside; E'' strings may also escape with a backslash.
      let j = c === "'" ? i + 1 : i + 2;
      const backslash = c !== "'";
      for (; j < expr.length; j++) {
        if (backslash && expr[j] === '\\') {
          j++;
        } else if (expr[j] === "'") {
          if (expr[j + 1] === "'") {
            j++;
          } else {
            break;
          }
        }
      }
      out.push({ t: 'literal', v: expr.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      for (; j < expr.length; j++) {
        if (expr[j] === '"') {
          if (expr[j + 1] === '"') {
            v += '"';
            j++;
          } else {
            break;
          }
        } else {
          v += expr[j];
        }
      }
      out.push({ t: 'ident', v, quoted: true });
      i = j + 1;
    } else if (c === ':' && expr[i + 1] === ':') {
      out.push({ t: '::' });
      i += 2;
    } else if ('(),.[]'.includes(c)) {
      out.push({ t: c as '(' | ')' | ',' | '.' | '[' | ']' });
      i++;
    } else if (c === '$' && /\d/.test(expr[i + 1] ?? '')) {
      const m = /^\$\d+/.exec(expr.slice(i))!;
      out.push({ t: 'param', v: m[0] });
      i += m[0].length;
    } else if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?(e[+-]?\d+)?/i.exec(expr.slice(i))!;
      out.push({ t: 'number', v: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*/.exec(expr.slice(i))!;
      out.push({ t: 'ident', v: m[0].toLowerCase(), quoted: false });
      i += m[0].length;
    } else {
      const m = /^[+\-*/<>=~!@#%^&|`?]+/.exec(expr.slice(i));
      out.push({ t: 'op', v: m ? m[0] : c });
      i += m ? m[0].length : 1;
    }
  }
  return out;
}

/** Skips a type name after `::` starting at `i`; returns the index after it and the name. */
function skipType(toks: readonly Token[], i: number): { next: number; type: string } {
  const words: string[] = [];
  while (i < toks.length) {
    const k = toks[i];
    if (k.t === 'ident' && (words.length === 0 || TYPE_WORDS.has(k.v) || toks[i - 1]?.t === '.')) {
      words.push(k.v);
      i++;
    } else if (k.t === '.' && words.length > 0) {
      i++;
    } else if (k.t === '(' && words.length > 0) {
      // A type modifier: character varying(255), numeric(10,2).
      let depth = 0;
      for (; i < toks.length; i++) {
        depth += toks[i].t === '(' ? 1 : toks[i].t === ')' ? -1 : 0;
        if (depth === 0) {
          break;
        }
      }
      i++;
    } else if (k.t === '[' && toks[i + 1]?.t === ']') {
      words.push('[]');
      i += 2;
    } else {
      break;
    }
  }
  return { next: i, type: words.join(' ').replace(/ \[\]/g, '[]') };
}

/** The column references of an expression, literals, casts' types and function names left out. */
export function columnRefs(expr: string): ColumnRef[] {
  const toks = tokenize(expr);
  const refs: { qualifier?: string; column: string; at: number; end: number }[] = [];
  const functions: { name: string; open: number; close: number }[] = [];
  const opens: { at: number; fn?: string }[] = [];
  const casts: { from: number; to: number; type: string; end: number }[] = [];
  /** Start of the operand that ends at each token (for casts of parenthesised expressions). */
  const operandStart = new Map<number, number>();
  for (let i = 0; i < toks.length; i++) {
    const k = toks[i];
    if (k.t === '::') {
      const { next, type } = skipType(toks, i + 1);
      const prev = i - 1;
      casts.push({ from: operandStart.get(prev) ?? prev, to: prev, type, end: next });
      i = next - 1;
      continue;
    }
    if (k.t === '(') {
      const prev = toks[i - 1];
      const fn = prev && prev.t === 'ident' && !prev.quoted && !KEYWORDS.has(prev.v) ? prev.v : prev?.t === 'ident' && prev.quoted ? prev.v : undefined;
      opens.push({ at: i, ...(fn ? { fn } : {}) });
      continue;
    }
    if (k.t === ')') {
      const open = opens.pop();
      if (open) {
        operandStart.set(i, open.fn ? open.at - 1 : open.at);
        if (open.fn) {
          functions.push({ name: open.fn, open: open.at, close: i });
        }
      }
      continue;
    }
    if (k.t !== 'ident' || toks[i + 1]?.t === '(' || (!k.quoted && KEYWORDS.has(k.v)) || toks[i - 1]?.t === '.') {
      continue;
    }
    const before = toks[i - 1];
    if (before?.t === 'ident' && before.v === 'nulls' && (k.v === 'first' || k.v === 'last')) {
      continue;
    }
    // a.b: qualifier and column; a.b.c: schema, table, column.
    let j = i;
    const parts = [k.v];
    while (toks[j + 1]?.t === '.' && toks[j + 2]?.t === 'ident') {
      parts.push((toks[j + 2] as { v: string }).v);
      j += 2;
    }
    if (toks[j + 1]?.t === '(') {
      i = j; // schema.function(
      continue;
    }
    refs.push({ ...(parts.length > 1 ? { qualifier: parts[parts.length - 2] } : {}), column: parts[parts.length - 1], at: i, end: j });
    operandStart.set(j, i);
    i = j;
  }
  return refs.map((r) => {
    const fn = functions.filter((f) => f.open < r.at && f.close > r.end).sort((a, b) => b.open - a.open)[0];
    const cast = casts.find((c) => c.from <= r.at && c.to >= r.end);
    const wrappedBy = fn ? { kind: 'function' as const, name: fn.name } : cast ? { kind: 'cast' as const, type: cast.type } : undefined;
    return { ...(r.qualifier ? { qualifier: r.qualifier } : {}), column: r.column, ...(wrappedBy ? { wrappedBy } : {}) };
  });
}

/** The distinct column names an expression reads. */
export function columnsOf(expr: string): string[] {
  return [...new Set(columnRefs(expr).map((r) => r.column))];
}

/** Top-level AND-ed parts of a condition: `((a = 1) AND (b > 2))` → `a = 1`, `b > 2`. */
export function conjuncts(expr: string): string[] {
  let e = expr.trim();
  while (e.startsWith('(') && closes(e, 0) === e.length - 1) {
    e = e.slice(1, -1).trim();
  }
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < e.length; i++) {
    const c = e[i];
    if (c === "'") {
      quote = !quote;
    } else if (!quote && c === '(') {
      depth++;
    } else if (!quote && c === ')') {
      depth--;
    } else if (!quote && depth === 0 && /^\sAND\s/i.test(e.slice(i, i + 5))) {
      parts.push(e.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(e.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean).flatMap((p) => (p !== e && p.startsWith('(') ? conjuncts(p) : [p]));
}

function closes(e: string, open: number): number {
  let depth = 0;
  let quote = false;
  for (let i = open; i < e.length; i++) {
    if (e[i] === "'") {
      quote = !quote;
    } else if (!quote && e[i] === '(') {
      depth++;
    } else if (!quote && e[i] === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** Columns a condition fixes to one value: `col = <no column>` (or reversed) among its AND-ed parts. */
export function equalityColumns(cond: string | undefined): string[] {
  if (!cond) {
    return [];
  }
  const out: string[] = [];
  for (const part of conjuncts(cond)) {
    const eq = splitTopLevel(part, '=');
    if (!eq) {
      continue;
    }
    const [l, r] = eq.map(columnRefs);
    if (l.length === 1 && r.length === 0) {
      out.push(l[0].column);
    } else if (r.length === 1 && l.length === 0) {
      out.push(r[0].column);
    }
  }
  return [...new Set(out)];
}

/** `a = b` split at its one top-level `=` (not `<=`, `>=`, `<>`, `!=`), outside quotes. */
function splitTopLevel(part: string, op: '='): [string, string] | undefined {
  let depth = 0;
  let quote = false;
  let at = -1;
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === "'") {
      quote = !quote;
    } else if (!quote && c === '(') {
      depth++;
    } else if (!quote && c === ')') {
      depth--;
    } else if (!quote && depth === 0 && c === op && !/[<>!=~]/.test(part[i - 1] ?? '') && part[i + 1] !== '=') {
      if (at >= 0) {
        return undefined;
      }
      at = i;
    }
  }
  return at < 0 ? undefined : [part.slice(0, at), part.slice(at + 1)];
}

/** A sort key as EXPLAIN prints it: `o.created_at DESC` → column created_at, descending. */
export function sortKeyColumn(key: string): { column?: string; desc: boolean; expression: string } {
  const desc = /\sDESC\b/i.test(key);
  const expression = key.replace(/\s+(ASC|DESC)\b/i, '').replace(/\s+NULLS\s+(FIRST|LAST)\b/i, '').trim();
  const refs = columnRefs(expression);
  const bare = refs.length === 1 && !refs[0].wrappedBy && /^\(?("?[\w$]+"?\.)*"?[\w$]+"?\)?$/.test(expression);
  return { ...(bare ? { column: refs[0].column } : {}), desc, expression };
}
