/**
 * The facts rules read from one parsed code file: its calls (callee path, method, arguments),
 * the loop or iterating callback around a node, the function around it, the literal text of a
 * string expression (with its interpolated parts), and one-hop variable resolution. Everything
 * is expressed through the LanguageSpec, so rules are language-neutral.
 */
import type { LanguageSpec } from './languages';
import type { Node, Query, Tree } from './treeSitter';

export interface CallSite {
  readonly node: Node;
  readonly callee: Node;
  /** `db.select().from(t).where` → ['db', 'select()', 'from()', 'where']; `this.repo.find` → ['this', 'repo', 'find']. */
  readonly path: readonly string[];
  /** The last segment, e.g. `query`. */
  readonly method: string;
  /** The object the method is called on (`this.db` for `this.db.query`). */
  readonly receiver?: Node;
  /** Positional and keyword arguments in order (comments dropped). */
  readonly args: readonly Node[];
  readonly isNew: boolean;
  /** A tagged template (`sql\`...\``): the template is the argument. */
  readonly isTagged: boolean;
}

/** A string expression's literal text: interpolated parts replaced by `$1`, `$2`, … */
export interface StringValue {
  readonly text: string;
  /** The interpolated (or concatenated non-literal) expressions. */
  readonly dynamic: readonly Node[];
  /** The string nodes it was assembled from. */
  readonly parts: readonly Node[];
}

/** Methods that run their callback once per element. */
const ITERATING_METHODS = new Set([
  'map', 'forEach', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex',
  'each', 'eachSeries', 'mapSeries', 'mapLimit', 'forEachSeries', 'times',
]);

export class CodeFile {
  private callsCache?: CallSite[];
  private modulesCache?: Set<string>;
  private readonly callByNode = new Map<number, CallSite>();

  constructor(
    readonly path: string,
    readonly text: string,
    readonly spec: LanguageSpec,
    readonly tree: Tree,
    private readonly callQuery: Query,
  ) {}

  private rootCache?: Node;

  get root(): Node {
    // Tree.rootNode crosses into wasm and allocates a new Node on every read
    return (this.rootCache ??= this.tree.rootNode);
  }

  /** Parents found so far, by node id (null: the root, or a node outside the tree). */
  private readonly parents = new Map<number, Node | null>();
  private topLevel?: { nodes: Node[]; ends: number[] };
  private allParentsIndexed = false;

  /**
   * The parent of a node. Node.parent walks down from the root on every call, and indexing the
   * whole tree's parents costs a crossing into wasm per node, so the path from the root is found
   * on demand: a binary search over the root's children (kept in JS), then
   * Node.childWithDescendant one level at a time; every parent on that path is remembered.
   */
  parentOf(node: Node): Node | null {
    const known = this.parents.get(node.id);
    if (known !== undefined) {
      return known;
    }
    const root = this.root;
    if (node.id === root.id) {
      this.parents.set(node.id, null);
      return null;
    }
    if (this.allParentsIndexed) {
      return null;
    }
    const top = this.topLevelAt(node.startIndex);
    let parent: Node | undefined;
    if (top) {
      if (top.id === node.id) {
        parent = root;
      } else {
        parent = this.descend(top, node);
      }
    }
    parent ??= this.descend(root, node);
    if (parent) {
      this.parents.set(node.id, parent);
      return parent;
    }
    // not reachable by ranges (zero-width nodes at a boundary): index every parent once
    this.indexAllParents();
    return this.parents.get(node.id) ?? null;
  }

