/**
 * Finds the SQL queries in a piece of code: string literals (quotes, backticks, Python triple
 * quotes, Java text blocks, Go raw strings, adjacent literals joined with `+`) whose text starts
 * like a statement, or the statements of an SQL file. Template holes (`${id}`, `#{id}`,
 * f-string `{id}`) become `$n` parameters; a hole alone on its line where no value can stand
 * (after a complete condition, not after `=`, `(`, `IN`, …) is a fragment of SQL built at run
 * time (`${this.projectFilter(ids)}`, `${Prisma.sql`AND …`}`): it becomes a comment that names
 * it, so the rest of the query can still be planned.
 */
import { splitStatements } from '../schema/splitStatements';

export interface FoundQuery {
  /** The query with `$n` parameters. */
  readonly sql: string;
  /** 1-based line in the text where the query starts. */
  readonly line: number;
}

const STARTS_LIKE_SQL = /^\s*\(?\s*(SELECT|WITH|INSERT\s+INTO|UPDATE|DELETE\s+FROM)\b/i;
const SQL_BODY = /\b(FROM|INTO|SET|WHERE|VALUES|RETURNING)\b/i;

interface Literal {
  start: number;
  end: number;
  value: string;
}

function literals(text: string): Literal[] {
  const out: Literal[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) {
        break;
      }
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === '#' && /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, i - 40), i)) && text[i + 1] !== '{') {
      i = text.indexOf('\n', i);
      if (i < 0) {
        break;
      }
      continue;
    }
    if ((c === '"' || c === "'") && text.slice(i, i + 3) === c.repeat(3)) {
      const q = c.repeat(3);
      const e = text.indexOf(q, i + 3);
      const end = e < 0 ? n : e + 3;
      out.push({ start: i, end, value: text.slice(i + 3, e < 0 ? n : e) });
      i = end;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let value = '';
      while (j < n && text[j] !== c) {
        if (text[j] === '\\' && c !== '`') {
          const next = text[j + 1];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          j += 2;
          continue;
        }
        if (c !== '`' && text[j] === '\n') {
          break; // an unterminated one-line string: not a literal we understand
        }
        if (c === '`' && text[j] === '$' && text[j + 1] === '{') {
          // ${expr}: skip to the matching brace
          let depth = 0;
          const from = j;
          while (j < n) {
            if (text[j] === '{') {
              depth++;
            } else if (text[j] === '}') {
              depth--;
              if (depth === 0) {
                break;
              }
            }
            j++;
          }
          value += `\u0000${text.slice(from + 2, j)}\u0000`;
          j++;
          continue;
        }
        value += text[j];
        j++;
      }
      out.push({ start: i, end: j + 1, value });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

const SQL_WORDS = new Set(
  'all and any as asc at between by case cast coalesce collate count desc distinct else end exists false filter from in interval is like ilike not null nulls on or over partition then time true when where within zone'.split(' '),
);

/**
 * Prose that starts like a statement ("Select the current account from its cookie", "Update a
 * member.", "with 'top' sort, includes posts from the viewer") is a docstring or a label, not SQL:
 * WITH needs `name AS (`, UPDATE needs `table [alias] SET`, and a SELECT list item is not three or
 * more plain words with no SQL keyword, operator, call or quote among them.
 */
function looksLikeSql(value: string): boolean {
  const text = value.replace(/\u0000[^\u0000]*\u0000/g, '$0').trim().replace(/^\(\s*/, '');
  if (/^WITH\b/i.test(text)) {
    return /^WITH\s+(?:RECURSIVE\s+)?[\w"]+\s*(?:\([^)]*\)\s*)?AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(/i.test(text);
  }
  if (/^UPDATE\b/i.test(text)) {
    return /^UPDATE\s+(?:ONLY\s+)?[\w."$]+\*?(?:\s+(?:AS\s+)?(?!SET\b)[\w"]+)?\s+SET\s/i.test(text);
  }
  const select = /^SELECT\s+([\s\S]*?)(?:\s+FROM\s|$)/i.exec(text);
  if (select) {
    const items = select[1].split(',');
    return !items.some((item) => {
      const words = item.trim().split(/\s+/);
      return words.length >= 3 && words.every((w) => /^[A-Za-z][A-Za-z-]*$/.test(w) && !SQL_WORDS.has(w.toLowerCase()));
    });
  }
  return true;
}

/** What a value can follow: an operator, an opening parenthesis or comma, or a keyword that takes an expression. */
const VALUE_BEFORE = /(?:[(,=<>+\-*/|%:[]|\b(?:IN|LIKE|ILIKE|SIMILAR\s+TO|BETWEEN|AND|OR|NOT|IS|LIMIT|OFFSET|FETCH\s+FIRST|THEN|ELSE|WHEN|CASE|VALUES|SET|SELECT|RETURNING|ANY|ALL|SOME|BY|ON|DISTINCT|INTERVAL|AS|WHERE|HAVING))\s*$/i;
const FRAGMENT_HOLE = /(^|\n)([ \t]*)\u0000([^\u0000]*)\u0000[ \t]*(?=\n|$)/g;

/** Holes alone on their line after a complete clause: run-time SQL fragments, left out as a comment. */
function dropFragments(value: string): string {
  return value.replace(FRAGMENT_HOLE, (whole: string, nl: string, indent: string, expr: string, offset: number) => {
    const before = value.slice(0, offset).replace(/\u0000[^\u0000]*\u0000/g, '$0').trimEnd();
    if (before === '' || VALUE_BEFORE.test(before)) {
      return whole;
    }
    // Only names and calls in the comment: nothing a placeholder scan could take for a parameter.
    const named = expr.replace(/[^\w.(),]+/g, ' ').trim().slice(0, 80);
    return `${nl}${indent}/* left out (SQL built at run time) ${named} */`;
  });
}

/** Template holes to `$n`, numbered in order; existing `$n` are kept. */
function parameterise(sql: string): string {
  let k = Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  return sql
    .replace(/\u0000[^\u0000]*\u0000/g, () => `$${++k}`)
    .replace(/#\{[^}]*\}/g, () => `$${++k}`)
    .replace(/(?<![{])\{[A-Za-z_][\w.]*\}(?!\})/g, () => `$${++k}`);
}

export function extractSqlQueries(text: string, languageId?: string): FoundQuery[] {
  if (languageId !== undefined && /^(sql|pgsql|plpgsql|postgres)$/i.test(languageId)) {
    return splitStatements(text)
      .filter((s) => !s.meta && STARTS_LIKE_SQL.test(s.text))
      .map((s) => ({ sql: s.text, line: s.line }));
  }
  const lits = literals(text);
  const out: FoundQuery[] = [];
  for (let i = 0; i < lits.length; i++) {
    let value = lits[i].value;
    const start = lits[i].start;
    // "SELECT … " + "FROM …": adjacent literals joined by + (or nothing, as in Python and C).
    while (i + 1 < lits.length && /^[\s+\\]*$/.test(text.slice(lits[i].end, lits[i + 1].start)) && /\S/.test(lits[i + 1].value)) {
      value += lits[i + 1].value;
      i++;
    }
    if (STARTS_LIKE_SQL.test(value) && SQL_BODY.test(value) && looksLikeSql(value)) {
      const sql = parameterise(dropFragments(value)).trim().replace(/;\s*$/, '');
      out.push({ sql, line: text.slice(0, start).split('\n').length });
    }
  }
  if (out.length === 0 && STARTS_LIKE_SQL.test(text) && SQL_BODY.test(text)) {
    // The selection is itself a query.
    return splitStatements(text)
      .filter((s) => !s.meta && STARTS_LIKE_SQL.test(s.text))
      .map((s) => ({ sql: s.text, line: s.line }));
  }
  return out;
}
