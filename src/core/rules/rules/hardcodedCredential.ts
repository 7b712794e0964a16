import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { findSecrets, maskSecrets } from '../recognisers/secrets';
import type { Rule } from '../types';

/** Names that hold a credential: ends in password, secret, token, api key, … (words split on case and `_`). */
const SECRET_NAME = /(^|[_\-.]|[a-z0-9])(password|passwd|pwd|passphrase|secret|secret_?key|api_?key|apikey|access_?key|private_?key|auth_?token|access_?token|refresh_?token|bearer_?token|client_?secret|token)$|(^|_)(password|passwd|pwd)(_|$)/i;
const NOT_A_SECRET =
  /^(\*+|x{3,}|\.{3}|changeme|change[-_ ]?me|your[-_ ].*|<[^>]*>|\$\{[^}]*\}|%\([^)]*\)s|\{\{.*\}\}|example.*|dummy|test|todo|fixme|null|none|undefined|placeholder|redacted|hidden|env|bearer|basic|digest|oauth|jwt)$/i;
/** An environment variable's name (`DB_PASSWORD`), the usual way to say where the value comes from. */
const ENV_NAME = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|mocks?|examples?|samples?)\/|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/i;

/** A plain string literal's text (no interpolation), or undefined. */
function literal(file: CodeFile, node: Node | null | undefined): string | undefined {
  if (!node || !file.spec.strings.literal.includes(node.type)) {
    return undefined;
  }
  const v = file.stringValue(node);
  return v && v.dynamic.length === 0 ? v.text : undefined;
}

