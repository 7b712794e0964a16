/**
 * What a loop iterates over and which values change per iteration, for the rules that judge work
 * done inside loops (N+1 queries): the loop's own variables and the values computed from them,
 * the iterable (a literal list, a constant, `range(10)`, an enum: a small fixed bound; `chunked(…)`,
 * `range(0, n, size)`: batches), and whether the file is a one-off script (a migration, a seed,
 * a management command) where a per-row loop is written on purpose.
 */
import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';

function unwrap(node: Node | null | undefined): Node | undefined {
  let n = node ?? undefined;
  while (n && (n.type === 'parenthesized_expression' || n.type === 'await_expression' || n.type === 'await')) {
    n = n.namedChildren.find((c): c is Node => !!c);
  }
  return n;
}

function isFunction(file: CodeFile, node: Node): boolean {
  return file.spec.functions.includes(node.type);
}

/** The body that runs once per iteration. */
export function loopBody(file: CodeFile, loop: Node): Node | undefined {
  return loop.childForFieldName(isFunction(file, loop) ? 'body' : (file.spec.loops[loop.type] ?? 'body')) ?? undefined;
}

function identifiersIn(file: CodeFile, n: Node | null | undefined, out: Set<string>): void {
  if (!n) {
    return;
  }
  if (file.spec.identifier.includes(n.type) || n.type === 'shorthand_property_identifier_pattern' || n.type === 'shorthand_property_identifier') {
    out.add(n.text);
  }
  for (const c of n.namedChildren) {
    identifiersIn(file, c, out);
  }
}

/** The loop's own variables: a for's target, a callback's parameters, a comprehension's targets. */
function loopVariables(file: CodeFile, loop: Node): Set<string> {
  const names = new Set<string>();
  if (isFunction(file, loop)) {
    identifiersIn(file, loop.childForFieldName('parameters') ?? loop.childForFieldName('parameter'), names);
    return names;
  }
  identifiersIn(file, loop.childForFieldName('left'), names);
  identifiersIn(file, loop.childForFieldName('initializer'), names);
  for (const clause of loop.namedChildren) {
    if (clause?.type === 'for_in_clause') {
      identifiersIn(file, clause.childForFieldName('left'), names);
    }
  }
  return names;
}

/** The variable an assignment target sets or mutates: `x` of `x`, `x[k]`, `x.k`. */
function assignedName(target: Node): Node {
  let n = target;
  while (n.type === 'subscript' || n.type === 'subscript_expression' || n.type === 'member_expression' || n.type === 'attribute') {
    const base = n.childForFieldName('object') ?? n.childForFieldName('value');
    if (!base) {
      break;
    }
    n = base;
  }
  return n;
}

/** A name that holds a model class or table rather than a row: `model`, `term_cls`, `Model`. */
export const MODEL_NAME = /^[A-Z]|(^|_)(model|models|cls|klass|class|table)(_|$)|(Model|Class|Table)$/;

export interface IterationNames {
  /** The loop's own variables. */
  readonly variables: ReadonlySet<string>;
  /** Names whose value is a different row (or value computed from one) each iteration. */
  readonly rows: ReadonlySet<string>;
  /** Names that pick a different model class or table each iteration, and values built only from those. */
  readonly models: ReadonlySet<string>;
}

/**
 * Names whose value differs per iteration: the loop's variables and every name the body assigns
 * from one of them (in order, so `slug = slugify(row.name)` counts and `now = new Date()` does not).
 * A loop variable named like a model class, and what is built from it alone (`stmt = delete(model)`),
 * counts as a model: a loop over tables, not rows.
 */
export function perIterationNames(file: CodeFile, loop: Node): IterationNames {
  const rows = new Set<string>();
  const models = new Set<string>();
  const variables = loopVariables(file, loop);
  for (const v of variables) {
    (MODEL_NAME.test(v) ? models : rows).add(v);
  }
  const body = loopBody(file, loop);
  const decls = body?.descendantsOfType(Object.keys(file.spec.assignments)) ?? [];
  for (let changed = true, round = 0; changed && round < 4; round++) {
    changed = false;
    for (const decl of decls) {
      const fields = decl ? file.spec.assignments[decl.type] : undefined;
      const target = fields && decl ? decl.childForFieldName(fields[0]) : null;
      const value = fields && decl ? decl.childForFieldName(fields[1]) : null;
      if (!target || !value) {
        continue;
      }
      const used = new Set<string>();
      identifiersIn(file, value, used);
      const fromRow = [...used].some((u) => rows.has(u));
      if (!fromRow && ![...used].some((u) => models.has(u))) {
        continue;
      }
      const declared = new Set<string>();
      identifiersIn(file, assignedName(target), declared);
      for (const d of declared) {
        if (fromRow && !rows.has(d)) {
          rows.add(d);
          models.delete(d);
          changed = true;
        } else if (!fromRow && !rows.has(d) && !models.has(d)) {
          models.add(d);
          changed = true;
        }
      }
    }
  }
  return { variables, rows, models };
}

