/**
 * Strings that match a CHECK's regular expression (`username ~ '^[a-zA-Z]([_]?[a-zA-Z0-9])+$'`),
 * as an SQL expression distinct per row. The subset CHECKs use: literals and escapes, `.`,
 * bracket classes (ranges, negation, `[:alpha:]`-style names), `\d \w \s`, groups (capturing or
 * `(?:`), alternation, and the quantifiers `? * + {m} {m,} {m,n}`, anchored or not. One repeated
 * single-character position carries the row number (its digits spelled in ten of the class's
 * characters, modulo 10^max when the repetition is bounded); every other part is its shortest match. Backreferences and lookarounds are not
 * supported (undefined).
 */

type Node =
  | { kind: 'chars'; set: string }
  | { kind: 'group'; alts: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const NAMED: Readonly<Record<string, string>> = {
  alpha: LOWER + UPPER, digit: DIGITS, alnum: LOWER + UPPER + DIGITS, upper: UPPER, lower: LOWER,
  space: ' ', xdigit: `${DIGITS}abcdefABCDEF`, punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', word: `${LOWER}${UPPER}${DIGITS}_`,
};
const ESCAPES: Readonly<Record<string, string>> = { d: DIGITS, w: NAMED.word, s: ' ', D: 'a', W: '-', S: 'a', n: '\n', t: '\t' };

class Parser {
  private i = 0;
  constructor(private readonly src: string, private readonly caseless: boolean) {}

  parse(): Node[] | undefined {
    const alts = this.alternatives();
    return this.i === this.src.length && alts ? [{ kind: 'group', alts }] : undefined;
  }

  private alternatives(): Node[][] | undefined {
    const alts: Node[][] = [[]];
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      if (ch === ')') {
        break;
      }
      if (ch === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      const atom = this.atom();
      if (atom === undefined) {
        return undefined;
      }
      if (atom === null) {
        continue; // an anchor
      }
      const q = this.quantifier();
      if (q === undefined) {
        return undefined;
      }
      alts[alts.length - 1].push(q ? { kind: 'repeat', node: atom, ...q } : atom);
    }
    return alts;
  }

  /** undefined: unsupported; null: an anchor (nothing to generate). */
  private atom(): Node | null | undefined {
    const ch = this.src[this.i++];
    switch (ch) {
      case '^':
      case '$':
        return null;
      case '.':
        return { kind: 'chars', set: LOWER + DIGITS };
      case '[':
        return this.bracket();
      case '(': {
        if (this.src.startsWith('?:', this.i)) {
          this.i += 2;
        } else if (this.src[this.i] === '?') {
          return undefined; // lookaround
        }
        const alts = this.alternatives();
        if (!alts || this.src[this.i] !== ')') {
          return undefined;
        }
        this.i++;
        return { kind: 'group', alts };
      }
      case '\\': {
        const e = this.src[this.i++];
        if (e === undefined || /[1-9bByYmMAZ]/.test(e)) {
          return undefined; // backreference or word-boundary escapes
        }
        return { kind: 'chars', set: ESCAPES[e] ?? e };
      }
      case '*':
      case '+':
      case '?':
      case '{':
        return undefined;
      default:
        return { kind: 'chars', set: this.caseless ? ch.toLowerCase() : ch };
    }
  }

  private bracket(): Node | undefined {
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    let set = '';
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let c = this.src[this.i++];
      if (c === '[' && this.src[this.i] === ':') {
        const end = this.src.indexOf(':]', this.i);
        const named = end > 0 ? NAMED[this.src.slice(this.i + 1, end)] : undefined;
        if (!named) {
          return undefined;
        }
        set += named;
        this.i = end + 2;
        continue;
      }
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === undefined) {
          return undefined;
        }
        set += ESCAPES[e] ?? e;
        continue;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        let to = this.src[this.i + 1];
        this.i += 2;
        if (to === '\\') {
          to = this.src[this.i++];
        }
        for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++) {
          set += String.fromCharCode(code);
        }
        continue;
      }
      set += c;
      c = '';
    }
    if (this.src[this.i] !== ']') {
      return undefined;
    }
    this.i++;
    if (negated) {
      set = [...PRINTABLE].filter((c) => !set.includes(c) && !"'\\".includes(c)).join('');
    }
    return set.length > 0 ? { kind: 'chars', set } : undefined;
  }

  /** null: none; undefined: malformed. */
  private quantifier(): { min: number; max: number } | null | undefined {
    const ch = this.src[this.i];
    let q: { min: number; max: number } | null = null;
    if (ch === '?' || ch === '*' || ch === '+') {
      this.i++;
      q = { min: ch === '+' ? 1 : 0, max: ch === '?' ? 1 : Infinity };
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) {
        return undefined;
      }
      this.i += m[0].length;
      q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity };
    }
    if (q && this.src[this.i] === '?') {
      this.i++; // lazy: the same strings
    }
    return q;
  }
}

