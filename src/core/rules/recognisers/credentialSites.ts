/**
 * Where a string literal sits in a credential position, in TypeScript/JavaScript and Python:
 *
 * - named: a variable, assignment, class field, object/dict entry, keyword argument or parameter
 *   default whose name holds a credential (`password`, `apiKey`, `client_secret`, `Authorization`,
 *   `x-api-key`: the redaction's key-name classifier decides), a comparison with such a name
 *   (`password == "root"`), a fallback (`process.env.JWT_SECRET || "…"`, `opts.password ?? "…"`),
 *   the default of an environment read (`os.getenv("DB_PASSWORD", "…")`, `config("X", default="…")`),
 *   a settings field's `Field(default="…")` / `SecretStr("…")`;
 * - sinks, whatever the names: the secret of a JWT sign/verify/encode/decode, an HMAC key, the
 *   password of HTTP basic auth (`auth=("user", "…")`, `HTTPBasicAuth(u, "…")`) and of
 *   `new Sequelize(db, user, "…")`.
 *
 * Each site says where it is (module or class level / a call's argument / a parameter default / a
 * comparison / a fallback / a local), so the rule can ask more of a value in a weaker position.
 */
import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { classifyKey, type KeyStrength } from '../../redact/keyNames';

/** `sink`: the value reaches a credential parameter by position (JWT secret, HMAC key, basic-auth password). */
export type SiteStrength = KeyStrength | 'jwt-secret' | 'hmac-key';
export type Position = 'module' | 'argument' | 'default' | 'comparison' | 'fallback' | 'local';

export interface CredentialSite {
  /** The name the value is given (or the sink, e.g. `jwt.sign`). */
  readonly name: string;
  /** The string literal. */
  readonly value: Node;
  readonly text: string;
  readonly strength: SiteStrength;
  readonly position: Position;
  /** The object/dict literal holding the entry, for sibling checks (message catalogs). */
  readonly container?: Node;
}

const NAMED_TYPES = [
  'variable_declarator', 'assignment_expression', 'pair', 'public_field_definition', 'assignment_pattern', 'required_parameter', 'optional_parameter',
  'assignment', 'keyword_argument', 'default_parameter', 'typed_default_parameter',
];
const COMPARE_TYPES = ['binary_expression', 'comparison_operator', 'boolean_operator'];
const OBJECT_TYPES = new Set(['object', 'dictionary', 'array', 'list', 'tuple', 'pair', 'keyword_argument', 'parenthesized_expression', 'spread_element', 'as_expression', 'satisfies_expression']);
const ENV_READERS = /^(?:getenv|get|config|env|str|get_env|getEnv|environ|require_env|requireEnv)$/;
const SETTINGS_WRAPPERS = /^(?:Field|SecretStr|SecretBytes|Secret|PrivateAttr)$/;

/** A plain string literal's text (no interpolation), or undefined. */
export function literalText(file: CodeFile, node: Node | null | undefined): string | undefined {
  if (!node || !file.spec.strings.literal.includes(node.type)) {
    return undefined;
  }
  const v = file.stringValue(node);
  return v && v.dynamic.length === 0 ? v.text : undefined;
}

