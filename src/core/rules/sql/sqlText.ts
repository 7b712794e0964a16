/**
 * SQL statements of a file, parsed by the real PostgreSQL parser: every statement of a .sql file
 * (split by the real scanner when one statement does not parse, so one bad statement does not
 * hide the rest), and the SQL strings found in code (literals, templates, concatenations), with
 * interpolations and driver placeholders (`?`, `%s`, `:name`) turned into `$n` parameters.
 */
import type { CodeFile, StringValue } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { queryCall } from '../recognisers/queryCalls';
import { splitStatements, tryParse, type PgNode } from './pgParser';

export interface SqlStatement {
  /** The statement node, e.g. `{ SelectStmt: {...} }`. */
  readonly stmt: PgNode;
  /** Character offsets of the statement in the file (for code strings: of the string expression). */
  readonly start: number;
  readonly end: number;
  /** The SQL as parsed (placeholders substituted for code strings). */
  readonly sql: string;
  /** For SQL from code: the string expression and its value. */
  readonly source?: { readonly node: Node; readonly value: StringValue };
  /** The file offset of a parse-tree `location` (for code strings: the string's start). */
  offsetOf(location: unknown): number;
}

/** Converts libpg_query's UTF-8 byte offsets to string offsets. */
function byteToCharMapper(text: string): (byte: number) => number {
  if (!/[^\x00-\x7f]/.test(text)) {
    return (b) => b;
  }
  const buf = Buffer.from(text, 'utf8');
  return (b) => buf.subarray(0, Math.min(b, buf.length)).toString('utf8').length;
}

export function statementsOfSqlFile(text: string): SqlStatement[] {
  const whole = tryParse(text);
  const toChar = byteToCharMapper(text);
  const out: SqlStatement[] = [];
  const push = (raw: { stmt: PgNode; stmt_location?: number; stmt_len?: number }, base: number, sql: string, baseToChar: (b: number) => number): void => {
    const loc = raw.stmt_location ?? 0;
    const len = raw.stmt_len ?? Buffer.byteLength(sql, 'utf8') - loc;
    let start = base + baseToChar(loc);
    const end = base + baseToChar(loc + len);
    // skip the whitespace and comments libpg_query counts into the statement
    for (;;) {
      while (start < end && /\s/.test(text[start])) {
        start++;
      }
      if (text.startsWith('--', start)) {
        const eol = text.indexOf('\n', start);
        start = eol === -1 || eol > end ? end : eol + 1;
      } else if (text.startsWith('/*', start)) {
        const close = text.indexOf('*/', start + 2);
        start = close === -1 || close > end ? end : close + 2;
      } else {
        break;
      }
    }
    out.push({
      stmt: raw.stmt,
      start,
      end,
      sql: text.slice(start, end),
      offsetOf: (l) => (typeof l === 'number' && l >= 0 ? base + baseToChar(l) : start),
    });
  };
  if (whole) {
    for (const raw of whole) {
      push(raw, 0, text, toChar);
    }
    return out;
  }
  for (const piece of splitStatements(text)) {
    const sql = text.slice(piece.start, piece.end);
    const parsed = tryParse(sql);
    if (parsed) {
      const pieceToChar = byteToCharMapper(sql);
      for (const raw of parsed) {
        push(raw, piece.start, sql, pieceToChar);
      }
    }
  }
  return out;
}