/** The expression a loop iterates over (a callback's: the receiver of `.map`/`.forEach`). */
export function iterableOf(file: CodeFile, loop: Node): Node | undefined {
  if (isFunction(file, loop)) {
    const args = file.parentOf(loop);
    const call = args ? file.parentOf(args) : null;
    return call ? file.callAt(call)?.receiver : undefined;
  }
  const right = loop.childForFieldName('right');
  if (right) {
    return right;
  }
  for (const clause of loop.namedChildren) {
    if (clause?.type === 'for_in_clause') {
      return clause.childForFieldName('right') ?? undefined;
    }
  }
  return undefined;
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
const WRAPPERS = new Set(['items', 'keys', 'values', 'entries', 'enumerate', 'sorted', 'reversed', 'list', 'tuple', 'set', 'frozenset', 'zip', 'iter']);
const LITERAL_COLLECTIONS = new Set(['array', 'object', 'list', 'tuple', 'set', 'dictionary']);

function isConstantValue(file: CodeFile, node: Node): boolean {
  return /^(number|integer|float|string|true|false)$/.test(node.type) || (file.spec.identifier.includes(node.type) && CONSTANT_NAME.test(node.text)) ||
    (node.type === 'unary_expression' || node.type === 'unary_operator') && node.namedChildren.every((c) => !!c && isConstantValue(file, c));
}

/**
 * An iterable with a small fixed size: a literal list, tuple or dict (no spread), a CONSTANT, a
 * class (an enum, a model's fields), `range(4)`, and `.items()`/`enumerate()`/`Object.entries()`
 * of those.
 */
export function isBoundedIterable(file: CodeFile, node: Node | undefined, depth = 0): boolean {
  const n = unwrap(node);
  if (!n || depth > 3) {
    return false;
  }
  if (LITERAL_COLLECTIONS.has(n.type)) {
    return !n.namedChildren.some((c) => !!c && /spread|splat/.test(c.type));
  }
  if (file.spec.identifier.includes(n.type)) {
    if (CONSTANT_NAME.test(n.text) && n.text.length > 1) {
      return true;
    }
    if (file.spec.ruleLanguage === 'python' && /^[A-Z][a-z]\w*$/.test(n.text)) {
      return true; // iterating a class: an Enum
    }
    const value = file.resolve(n);
    return value ? isBoundedIterable(file, value, depth + 1) : importedFromConstants(file, n.text);
  }
  if (isSchemaMetadata(file, n)) {
    return true;
  }
  if (n.type === file.spec.member.type) {
    const path = file.calleePath(n);
    const last = path[path.length - 1] ?? '';
    return CONSTANT_NAME.test(last) || (/^[A-Z]/.test(path[0] ?? '') && path.every((s) => !s.endsWith('()') && s !== '?'));
  }
  const call = file.callAt(n);
  if (!call) {
    return false;
  }
  if (call.method === 'range' && call.path.length === 1) {
    return call.args.length > 0 && call.args.every((a) => isConstantValue(file, a));
  }
  if (WRAPPERS.has(call.method)) {
    const inner = call.path.length === 1 || /^Object$/.test(call.path[0]) ? call.args : call.receiver ? [call.receiver] : [];
    return inner.length > 0 && inner.every((a) => isBoundedIterable(file, a, depth + 1));
  }
  return false;
}

const CONSTANTS_MODULE = /(^|[/@.])(constants?|defaults?)([/.]|$)/i;

/** A name imported from a constants module (`import { defaultSliders } from '@app/constants/discover'`). */
function importedFromConstants(file: CodeFile, name: string): boolean {
  for (const stmt of file.root.namedChildren) {
    if (!stmt || (stmt.type !== 'import_statement' && stmt.type !== 'import_from_statement')) {
      continue;
    }
    const source = stmt.childForFieldName('source') ?? stmt.childForFieldName('module_name');
    if (source && CONSTANTS_MODULE.test(source.text.replace(/['"]/g, '')) && new RegExp(`\\b${name}\\b`).test(stmt.text)) {
      return true;
    }
  }
  return false;
}

/** A model's fields or columns (`self._meta.get_fields()`, `schema[model].fields`): bounded by the schema. */
function isSchemaMetadata(file: CodeFile, n: Node): boolean {
  if (n.type !== file.spec.member.type && !file.callAt(n)) {
    return false;
  }
  return /(^|\.)_meta\.|\.(get_fields|concrete_fields|private_fields)\(|schema\w*(\[[^\]]*\])?\??\.(fields|columns|tables)$/i.test(n.text);
}

/** A C-style `for (let i = 0; i < 10; i++)` over a literal or CONSTANT bound. */
export function hasFixedBound(file: CodeFile, loop: Node): boolean {
  const condition = loop.type === 'for_statement' && file.spec.ruleLanguage !== 'python' ? loop.childForFieldName('condition') : null;
  const compare = condition?.type === 'expression_statement' ? condition.namedChildren[0] : condition;
  if (!compare || compare.type !== 'binary_expression' || !/^<=?$/.test(compare.childForFieldName('operator')?.text ?? '')) {
    return false;
  }
  const right = compare.childForFieldName('right');
  return !!right && isConstantValue(file, right);
}

const BATCHING = /^(chunked|chunks?|batched|batch(es)?|in_batches|queryset_in_batches|iter_batches|grouper|split_every|partition_all|paginate)$/i;
const BATCH_NAME = /^(\w+_)?(chunk|batch|page)(es|s)?$|(Chunk|Batch|Page)(es|s)?$/;

/** Iterates over batches: `chunked(rows, 500)`, `range(0, len(rows), size)`, `for batch in batches`. */
export function isBatchIterable(file: CodeFile, loop: Node, node: Node | undefined, depth = 0): boolean {
  if (loop.type === 'for_statement' && !isFunction(file, loop) && file.spec.ruleLanguage !== 'python') {
    // for (let i = 0; i < n; i += size)
    const update = loop.childForFieldName('increment');
    if (update && /\+=/.test(update.text) && !/\+=\s*1\b/.test(update.text)) {
      return true;
    }
  }
  for (const name of loopVariables(file, loop)) {
    if (BATCH_NAME.test(name)) {
      return true;
    }
  }
  const n = unwrap(node);
  if (!n || depth > 2) {
    return false;
  }
  if (file.spec.identifier.includes(n.type)) {
    if (BATCH_NAME.test(n.text)) {
      return true;
    }
    const value = file.resolve(n);
    return !!value && isBatchIterable(file, loop, value, depth + 1);
  }
  const call = file.callAt(n);
  if (!call) {
    return false;
  }
  if (call.method === 'range' && call.path.length === 1 && file.positional(call).length === 3) {
    return true;
  }
  if (BATCHING.test(call.method)) {
    return true;
  }
  return call.method === 'enumerate' && call.args.length > 0 && isBatchIterable(file, loop, call.args[0], depth + 1);
}

const ONE_OFF_PATH =
  /(^|\/)(migrations?|migration[-_]scripts|alembic|seeds?|seeders?)\/|(^|\/)revisions\/(.*\/)?versions\/|(^|\/)management\/commands\/|(^|\/)seed(s|er)?\.[jt]s$|(^|\/)seed(s|er)?\.py$/i;
const MIGRATION_RUNNER = /(^|\/)migrat(e|ions?|or|ion[-_]?runner)\.(ts|js|mjs|cjs|py)$/i;
const ONE_OFF_MODULES = /^(alembic|django\.db\.migrations|django\.core\.management(\.base)?)$/;
const TEST_FRAMEWORKS = /^(django\.test(\.\w+)?|unittest(\.mock)?|pytest|vitest|@jest\/globals|mocha|chai|@nestjs\/testing|supertest|node:test)$/;

/**
 * A migration (or the runner applying them), a seed or a management command: run once or by hand,
 * per-row loops are written on purpose. Also test code, named or not: a file that imports a test framework.
 */
export function isOneOffScript(file: CodeFile): boolean {
  const path = file.path.replace(/\\/g, '/');
  return ONE_OFF_PATH.test(path) || MIGRATION_RUNNER.test(path) || [...file.modules()].some((m) => ONE_OFF_MODULES.test(m) || TEST_FRAMEWORKS.test(m));
}