function keyName(node: Node): string {
  if (node.type === 'subscript' || node.type === 'subscript_expression') {
    const index = node.childForFieldName('subscript') ?? node.childForFieldName('index');
    if (index && index.type === 'string') {
      return index.text.replace(/^['"`]|['"`]$/g, '');
    }
  }
  const text = node.type === 'string' ? node.text.replace(/^['"`]|['"`]$/g, '') : node.text;
  const parts = text.split('.');
  return parts[parts.length - 1];
}

function isCredentialValue(key: string, value: string, allowSpaces = false): boolean {
  return value.length >= 4 && (allowSpaces || !/\s/.test(value)) && !NOT_A_SECRET.test(value) && !ENV_NAME.test(value) && value.toLowerCase() !== key.toLowerCase() && !/^(https?:\/\/|\/|\.\/)/.test(value);
}

/** (name node, value node) pairs: assignments, object/dict entries, keyword arguments, parameter defaults. */
function namedValues(file: CodeFile): [Node, Node, boolean][] {
  const out: [Node, Node, boolean][] = [];
  // `password == "root"`: a credential checked against a literal
  for (const n of file.root.descendantsOfType(['comparison_operator', 'binary_expression'])) {
    const kids = n?.namedChildren.filter((c): c is Node => !!c) ?? [];
    const op = n?.type === 'binary_expression' ? n.childForFieldName('operator')?.text : n?.children.find((c) => c && !c.isNamed)?.text;
    if (n && kids.length === 2 && (op === '==' || op === '===' || op === '!=' || op === '!==')) {
      const [a, b] = kids;
      if (file.spec.strings.literal.includes(b.type)) {
        out.push([a, b, true]);
      } else if (file.spec.strings.literal.includes(a.type)) {
        out.push([b, a, true]);
      }
    }
  }
  const types = ['variable_declarator', 'assignment_expression', 'pair', 'assignment', 'keyword_argument', 'default_parameter', 'public_field_definition', 'property_assignment'];
  for (const n of file.root.descendantsOfType(types)) {
    if (!n) {
      continue;
    }
    const [kf, vf] =
      n.type === 'variable_declarator' || n.type === 'keyword_argument' || n.type === 'default_parameter' || n.type === 'public_field_definition'
        ? ['name', 'value']
        : n.type === 'pair'
          ? ['key', 'value']
          : ['left', 'right'];
    const k = n.childForFieldName(kf);
    const v = n.childForFieldName(vf);
    if (k && v) {
      out.push([k, v, false]);
    }
  }
  return out;
}

export const hardcodedCredential: Rule = {
  meta: {
    id: 'hardcoded-credential',
    category: 'hardcoded-credential',
    defaultSeverity: 'high',
    summary: 'A password, API key, token or private key written into the source.',
    languages: ['typescript', 'javascript', 'python', 'sql'],
    docs: {
      what:
        'Reports what the secret redaction finds before code is sent to a model (provider keys such as AWS, GitHub, Stripe, Slack, OpenAI and Anthropic keys, ' +
        'private key blocks, passwords in connection URLs, `.env`-style secret assignments), plus a string literal assigned to a name that holds a credential ' +
        '(`password`, `apiKey`, `client_secret`, `token`, …) as a variable, property, keyword argument or parameter default. Placeholders (`changeme`, `<password>`, ' +
        '`${DB_PASSWORD}`, `xxx`) are ignored, and in test files only provider-format keys are reported.',
      why:
        'A secret in the repository is in every clone, fork, CI log and backup, forever: rotating it is the only fix, and until then anyone with read access ' +
        'has production access. It also cannot differ between environments.',
      example: { language: 'ts', code: "const pool = new Pool({ host: 'db.internal', user: 'app', password: 'S3cure!pass' });" },
      insteadText: 'Read secrets from the environment or a secret manager at startup, and keep real values out of the repository.',
      instead: { language: 'ts', code: 'const pool = new Pool({ host: process.env.PGHOST, user: process.env.PGUSER, password: process.env.PGPASSWORD });' },
      fixHint: 'Move the value to an environment variable or a secret manager, and rotate it: it is already in the history.',
    },
  },
  checkText(ctx) {
    const lines = ctx.text.split('\n');
    for (const hit of findSecrets(ctx.text)) {
      // redaction masks generously (a sentence after `password_help =`); a finding needs a value that looks like a secret
      if (hit.kind !== 'private-key' && /\s/.test(ctx.text.slice(hit.start, hit.end).trim())) {
        continue;
      }
      ctx.report({
        start: hit.start,
        end: Math.min(hit.end, ctx.text.indexOf('\n', hit.start) === -1 ? hit.end : ctx.text.indexOf('\n', hit.start)),
        message: `Hard-coded secret (${hit.kind.replace(/-/g, ' ')}) in the source.`,
        snippet: maskSecrets(lines[hit.line - 1] ?? '').trim(),
      });
    }
  },
  checkCode(ctx) {
    const { file } = ctx;
    if (TEST_PATH.test(file.path) || !/pass(word|wd|phrase)|pwd|secret|token|api_?key|apikey|access_?key|private_?key/i.test(file.text)) {
      return;
    }
    for (const [k, v, comparison] of namedValues(file)) {
      const key = keyName(k);
      if (!SECRET_NAME.test(key)) {
        continue;
      }
      const value = literal(file, v);
      if (value === undefined || !isCredentialValue(key, value, comparison)) {
        continue;
      }
      const line = file.text.split('\n')[v.startPosition.row] ?? '';
      ctx.report({
        node: v,
        message: `Hard-coded credential in \`${key}\`.`,
        snippet: line.slice(0, v.startPosition.column).trim() + v.text[0] + '***' + v.text[v.text.length - 1] + line.slice(v.endPosition.column),
      });
    }
  },
  tests: {
    valid: [
      { name: 'from the environment', path: 'a.ts', code: 'const pool = new Pool({ password: process.env.PGPASSWORD });' },
      { name: 'placeholder', path: 'a.py', code: 'DB_PASSWORD = "changeme"\napi_key = "<your-api-key>"\n' },
      { name: 'a form field name', path: 'a.ts', code: "const field = { name: 'password', type: 'password', passwordLabel: 'Enter your password' };" },
      { name: 'a message', path: 'a.py', code: 'error_token = "Invalid token supplied"\n' },
      { name: 'empty default', path: 'config.ts', code: "export const config = { password: process.env.DB_PASSWORD ?? '' };" },
    ],
    invalid: [
      { name: 'password property', path: 'db.ts', code: "const pool = new Pool({\n  user: 'app',\n  password: 'S3cure!pass',\n});", lines: [3] },
      { name: 'python constant', path: 'settings.py', code: 'SECRET_KEY = "django-insecure-8f2k1m9x"\n', lines: [1] },
      { name: 'keyword argument', path: 'a.py', code: 'conn = psycopg2.connect(host="db", password="pr0d-pass")\n', lines: [1] },
      { name: 'provider key', path: 'a.js', code: "const key = 'AKIAZ3MSJ5NQ4EXAMPL7';\n", lines: [1] },
      { name: 'url with password', path: 'schema.sql', code: "-- connect with postgres://admin:Sup3rS3cret@db.internal:5432/app\nSELECT 1;\n", lines: [1] },
    ],
  },
};