const SQL_START = /^\s*\(?\s*(select|insert|update|delete|with|create|alter|drop|merge|replace|upsert|copy|truncate)\s/i;
/** GRANT/REVOKE read like prose ("Grant benefits for …") unless privileges are given ON something TO/FROM someone. */
const PRIVILEGE_START = /^\s*(grant|revoke)\s+[\w\s,()]+?\s+on\s+[\s\S]+\s(to|from)\s/i;

/** True when a string's text starts like a SQL statement. */
export function looksLikeSql(text: string): boolean {
  return SQL_START.test(text) || PRIVILEGE_START.test(text);
}

/** Replaces driver placeholders outside quoted literals with $n parameters. */
export function normalisePlaceholders(sql: string, firstFree: number): string {
  let n = firstFree;
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      out += c;
      if (c === quote) {
        quote = undefined;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c === '?' && sql[i + 1] !== '|' && sql[i + 1] !== '&') {
      out += `$${n++}`;
      continue;
    }
    if (c === '%') {
      const m = /^%(?:\([A-Za-z_][A-Za-z0-9_]*\))?s/.exec(sql.slice(i));
      if (m) {
        out += `$${n++}`;
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === ':' && sql[i + 1] !== ':' && sql[i - 1] !== ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^:[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i));
      if (m) {
        out += `$${n++}`;
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Parses one string value as SQL; interpolations that sit where a name goes are retried as identifiers. */
export function parseSqlValue(value: StringValue): PgNode[] | undefined {
  if (!looksLikeSql(value.text)) {
    return undefined;
  }
  const sql = normalisePlaceholders(value.text, value.dynamic.length + 1);
  const parsed = tryParse(sql) ?? (value.dynamic.length > 0 ? tryParse(sql.replace(/\$(\d+)/g, 'dyn_$1')) : undefined);
  return parsed?.map((p) => p.stmt);
}

const SQL_NAME = /(sql|query|stmt|statement|ddl|dml)$/i;
const UPPER_SQL_START = /^\s*\(?\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP)\s/;

/**
 * Whether a SQL-looking string is meant as SQL: written in upper-case keywords, passed to a query
 * call, or stored in a variable named like a query. Keeps prose such as 'select * from the menu' out.
 */
function isSqlContext(file: CodeFile, expr: Node, text: string): boolean {
  if (UPPER_SQL_START.test(text)) {
    return true;
  }
  const parent = file.parentOf(expr);
  const grand = parent ? file.parentOf(parent) : null;
  if (parent?.type === file.spec.argumentList && grand) {
    const call = file.callAt(grand);
    return !!call && (queryCall(file, call) !== undefined || /^(query|execute|raw|text|sql|prepare|unsafe|executemany)$/i.test(call.method));
  }
  if (parent && file.spec.assignments[parent.type]) {
    const target = parent.childForFieldName(file.spec.assignments[parent.type][0]);
    return !!target && SQL_NAME.test(target.text);
  }
  if (parent?.type === 'call_expression' && expr.type === 'template_string') {
    return true; // tagged template: sql`...`
  }
  return false;
}

/** The SQL strings of a code file: each outermost string-valued expression whose text parses as SQL. */
export function statementsInCode(file: CodeFile): SqlStatement[] {
  const out: SqlStatement[] = [];
  const { strings, binaryOperator } = file.spec;
  const seen = new Set<number>();
  const candidates = file.descendantsOfType([...strings.literal, ...(strings.concatenated ? [strings.concatenated] : [])]);
  for (const lit of candidates) {
    if (!lit || seen.has(lit.id)) {
      continue;
    }
    // cheap test first: a SQL string (or the first piece of a concatenation) starts with a keyword
    if (lit.type !== strings.concatenated && !looksLikeSql(lit.text.replace(/^[a-zA-Z]*("""|'''|["'`])/, ''))) {
      continue;
    }
    // climb to the outermost expression that is still string-valued (concatenation, parentheses, .format, %)
    let expr: Node = lit;
    for (let p = file.parentOf(lit); p; p = file.parentOf(p)) {
      const climbs =
        p.type === binaryOperator ||
        p.type === 'parenthesized_expression' ||
        (strings.concatenated !== undefined && p.type === strings.concatenated) ||
        (file.spec.ruleLanguage === 'python' && p.type === 'attribute' && file.parentOf(p)?.type === 'call');
      if (!climbs) {
        break;
      }
      const target = p.type === 'attribute' ? file.parentOf(p)! : p;
      if (!file.stringValue(target)) {
        break;
      }
      expr = target;
      p = target;
    }
    for (const inner of expr.descendantsOfType([...strings.literal])) {
      if (inner) {
        seen.add(inner.id);
      }
    }
    seen.add(expr.id);
    const value = file.stringValue(expr);
    if (!value || !looksLikeSql(value.text) || !isSqlContext(file, expr, value.text)) {
      continue;
    }
    const stmts = parseSqlValue(value);
    for (const stmt of stmts ?? []) {
      out.push({ stmt, start: expr.startIndex, end: expr.endIndex, sql: value.text, source: { node: expr, value }, offsetOf: () => expr.startIndex });
    }
  }
  return out;
}