/** The name a key/target node stands for: `password`, `obj.password` → `password`, `d["api_key"]` → `api_key`. */
export function nameOf(file: CodeFile, node: Node): string {
  if (node.type === 'subscript' || node.type === 'subscript_expression') {
    const index = node.childForFieldName('subscript') ?? node.childForFieldName('index');
    const text = literalText(file, index);
    return text ?? '';
  }
  if (file.spec.strings.literal.includes(node.type)) {
    return literalText(file, node) ?? '';
  }
  if (node.type === 'computed_property_name') {
    const inner = node.namedChildren.find((c): c is Node => !!c);
    return inner ? literalText(file, inner) ?? '' : '';
  }
  if (node.type === 'member_expression' || node.type === 'attribute') {
    const prop = node.childForFieldName('property') ?? node.childForFieldName('attribute');
    return prop?.text ?? '';
  }
  return /^[A-Za-z_$#][\w$-]*$/.test(node.text) ? node.text.replace(/^#/, '') : '';
}

/**
 * How a name holds a credential: the redaction's classifier, and for `secret_password_for_email`
 * the head noun before a preposition (the classifier reads the last word, `email`).
 */
export function nameStrength(name: string): KeyStrength | undefined {
  // keys made to be public: a captcha site key, a publishable/anon/public key
  if (/(?:site|publishable|public|anon)[_-]?key$/i.test(name)) {
    return undefined;
  }
  // `allPass`, `anyPass`, `first_pass`: a pass of something, not a password
  if (/(?:^|[_-])(?:all|any|first|second|third|last|next|prev|multi|single|one|two|over|under)[_-]?pass$|[a-z](?:All|Any|First|Second|Last|Next|Multi|Single)Pass$|^(?:all|any|first|second|last|next|multi|single)Pass$/i.test(name)) {
    return undefined;
  }
  const direct = classifyKey(name);
  if (direct) {
    return direct;
  }
  const head = /^(.+?)(?:_(?:for|of|to|in|on|from|FOR|OF|TO|IN|ON|FROM)|(?<=[a-z])(?:For|Of|To|In|On|From))(?:_|[A-Z]|$)/.exec(name)?.[1];
  return head ? classifyKey(head) : undefined;
}

/** The key and value fields of a named node. */
function keyValue(n: Node): [Node | null, Node | null] {
  switch (n.type) {
    case 'pair':
      return [n.childForFieldName('key'), n.childForFieldName('value')];
    case 'assignment_expression':
    case 'assignment_pattern':
    case 'assignment':
      return [n.childForFieldName('left'), n.childForFieldName('right')];
    case 'required_parameter':
    case 'optional_parameter':
      return [n.childForFieldName('pattern'), n.childForFieldName('value')];
    default:
      return [n.childForFieldName('name'), n.childForFieldName('value')];
  }
}

/** Where `node` (an entry or a literal) sits: module/class level, inside a call's arguments, or a local. */
function positionOf(file: CodeFile, node: Node, configFile: boolean): { position: Position; container?: Node } {
  let container: Node | undefined;
  for (let cur = file.parentOf(node); cur; cur = file.parentOf(cur)) {
    if (!container && (cur.type === 'object' || cur.type === 'dictionary')) {
      container = cur;
    }
    if (cur.type === file.spec.argumentList || cur.type === 'arguments') {
      return { position: 'argument', container };
    }
    if (cur.type === 'formal_parameters' || cur.type === 'parameters') {
      return { position: 'default', container };
    }
    if (!OBJECT_TYPES.has(cur.type)) {
      break;
    }
  }
  const fn = file.enclosingFunction(node);
  return { position: !fn || configFile ? 'module' : 'local', container };
}

/** `Field(default="…")`, `SecretStr("…")`: the literal a settings field wraps. */
function wrappedLiteral(file: CodeFile, value: Node): Node | undefined {
  if (value.type !== 'call' && value.type !== 'call_expression' && value.type !== 'new_expression') {
    return undefined;
  }
  const site = file.callAt(value);
  if (!site || !SETTINGS_WRAPPERS.test(site.method)) {
    return undefined;
  }
  for (const a of site.args) {
    if (a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default') {
      return a.childForFieldName('value') ?? undefined;
    }
  }
  return site.method === 'Field' ? undefined : site.args[0];
}

function push(out: CredentialSite[], file: CodeFile, name: string, valueNode: Node | null | undefined, strength: SiteStrength | undefined, at: { position: Position; container?: Node }): void {
  const text = literalText(file, valueNode);
  if (valueNode && text !== undefined && strength) {
    out.push({ name, value: valueNode, text, strength, position: at.position, container: at.container });
  }
}

/** Named entries: `password = "…"`, `{ apiKey: "…" }`, `connect(password="…")`, `def f(token="…")`. */
function namedSites(file: CodeFile, nodes: readonly Node[], configFile: boolean, out: CredentialSite[]): void {
  for (const n of nodes) {
    const [k, v0] = keyValue(n);
    if (!k || !v0) {
      continue;
    }
    const name = nameOf(file, k);
    const strength = name ? nameStrength(name) : undefined;
    if (!strength) {
      continue;
    }
    const v = wrappedLiteral(file, v0) ?? v0;
    if (v.type === 'binary_expression' || v.type === 'boolean_operator') {
      continue; // `x = process.env.X || "…"`: the fallback pass reads it
    }
    const at = n.type === 'default_parameter' || n.type === 'typed_default_parameter' || n.type === 'required_parameter' || n.type === 'optional_parameter' ? { position: 'default' as const } : positionOf(file, n, configFile);
    push(out, file, name, v, strength, at);
  }
}

/** Comparisons and fallbacks: `password == "root"`, `env.SECRET || "…"`, `os.getenv("X") or "…"`. */
function operatorSites(file: CodeFile, nodes: readonly Node[], out: CredentialSite[]): void {
  for (const n of nodes) {
    const kids = n.namedChildren.filter((c): c is Node => !!c && c.type !== file.spec.comment);
    const op = n.childForFieldName('operator')?.text ?? n.children.find((c) => c && !c.isNamed)?.text ?? '';
    if (kids.length !== 2) {
      continue;
    }
    const [a, b] = kids;
    if (op === '==' || op === '===' || op === '!=' || op === '!==') {
      const [named, lit] = literalText(file, b) !== undefined ? [a, b] : [b, a];
      const name = nameOf(file, named);
      push(out, file, name, lit, name ? nameStrength(name) : undefined, { position: 'comparison' });
    } else if (op === '||' || op === '??' || op === 'or') {
      const name = envName(file, a) ?? nameOf(file, a);
      push(out, file, name, b, name ? nameStrength(name) : undefined, { position: 'fallback' });
    }
  }
}

/** The variable an environment read names: `os.getenv("DB_PASSWORD")`, `process.env.DB_PASSWORD`, `env("X")`. */
function envName(file: CodeFile, node: Node): string | undefined {
  if (node.type === 'call' || node.type === 'call_expression') {
    const site = file.callAt(node);
    if (site && ENV_READERS.test(site.method)) {
      return literalText(file, site.args[0]);
    }
  }
  return undefined;
}

/** Defaults of environment reads: `os.getenv("X", "…")`, `os.environ.get("X", "…")`, `config("X", default="…")`. */
function envDefaultSites(file: CodeFile, out: CredentialSite[]): void {
  for (const site of file.calls()) {
    if (!ENV_READERS.test(site.method) || site.args.length < 2) {
      continue;
    }
    const name = literalText(file, site.args[0]);
    const strength = name ? nameStrength(name) : undefined;
    if (!name || !strength || !/^[A-Z][A-Z0-9_]*$/.test(name)) {
      continue;
    }
    for (const a of site.args.slice(1)) {
      const isDefault = a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default';
      const v = isDefault ? a.childForFieldName('value') : a.type === 'keyword_argument' ? null : a;
      if (v && literalText(file, v) !== undefined) {
        push(out, file, name, v, strength, { position: 'fallback' });
        break;
      }
    }
  }
}

/** The literal passed by position or by keyword. */
function argument(args: readonly Node[], index: number, keywords: readonly string[]): Node | undefined {
  for (const a of args) {
    if (a.type === 'keyword_argument' && keywords.includes(a.childForFieldName('name')?.text ?? '')) {
      return a.childForFieldName('value') ?? undefined;
    }
  }
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  return positional[index];
}

/** Secrets passed to a credential parameter by position: JWT, HMAC, basic auth, Sequelize. */
function sinkSites(file: CodeFile, out: CredentialSite[]): void {
  for (const site of file.calls()) {
    const path = site.path.join('.');
    const m = site.method;
    if (/^(?:sign|verify|encode|decode)$/.test(m) && /(?:^|\.)(?:jwt|jsonwebtoken|jose|JWT|Jwt|jws)(?:\(\))?\./.test(path)) {
      push(out, file, path, argument(site.args, 1, ['key', 'secret', 'secretOrPrivateKey', 'secretOrPublicKey']), 'jwt-secret', { position: 'argument' });
    } else if (m === 'createHmac' || (m === 'new' && /(?:^|\.)hmac\.new$/.test(path)) || m === 'HMAC') {
      push(out, file, path, argument(site.args, m === 'createHmac' ? 1 : 0, ['key']), 'hmac-key', { position: 'argument' });
    } else if (/^(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|DigestAuth)$/.test(m)) {
      push(out, file, m, argument(site.args, 1, ['password']), 'password', { position: 'argument' });
    } else if (site.isNew && m === 'Sequelize' && site.args.length >= 3) {
      push(out, file, m, site.args[2], 'password', { position: 'argument' });
    }
    // requests: auth=("user", "…")
    for (const a of file.spec.argumentList === 'argument_list' ? site.args : []) {
      if (a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'auth') {
        const tuple = a.childForFieldName('value');
        const parts = tuple?.type === 'tuple' ? tuple.namedChildren.filter((c): c is Node => !!c) : [];
        if (parts.length === 2) {
          push(out, file, 'auth', parts[1], 'password', { position: 'argument' });
        }
      }
    }
  }
}

/** Lines that mention a credential word: named sites start on one (a cheap filter before reading the tree). */
const CREDENTIAL_WORD = /pass|pwd|secret|token|key|auth|cred|bearer/i;

/** Every credential site of a file, in source order. */
export function credentialSites(file: CodeFile, configFile: boolean): CredentialSite[] {
  const out: CredentialSite[] = [];
  const rows = new Set<number>();
  file.text.split('\n').forEach((line, row) => {
    if (CREDENTIAL_WORD.test(line)) {
      rows.add(row);
    }
  });
  const all = file.root.descendantsOfType([...NAMED_TYPES, ...COMPARE_TYPES]).filter((n): n is Node => !!n && rows.has(n.startPosition.row));
  namedSites(file, all.filter((n) => NAMED_TYPES.includes(n.type)), configFile, out);
  operatorSites(file, all.filter((n) => COMPARE_TYPES.includes(n.type)), out);
  envDefaultSites(file, out);
  sinkSites(file, out);
  return out.sort((a, b) => a.value.startIndex - b.value.startIndex);
}