/** The characters a node's shortest match is made of, when that is exactly one character. */
function singleChar(n: Node): string | undefined {
  if (n.kind === 'chars') {
    return n.set;
  }
  if (n.kind === 'repeat') {
    return n.min === 1 ? singleChar(n.node) : undefined;
  }
  if (n.alts.length !== 1) {
    return undefined;
  }
  const required = n.alts[0].filter((x) => !(x.kind === 'repeat' && x.min === 0));
  return required.length === 1 ? singleChar(required[0]) : undefined;
}

/** Ten characters of a set, letters first, for spelling the row number's digits. */
function tenOf(set: string): string | undefined {
  const unique = [...new Set(set)];
  const rank = (c: string) => (LOWER.includes(c) ? 0 : DIGITS.includes(c) ? 1 : UPPER.includes(c) ? 2 : 3);
  const picked = unique.filter((c) => c !== "'" && c !== '\\').sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, 10);
  return picked.length === 10 ? picked.join('') : undefined;
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

interface Out {
  parts: string[];
  slotUsed: boolean;
}

function emit(n: Node, out: Out, row: string): void {
  if (n.kind === 'chars') {
    const c = tenOf(n.set)?.[0] ?? n.set[0];
    out.parts.push(sqlString(c));
    return;
  }
  if (n.kind === 'group') {
    // The alternative with no anchors and the fewest parts.
    const alt = [...n.alts].sort((a, b) => a.length - b.length)[0] ?? [];
    alt.forEach((x) => emit(x, out, row));
    return;
  }
  const single = !out.slotUsed && n.max >= 2 ? singleChar(n.node) : undefined;
  const ten = single ? tenOf(single) : undefined;
  if (ten) {
    out.slotUsed = true;
    // Up to max digits of the row number (all of it below 10^6), at least min.
    const value = n.max < 7 ? `((${row}) % ${10 ** n.max})` : `(${row})`;
    const digits = n.min > 1 ? `lpad(${value}::text, greatest(${n.min}, length(${value}::text)), '0')` : `${value}::text`;
    out.parts.push(`translate(${digits}, '0123456789', ${sqlString(ten)})`);
    return;
  }
  for (let k = 0; k < n.min; k++) {
    emit(n.node, out, row);
  }
}

/**
 * An SQL expression (text) matching `pattern`, different for each value of `row` (an SQL integer
 * expression below 10^6) when the pattern has a repeated position of at least ten characters;
 * undefined when the pattern uses what this does not support.
 */
export function regexValue(pattern: string, row: string, caseless = false): { sql: string; distinct: boolean } | undefined {
  const tree = new Parser(pattern, caseless).parse();
  if (!tree) {
    return undefined;
  }
  const out: Out = { parts: [], slotUsed: false };
  tree.forEach((n) => emit(n, out, row));
  const parts = out.parts.length > 0 ? out.parts : ["''"];
  return { sql: `(${parts.join(' || ')})`, distinct: out.slotUsed };
}

/** `col ~ 'pattern'` CHECKs (also `~*` and `SIMILAR TO`-free LIKE prefixes) of a table: column -> pattern. */
export function regexChecks(definitions: readonly string[]): Map<string, { pattern: string; caseless: boolean }> {
  const found = new Map<string, { pattern: string; caseless: boolean }>();
  for (const d of definitions) {
    for (const m of d.matchAll(/\(*"?([A-Za-z_][\w$]*)"?\)?(?:::[\w ]+)?\)?\s*(~\*?)\s*'((?:[^']|'')*)'/g)) {
      if (!found.has(m[1])) {
        found.set(m[1], { pattern: m[3].replace(/''/g, "'"), caseless: m[2] === '~*' });
      }
    }
    for (const m of d.matchAll(/\(*"?([A-Za-z_][\w$]*)"?\)?(?:::[\w ]+)?\)?\s*(~~\*?)\s*'((?:[^'%_]|'')*)%'/g)) {
      if (!found.has(m[1])) {
        found.set(m[1], { pattern: `^${m[3].replace(/''/g, "'").replace(/[.*+?()[\]{}|\\^$]/g, '\\$&')}[a-z0-9]+$`, caseless: false });
      }
    }
  }
  return found;
}