  /** The root child whose range holds byte `index` (the last one starting at or before it). */
  private topLevelAt(index: number): Node | undefined {
    if (!this.topLevel) {
      const nodes = this.root.children.filter((c): c is Node => !!c);
      for (const c of nodes) {
        this.parents.set(c.id, this.root);
      }
      this.topLevel = { nodes, ends: nodes.map((c) => c.endIndex) };
    }
    const { nodes, ends } = this.topLevel;
    let lo = 0;
    let hi = nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid].startIndex <= index) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && index <= ends[found] ? nodes[found] : undefined;
  }

  /** The parent of `target` below `from`, remembering each parent on the way; undefined when `target` is not found there. */
  private descend(from: Node, target: Node): Node | undefined {
    let cur = from;
    for (let guard = 0; guard < 10_000; guard++) {
      const next = cur.childWithDescendant(target);
      if (!next) {
        return undefined;
      }
      if (next.id === target.id) {
        return cur;
      }
      if (next.id === cur.id) {
        return undefined;
      }
      if (!this.parents.has(next.id)) {
        this.parents.set(next.id, cur);
      }
      cur = next;
    }
    return undefined;
  }

  /** One cursor walk recording every node's parent (the fallback of parentOf). */
  private indexAllParents(): void {
    const map = this.parents;
    const cursor = this.root.walk();
    const stack: Node[] = [];
    outer: for (;;) {
      if (cursor.gotoFirstChild()) {
        cursor.gotoParent();
        stack.push(cursor.currentNode);
        cursor.gotoFirstChild();
        map.set(cursor.nodeId, stack[stack.length - 1]);
        continue;
      }
      for (;;) {
        if (cursor.gotoNextSibling()) {
          map.set(cursor.nodeId, stack[stack.length - 1]);
          continue outer;
        }
        if (!cursor.gotoParent()) {
          break outer;
        }
        stack.pop();
      }
    }
    cursor.delete();
    this.allParentsIndexed = true;
  }

  private scan?: { readonly nodes: readonly Node[]; readonly types: readonly string[]; readonly covers: ReadonlySet<string> };

  /**
   * The root's descendants of any of `types`, in document order. The string, concatenation and
   * assignment nodes several rules read are collected in one shared walk (their types read once);
   * other types get a walk of their own.
   */
  descendantsOfType(types: readonly string[]): Node[] {
    if (!this.scan) {
      const covers = new Set([...this.spec.strings.literal, ...(this.spec.strings.concatenated ? [this.spec.strings.concatenated] : []), ...Object.keys(this.spec.assignments)]);
      const nodes = this.root.descendantsOfType([...covers]).filter((n): n is Node => !!n);
      this.scan = { nodes, types: nodes.map((n) => n.type), covers };
    }
    const { nodes, types: typeOf, covers } = this.scan;
    if (!types.every((t) => covers.has(t))) {
      return this.root.descendantsOfType([...types]).filter((n): n is Node => !!n);
    }
    const want = new Set(types);
    return nodes.filter((_, i) => want.has(typeOf[i]));
  }

  /** True for a `.tsx`/`.jsx` file (usually browser code). */
  get isJsx(): boolean {
    return /\.[jt]sx$/i.test(this.path);
  }

  calls(): readonly CallSite[] {
    if (this.callsCache) {
      return this.callsCache;
    }
    const out: CallSite[] = [];
    for (const match of this.callQuery.matches(this.root)) {
      const call = match.captures.find((c) => c.name === 'call')?.node;
      const callee = match.captures.find((c) => c.name === 'callee')?.node;
      if (!call || !callee) {
        continue;
      }
      const argsNode = match.captures.find((c) => c.name === 'args')?.node;
      const site = this.makeCall(call, callee, argsNode ?? null);
      out.push(site);
      this.callByNode.set(call.id, site);
    }
    this.callsCache = out;
    return out;
  }

  /** The call site for a call node, when it is one. */
  callAt(node: Node): CallSite | undefined {
    this.calls();
    return this.callByNode.get(node.id);
  }

  private makeCall(node: Node, callee: Node, argsNode: Node | null): CallSite {
    const { member } = this.spec;
    const isTagged = argsNode?.type === 'template_string';
    const args = !argsNode ? [] : isTagged ? [argsNode] : argsNode.namedChildren.filter((c): c is Node => !!c && c.type !== this.spec.comment);
    const path = this.calleePath(callee);
    const receiver = callee.type === member.type ? (callee.childForFieldName(member.object) ?? undefined) : undefined;
    return {
      node,
      callee,
      path,
      method: (path[path.length - 1] ?? '').replace(/\(\)$/, ''),
      receiver,
      args,
      isNew: node.type === 'new_expression',
      isTagged,
    };
  }

  /** Flattens a callee into its segments; calls inside the chain end in `()`. */
  calleePath(node: Node): string[] {
    const { member } = this.spec;
    if (node.type === member.type) {
      const object = node.childForFieldName(member.object);
      const property = node.childForFieldName(member.property);
      const head = object ? this.calleePath(object) : [];
      return [...head, property?.text ?? ''];
    }
    if (node.type === 'call_expression' || node.type === 'call') {
      const fn = node.childForFieldName('function');
      const head = fn ? this.calleePath(fn) : [];
      if (head.length > 0) {
        head[head.length - 1] += '()';
      }
      return head;
    }
    if (node.type === 'this' || this.spec.identifier.includes(node.type) || node.type === 'super') {
      return [node.text];
    }
    if (node.type === 'parenthesized_expression' || node.type === 'await_expression' || node.type === 'non_null_expression') {
      const inner = node.namedChildren.find((c): c is Node => !!c);
      return inner ? this.calleePath(inner) : ['?'];
    }
    return ['?'];
  }

  /** The loop (or iterating callback, or comprehension) whose body runs `node` repeatedly, within its function. */
  enclosingLoop(node: Node): Node | undefined {
    let child = node;
    for (let cur = this.parentOf(node); cur; child = cur, cur = this.parentOf(cur)) {
      const bodyField = this.spec.loops[cur.type];
      if (bodyField) {
        const body = cur.childForFieldName(bodyField);
        if (body && body.id === child.id) {
          return cur;
        }
      }
      if (this.spec.functions.includes(cur.type)) {
        return this.isIteratingCallback(cur) ? cur : undefined;
      }
    }
    return undefined;
  }

  /** A function passed to `.map`/`.forEach`/… of something. */
  isIteratingCallback(fn: Node): boolean {
    const args = this.parentOf(fn);
    if (!args || args.type !== this.spec.argumentList) {
      return false;
    }
    const call = this.parentOf(args);
    if (!call) {
      return false;
    }
    const site = this.callAt(call);
    return !!site && site.path.length > 1 && ITERATING_METHODS.has(site.method);
  }

  enclosingFunction(node: Node): Node | undefined {
    for (let cur = this.parentOf(node); cur; cur = this.parentOf(cur)) {
      if (this.spec.functions.includes(cur.type)) {
        return cur;
      }
    }
    return undefined;
  }

  /** Import sources of the file (`pg`, `axios`, `requests`, …). */
  modules(): ReadonlySet<string> {
    if (this.modulesCache) {
      return this.modulesCache;
    }
    const out = new Set<string>();
    const visit = (n: Node, depth: number): void => {
      if (n.type === 'import_statement' || n.type === 'import_from_statement') {
        const source = n.childForFieldName('source') ?? n.childForFieldName('module_name');
        if (source) {
          out.add(source.text.replace(/^['"]|['"]$/g, ''));
        } else {
          for (const name of n.descendantsOfType('dotted_name')) {
            if (name) {
              out.add(name.text);
            }
          }
        }
      }
      if (depth < 3) {
        for (const c of n.namedChildren) {
          if (c) {
            visit(c, depth + 1);
          }
        }
      }
    };
    visit(this.root, 0);
    for (const call of this.calls()) {
      if (call.path.length === 1 && call.method === 'require' && call.args[0]) {
        const v = this.stringValue(call.args[0]);
        if (v) {
          out.add(v.text);
        }
      }
    }
    this.modulesCache = out;
    return out;
  }

  /**
   * The literal text of a string expression: a literal, a template, a concatenation with `+`,
   * Python's implicit concatenation, `%` formatting and `.format()`; identifiers are resolved
   * one hop (see resolve). Undefined when `node` is not string-valued at all.
   */
  stringValue(node: Node, depth = 0): StringValue | undefined {
    const { strings } = this.spec;
    if (depth > 6) {
      return undefined;
    }
    if (node.type === 'parenthesized_expression') {
      const inner = node.namedChildren.find((c): c is Node => !!c);
      return inner ? this.stringValue(inner, depth + 1) : undefined;
    }
    if (strings.literal.includes(node.type)) {
      let text = '';
      const dynamic: Node[] = [];
      for (const child of node.namedChildren) {
        if (!child) {
          continue;
        }
        if (strings.fragment.includes(child.type)) {
          text += child.type === 'escape_sequence' ? unescape(child.text) : child.text;
        } else if (strings.interpolation.includes(child.type)) {
          const expr = child.namedChildren.find((c): c is Node => !!c && c.type !== 'format_specifier' && c.type !== 'type_conversion');
          dynamic.push(expr ?? child);
          text += `$${dynamic.length}`;
        }
      }
      return { text, dynamic, parts: [node] };
    }
    if (strings.concatenated && node.type === strings.concatenated) {
      return this.joinValues(node.namedChildren.filter((c): c is Node => !!c).map((c) => this.stringValue(c, depth + 1) ?? this.opaque(c)));
    }
    if (node.type === this.spec.binaryOperator) {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) {
        return undefined;
      }
      if (op === '+') {
        const l = this.stringValue(left, depth + 1);
        const r = this.stringValue(right, depth + 1);
        if (!l && !r) {
          return undefined;
        }
        return this.joinValues([l ?? this.opaque(left), r ?? this.opaque(right)]);
      }
      if (op === '%' && this.spec.ruleLanguage === 'python') {
        const l = this.stringValue(left, depth + 1);
        if (!l) {
          return undefined;
        }
        // `"... %s" % value`: the values are interpolated into the text
        const dynamic = [...l.dynamic, right];
        return { text: l.text.replace(/%(?:\([^)]*\))?[sdifr]/g, () => '$' + dynamic.length), dynamic, parts: l.parts };
      }
      return undefined;
    }
    if (node.type === 'call' || node.type === 'call_expression') {
      const site = this.callAt(node);
      // "… WHERE id = '[VALUE]'".replace("[VALUE]", value)
      if (site && (site.method === 'replace' || site.method === 'replaceAll') && site.receiver && site.args.length === 2) {
        const base = this.stringValue(site.receiver, depth + 1);
        const search = this.stringValue(site.args[0], depth + 1);
        if (base && search && search.dynamic.length === 0 && search.text && base.text.includes(search.text) && !this.stringValue(site.args[1], depth + 1)) {
          const dynamic = [...base.dynamic, site.args[1]];
          return { text: base.text.split(search.text).join(`$${dynamic.length}`), dynamic, parts: base.parts };
        }
      }
      if (site && site.method === 'format' && site.receiver && this.spec.ruleLanguage === 'python') {
        const base = this.stringValue(site.receiver, depth + 1);
        if (base) {
          // each field to its own argument: `{}` in order, `{1}` by position, `{name}` by keyword
          const dynamic = [...base.dynamic, ...site.args];
          const positional = this.positional(site);
          let auto = 0;
          const text = base.text.replace(/\{([^{}!:]*)[^{}]*\}/g, (_m, field: string) => {
            const arg = field === '' ? positional[auto++] : /^\d+$/.test(field) ? positional[Number(field)] : site.args.find((a) => a.childForFieldName('name')?.text === field);
            const at = arg ? dynamic.indexOf(arg) : -1;
            return '$' + (at >= 0 ? at + 1 : dynamic.length);
          });
          return { text, dynamic, parts: base.parts };
        }
      }
      return undefined;
    }
    if (this.spec.identifier.includes(node.type)) {
      const value = this.resolve(node);
      return value ? this.stringValue(value, depth + 1) : undefined;
    }
    return undefined;
  }

  private opaque(node: Node): StringValue {
    return { text: '$1', dynamic: [node], parts: [] };
  }

  private joinValues(values: readonly StringValue[]): StringValue {
    let text = '';
    const dynamic: Node[] = [];
    const parts: Node[] = [];
    for (const v of values) {
      const offset = dynamic.length;
      text += v.text.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
      dynamic.push(...v.dynamic);
      parts.push(...v.parts);
    }
    return { text, dynamic, parts };
  }

  /**
   * The value last assigned to identifier `node` before it, in the same function (or module), when
   * it is assigned exactly once there; `+=` appends make it unresolvable (undefined).
   */
  resolve(node: Node): Node | undefined {
    const name = node.text;
    const scope = this.enclosingFunction(node) ?? this.root;
    let found: Node | undefined;
    let count = 0;
    const visit = (n: Node): void => {
      if (n.startIndex >= node.startIndex) {
        return;
      }
      const fields = this.spec.assignments[n.type];
      if (fields) {
        const target = n.childForFieldName(fields[0]);
        const value = n.childForFieldName(fields[1]);
        if (target && value && this.spec.identifier.includes(target.type) && target.text === name) {
          found = value;
          count++;
        }
      }
      if ((n.type === 'augmented_assignment_expression' || n.type === 'augmented_assignment') && n.childForFieldName('left')?.text === name) {
        count += 2;
      }
      for (const c of n.namedChildren) {
        if (c && (!this.spec.functions.includes(c.type) || c === scope)) {
          visit(c);
        }
      }
    };
    visit(scope);
    return count === 1 ? found : undefined;
  }

  /** Property `name` of a JS object literal, or keyword argument `name` of a Python call's argument. */
  optionIn(node: Node | undefined, name: string): Node | undefined {
    if (!node) {
      return undefined;
    }
    if (node.type === this.spec.objectLiteral) {
      for (const p of node.namedChildren) {
        if (!p) {
          continue;
        }
        if (p.type === 'pair' && stripQuotes(p.childForFieldName('key')?.text ?? '') === name) {
          return p.childForFieldName('value') ?? p;
        }
        if (p.type === 'shorthand_property_identifier' && p.text === name) {
          return p;
        }
      }
    }
    return undefined;
  }

  /** An object literal argument has a spread (`...opts`) we cannot see into. */
  hasSpread(node: Node | undefined): boolean {
    return !!node && node.namedChildren.some((c) => c?.type === 'spread_element');
  }

  keywordArg(call: CallSite, name: string): Node | undefined {
    const kw = this.spec.keywordArgument;
    if (!kw) {
      return undefined;
    }
    for (const a of call.args) {
      if (a.type === kw && a.childForFieldName('name')?.text === name) {
        return a.childForFieldName('value') ?? a;
      }
    }
    return undefined;
  }

  /** `**kwargs` or `*args` splats we cannot see into. */
  hasSplat(call: CallSite): boolean {
    return call.args.some((a) => a.type === 'dictionary_splat' || a.type === 'list_splat' || a.type === 'spread_element');
  }

  /** Positional arguments only (Python keyword arguments dropped). */
  positional(call: CallSite): Node[] {
    const kw = this.spec.keywordArgument;
    return call.args.filter((a) => a.type !== kw);
  }
}

function stripQuotes(s: string): string {
  return s.replace(/^['"`]|['"`]$/g, '');
}

function unescape(seq: string): string {
  switch (seq) {
    case '\\n':
      return '\n';
    case '\\t':
      return '\t';
    default:
      return seq.length === 2 ? seq[1] : seq;
  }
}
