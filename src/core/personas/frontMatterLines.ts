/**
 * Maps YAML key paths of a persona's front matter (e.g. `commands.design`, `principles.2`) to
 * 1-based line numbers in the persona file, so problems can point at the right line.
 *
 * This is a line scanner for the block-style YAML persona files use, not a YAML parser: it
 * understands nested block mappings, block sequences (`- item`), and skips the continuation
 * lines of multi-line values (block scalars `|`/`>`, wrapped plain or quoted scalars, flow
 * collections). Anything it does not understand simply has no entry, and callers fall back to
 * the nearest enclosing key that has one.
 */

/** Where the front matter sits in a file; all line numbers are 1-based. */
export interface FrontMatterBlock {
  /** Line of the opening `---` (always 1). */
  readonly openLine: number;
  /** Line of the closing `---`, or undefined when the block is never closed. */
  readonly closeLine: number | undefined;
  /** The YAML lines between the delimiters. */
  readonly yamlLines: readonly string[];
}

const DELIMITER = /^---\s*$/;

/** Finds the front matter block at the very top of `text` (after an optional BOM). */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  if (lines.length === 0 || !DELIMITER.test(lines[0])) {
    return undefined;
  }
  for (let i = 1; i < lines.length; i++) {
    if (DELIMITER.test(lines[i])) {
      return { openLine: 1, closeLine: i + 1, yamlLines: lines.slice(1, i) };
    }
  }
  return { openLine: 1, closeLine: undefined, yamlLines: lines.slice(1) };
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

interface Frame {
  readonly indent: number;
  readonly path: string;
  nextIndex: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*))?$/;

/**
 * Returns a map from key path to 1-based file line. `firstLine` is the file line of
 * `yamlLines[0]` (2 for a file whose line 1 is the opening `---`).
 */
export function indexKeyLines(yamlLines: readonly string[], firstLine = 2): Map<string, number> {
  const index = new Map<string, number>();
  const stack: Frame[] = [{ indent: -1, path: '', nextIndex: 0 }];
  /** Lines indented deeper than this belong to the previous value and are skipped. */
  let skipDeeperThan: number | undefined;

  for (let i = 0; i < yamlLines.length; i++) {
    const raw = yamlLines[i];
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      continue;
    }
    const indent = raw.length - raw.replace(/^[ \t]+/, '').length;
    if (skipDeeperThan !== undefined) {
      if (indent > skipDeeperThan) {
        continue;
      }
      skipDeeperThan = undefined;
    }
    const line = firstLine + i;

    if (trimmed === '-' || trimmed.startsWith('- ')) {
      // A sequence item belongs to the innermost key at a smaller indent, or at the same indent
      // (YAML allows `key:\n- item` with the dash under the key).
      while (stack.length > 1 && stack[stack.length - 1].indent > indent) {
        stack.pop();
      }
      const parent = stack[stack.length - 1];
      const path = join(parent.path, String(parent.nextIndex++));
      index.set(path, line);
      if (trimmed !== '-') {
        skipDeeperThan = indent;
      }
      continue;
    }

    const match = KEY.exec(trimmed);
    if (!match) {
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1].indent >= indent) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    const path = join(parent.path, unquote(match[1].trim()));
    if (!index.has(path)) {
      index.set(path, line);
    }
    stack.push({ indent, path, nextIndex: 0 });
    const value = (match[2] ?? '').trim();
    if (value !== '' && !value.startsWith('#') && !/^[&!][^\s]*$/.test(value)) {
      // The key has an inline value (scalar, block scalar header or flow collection): any deeper
      // lines that follow are part of it, not nested keys.
      skipDeeperThan = indent;
    }
  }
  return index;
}

function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function unquote(key: string): string {
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) {
    return key.slice(1, -1).replace(/''/g, "'");
  }
  return key;
}

/**
 * The line of `path` (segments of keys and array indexes), or of its nearest ancestor that has
 * a line, or `fallback`.
 */
export function lineForPath(index: ReadonlyMap<string, number>, path: readonly PropertyKey[], fallback: number): number {
  for (let n = path.length; n > 0; n--) {
    const line = index.get(path.slice(0, n).map(String).join('.'));
    if (line !== undefined) {
      return line;
    }
  }
  return fallback;
}

/** Convenience: the 1-based line of a front-matter key path in a persona file's text. */
export function frontMatterKeyLine(text: string, path: readonly PropertyKey[]): number {
  const block = findFrontMatter(text);
  if (!block) {
    return 1;
  }
  return lineForPath(indexKeyLines(block.yamlLines, block.openLine + 1), path, block.openLine);
}
