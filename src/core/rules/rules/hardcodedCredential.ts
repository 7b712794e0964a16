import type { CodeFile } from '../engine/codeFile';
import type { Node } from '../engine/treeSitter';
import { credentialSites, nameOf, type CredentialSite } from '../recognisers/credentialSites';
import { isChosenPassword, isRandomSecret, isSentence, restatesName } from '../recognisers/secretValues';
import { findFormatSecrets, findSqlPasswords, isFirebaseWebKey, maskSecrets } from '../recognisers/secrets';
import type { Rule } from '../types';

/** Test files, fixtures, examples, stories and docs: only provider-format keys and private keys are reported there. */
const TEST_PATH =
  /(^|\/)(tests?|__tests__|__mocks__|spec|specs|e2e|cypress|fixtures?|mocks?|examples?|samples?)\/|\.(test|spec|e2e-spec|e2e|cy)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_tests?\.py$|(^|\/)(conftest|tests)\.py$|(^|\/)[^/]*[._-]testing\.py$|(^|\/)(setupTests|(jest|vitest|playwright|cypress)\.(config|setup))\.[cm]?[jt]sx?$|\.stories\.[cm]?[jt]sx?$|(^|\/)docs?\/|(^|\/)(settings|configuration|config)[._-]tests?\.py$/i;
/** Settings modules and config files: every entry is configuration, even inside a factory function. */
const CONFIG_PATH = /(^|\/)(config|configs|configuration|settings|conf)(\/|\.[cm]?[jt]s$|\.py$)|(^|\/)[^/]*[._-](config|settings|configuration)\.[cm]?[jt]s$|(^|\/)settings[^/]*\.py$/i;
/** Message catalogs: a `password` entry there is a translation. */
const I18N_PATH = /(^|\/)(locales?|i18n|l10n|lang|langs|languages|translations?|messages)\//i;
/** Keys whose values are documentation. */
const EXAMPLE_KEY = /^(?:examples?|sample|placeholder|openapi_examples|json_schema_extra|x-example)$/i;
const SCHEMES = /^(?:Bearer|Basic|Token|Bot|Api-?Key|Digest|Key|SSWS)\s+(\S+)$/i;

/** The entry sits under an `example`/`examples` key (OpenAPI and pydantic docs). */
function inExample(file: CodeFile, node: Node): boolean {
  let cur: Node | null = file.parentOf(node);
  for (let depth = 0; cur && depth < 8; depth++, cur = file.parentOf(cur)) {
    if (cur.type === 'pair' || cur.type === 'keyword_argument') {
      const key = cur.childForFieldName('key') ?? cur.childForFieldName('name');
      if (key && EXAMPLE_KEY.test(nameOf(file, key))) {
        return true;
      }
    }
  }
  return false;
}

/** An object of mostly prose values (`{ password: 'Passwort', hint: 'Mindestens 8 Zeichen' }`): a translation table. */
function isMessageCatalog(file: CodeFile, container: Node | undefined): boolean {
  if (!container) {
    return false;
  }
  let strings = 0;
  let prose = 0;
  for (const entry of container.namedChildren) {
    const value = entry?.type === 'pair' ? entry.childForFieldName('value') : null;
    const text = value && file.spec.strings.literal.includes(value.type) ? file.stringValue(value)?.text : undefined;
    if (text !== undefined) {
      strings++;
      prose += isSentence(text) || /^[A-Z][a-z]+$/.test(text) ? 1 : 0;
    }
  }
  return strings >= 3 && prose * 2 >= strings;
}

/** Whether the literal at this site is a credential a reviewer would want out of the source. */
function isCredential(file: CodeFile, site: CredentialSite): boolean {
  const v = site.text;
  if (restatesName(v, site.name)) {
    return false;
  }
  // the fallback of an environment read is what runs when the variable is missing: a weak word there is the secret
  if (site.position === 'fallback' && (site.strength === 'password' || site.strength === 'secret')) {
    return isChosenPassword(v);
  }
  switch (site.strength) {
    case 'password':
      // a password is chosen by a person: any real word counts where configuration is written,
      // only a generated-looking one in a local variable or a message table
      if (site.position === 'local' || isMessageCatalog(file, site.container)) {
        return isRandomSecret(v);
      }
      return isChosenPassword(v);
    case 'jwt-secret':
      return isChosenPassword(v);
    case 'auth-header': {
      const scheme = SCHEMES.exec(v);
      return scheme ? isRandomSecret(scheme[1]) : v.length >= 16 && isRandomSecret(v);
    }
    case 'keyish':
      return v.length >= 16 && isRandomSecret(v);
    default:
      return isRandomSecret(v);
  }
}

function message(site: CredentialSite): string {
  switch (site.strength) {
    case 'jwt-secret':
      return `Hard-coded JWT secret passed to \`${site.name}\`.`;
    case 'hmac-key':
      return `Hard-coded HMAC key passed to \`${site.name}\`.`;
    default:
      return `Hard-coded credential in \`${site.name}\`.`;
  }
}

/** The reported line with the literal masked (`"S***s"`). */
function maskedLine(file: CodeFile, v: Node): string {
  const line = file.text.split('\n')[v.startPosition.row] ?? '';
  const end = v.endPosition.row === v.startPosition.row ? v.endPosition.column : line.length;
  const t = v.text;
  return (line.slice(0, v.startPosition.column) + t[0] + '***' + t[t.length - 1] + line.slice(end)).trim();
}

/**
 * Sample secrets of the cases below, put together at run time: the bundle ships the rule's cases,
 * and a literal token or key header in it would (rightly) trip the packager's secret scan.
 */
const SAMPLE_GITHUB_TOKEN = ['ghp', '8fK2mQ7xR4tZ8vB1nL6pW3sD0hJ5yC9aE1qT'].join('_');
const SAMPLE_PEM_BEGIN = ['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' ');

export const hardcodedCredential: Rule = {
  meta: {
    id: 'hardcoded-credential',
    category: 'hardcoded-credential',
    defaultSeverity: 'high',
    summary: 'A password, API key, token or private key written into the source.',
    languages: ['typescript', 'javascript', 'python', 'sql'],
    docs: {
      what:
        'Reports a secret by its value. Provider formats anywhere (AWS, GitHub, Stripe, Slack, OpenAI, Anthropic and other keys as the secret redaction knows them, ' +
        'private key blocks, JWTs, passwords in connection URLs), unless the value is a placeholder or an API-docs example. A string literal given to a name that holds ' +
        'a credential (`password`, `apiKey`, `client_secret`, `x-api-key`, `Authorization`, …) as a constant, settings field, config entry, keyword argument, parameter ' +
        'default, comparison or environment fallback (`process.env.X || "…"`, `os.getenv("X", "…")`), and a literal passed as a JWT secret, an HMAC key, a basic-auth ' +
        'or `Sequelize` password, or in `CREATE ROLE … PASSWORD`, when the value could be one: keys, tokens and secrets must look generated (letters and digits mixed, ' +
        'high entropy), a password may be any word someone chose (in a local variable it too must look generated). Names made of words (`password_too_short`, ' +
        '`polar_access_token`), the name of the variable itself, environment-variable names, sentences, translations, version ranges, paths, URLs without a password, ' +
        'templates, password hashes and placeholders (`changeme`, `<your-key>`, `${DB_PASSWORD}`, `xxx`) are not secrets. In test files, fixtures and examples only ' +
        'provider-format keys and private keys are reported.',
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
    const test = TEST_PATH.test(ctx.path);
    const lines = ctx.text.split('\n');
    for (const hit of findFormatSecrets(ctx.text, test)) {
      const nl = ctx.text.indexOf('\n', hit.start);
      ctx.report({
        start: hit.start,
        end: Math.min(hit.end, nl === -1 ? hit.end : nl),
        message: `Hard-coded secret (${hit.kind.replace(/-/g, ' ')}) in the source.`,
        snippet: maskSecrets(lines[hit.line - 1] ?? '').trim(),
      });
    }
    if (test || !/password|identified/i.test(ctx.text)) {
      return;
    }
    for (const p of findSqlPasswords(ctx.text)) {
      const row = ctx.text.slice(0, p.start).split('\n').length - 1;
      const line = lines[row] ?? '';
      const col = p.start - (ctx.text.lastIndexOf('\n', p.start - 1) + 1);
      ctx.report({
        start: p.start,
        end: p.end,
        message: 'Hard-coded database password in SQL.',
        snippet: (line.slice(0, col) + '***' + line.slice(col + (p.end - p.start))).trim(),
      });
    }
  },
  checkCode(ctx) {
    const { file } = ctx;
    if (TEST_PATH.test(file.path) || !/pass|pwd|secret|token|key|auth|cred|jwt|hmac|sequelize/i.test(file.text)) {
      return;
    }
    // a translation file holds the word for "password" in every language, never a secret
    const catalog = I18N_PATH.test(file.path);
    for (const site of credentialSites(file, CONFIG_PATH.test(file.path))) {
      if (catalog && !isRandomSecret(site.text)) {
        continue;
      }
      if (isCredential(file, site) && !inExample(file, site.value) && !isFirebaseWebKey(file.text, site.value.startIndex, site.value.endIndex)) {
        ctx.report({ node: site.value, message: message(site), snippet: maskedLine(file, site.value) });
      }
    }
  },
  tests: {
    valid: [
      { name: 'connection strings with a template, a placeholder or a demo password', path: 'src/db/pool.ts', code: "const a = `postgres://app:${process.env.DB_PASSWORD}@db:5432/app`;\nconst b = 'postgres://app:<password>@db:5432/app';\nconst c = 'postgres://postgres:postgres@localhost:5432/app';\n" },
      { name: 'from the environment', path: 'a.ts', code: 'const pool = new Pool({ password: process.env.PGPASSWORD });' },
      { name: 'placeholder', path: 'a.py', code: 'DB_PASSWORD = "changeme"\napi_key = "<your-api-key>"\n' },
      { name: 'a form field name', path: 'a.ts', code: "const field = { name: 'password', type: 'password', passwordLabel: 'Enter your password' };" },
      { name: 'a message', path: 'a.py', code: 'error_token = "Invalid token supplied"\n' },
      { name: 'empty default', path: 'config.ts', code: "export const config = { password: process.env.DB_PASSWORD ?? '' };" },
      { name: 'error codes and constants that name the secret', path: 'errors.py', code: 'PASSWORD_TOO_SHORT = "password_too_short"\nACCESS_TOKEN = "polar_access_token"\nAUTH_HMAC_SHA256 = "hmac-sha256"\n' },
      { name: 'the name of the environment variable', path: 'env.ts', code: 'export class Env {\n  static readonly STRIPE_WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET";\n  static readonly GITLAB_CLIENT_SECRET = "GITLAB_CLIENT_SECRET";\n}\n' },
      { name: 'a validated field and a status', path: 'schemas.py', code: 'class SignUp(BaseModel):\n    password: str = Field(min_length=8)\n\nverdict = "pass" if ok else "fail"\n' },
      { name: 'version ranges and translation keys', path: 'deps.ts', code: "const deps = { jsonwebtoken: '^9.0.2', 'passport-jwt': '~4.0.1' };\nconst keys = { passwordRequired: 'auth.errors.passwordRequired', tokenExpired: 'auth.errors.tokenExpired' };\n" },
      { name: 'a translation table', path: 'src/i18n/de.ts', code: "export const de = {\n  email: 'E-Mail',\n  password: 'Passwort',\n  submit: 'Anmelden',\n  forgot: 'Passwort vergessen?',\n};\n" },
      { name: 'migration dependencies and column lists', path: 'migrations/0002_tokens.py', code: 'dependencies = [("auth", "0012_alter_user_first_name_max_length")]\nfields = ("auth_type", "auth_cipher", "auth_psk")\n' },
      { name: 'a token generated at run time', path: 'tokens.py', code: 'def issue():\n    token = token_urlsafe(24)\n    secret = generate_random_string(32)\n    return token, secret\n' },
      { name: 'fixture passwords in a test file', path: 'src/auth/login.test.ts', code: "await signUp({ email: 'ann@example.com', password: 'hunter42x' });\nconst token = 'd4c1a2b3-9e8f-4a7b-8c6d-5e4f3a2b1c0d';\n" },
      { name: 'a password hash in a seed script', path: 'prisma/seed.ts', code: "await prisma.user.create({ data: { email: 'lisa@example.com', password: '$2b$10$Qm4zT8wKx1Lp9Vr3Ys7Nu.eHbGcFdSaJiKlMnOpQrStUvWxYz0123' } });\n" },
      { name: 'example connection URLs and API docs', path: 'cli.ts', code: "const help = 'pg-boss create --connection-string postgres://user:pass@localhost/db';\nconst doc = { examples: ['whsec_9fK2mQ7xR4tZ8vB1nL6pW3sD0hJ5yC'] };\n" },
      { name: 'provider-shaped placeholders and names', path: 'webhook.ts', code: "const sample = 'ya29.some_oauth_token_value';\nconst vars = { requestedBy_settings_discordId: 'request.requestedBy.settings.discordId' };\n" },
      { name: 'a cookie name and a charset', path: 'settings.py', code: 'SESSION_COOKIE_KEY: str = "acme_session"\nSECRET_KEY_CHARSET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"\n' },
      { name: 'a certificate is public', path: 'saml.ts', code: "const IDP_CERT = `-----BEGIN CERTIFICATE-----\nMIIDlzCCAn+gAwIBAgIJAO1ymQc33+bWMA0GCSqGSIb3DQEBCwUAMGIxCzAJBgNV\nBAYTAkhLMRMwEQYDVQQIDApTb21lLVN0YXRlMRowGAYDVQQKDBFJZGVudGl0eSBQ\n-----END CERTIFICATE-----`;\n" },
      { name: 'a PGP header in a validation pattern', path: 'settings/email.tsx', code: "const isPgpKey = (v: string) => /-----BEGIN PGP PRIVATE KEY BLOCK-----.+-----END PGP PRIVATE KEY BLOCK-----/.test(v);\n" },
      { name: 'a public test site key and a Sentry DSN', path: 'app/layout.tsx', code: "const captcha = { hcaptchaSiteKey: '10000000-ffff-ffff-ffff-000000000001' };\nSentry.init({ dsn: 'https://5a1c9e3f7b2d4e6f8a0b1c2d3e4f5a6b@o4505046560538624.ingest.us.sentry.io/4510311296073728' });\n" },
      { name: 'test runner configuration and a localised label', path: 'cypress.config.ts', code: "export default defineConfig({ env: { ADMIN_PASSWORD: 'test1234', licenseKeys: 'Lizenzschlüssel' } });\n" },
      { name: 'fallbacks that say the value is missing', path: 'lib/email.ts', code: "export const resend = new Resend(process.env.RESEND_API_KEY || 're_123');\nconst token = process.env.SERVICE_TOKEN ?? 'unconfigured';\n" },
      { name: 'keys made to be public', path: 'src/lib/clients.ts', code: "const stripe = loadStripe({ stripeKey: 'pk_live_51Hx9QmE2k3LdF0pQ7rTz8Yw' });\nconst captcha = { RECAPTCHA_SITE_KEY: '6LcQ2xUpAAAAAJ9fK3mZr7T1vWq8yB4nE5sD0hGc' };\nconst firebaseConfig = { apiKey: 'AIzaSyD4f9K2mQ7xR4tZ8vB1nL6pW3sD0hJ5yC7', authDomain: 'acme.firebaseapp.com' };\n" },
      { name: 'a pass that is not a password', path: 'fp/mapping.js', code: "exports.aliasToReal = {\n  allPass: 'overEvery',\n  anyPass: 'overSome',\n};\n" },
      { name: 'a result name and a format shown in a comment', path: 'auth/flow.ts', code: "export const FLOW_PASSWORD_REQUIRED_V2 = 'FlowPasswordRequiredResultV2';\n// e.g. " + SAMPLE_GITHUB_TOKEN + "\n" },
    ],
    invalid: [
      { name: 'password property', path: 'db.ts', code: "const pool = new Pool({\n  user: 'app',\n  password: 'S3cure!pass',\n});", lines: [3] },
      { name: 'python constant', path: 'settings.py', code: 'SECRET_KEY = "django-insecure-8f2k1m9x"\n', lines: [1] },
      { name: 'keyword argument', path: 'a.py', code: 'conn = psycopg2.connect(host="db", password="pr0d-pass")\n', lines: [1] },
      { name: 'provider key', path: 'a.js', code: "const key = 'AKIAZ3MSJ5NQ4EXAMPL7';\n", lines: [1] },
      { name: 'a passphrase in a connection string', path: 'src/db/pool.ts', code: "export const pool = new Pool({\n  connectionString: 'postgres://shop:hunter2-very-secret@db.internal:5432/shop',\n});\n", lines: [2] },
      { name: 'url with password', path: 'schema.sql', code: "-- connect with postgres://admin:Sup3rS3cret@db.internal:5432/app\nSELECT 1;\n", lines: [1] },
      { name: 'an API key in request headers and params', path: 'api/movies.ts', code: "const client = axios.create({\n  headers: { 'x-api-key': '9c1f4e7a2b8d6f3e0a5c7b9d1e2f4a6c' },\n  params: { api_key: '431b8708161bcd1f1fbe7536137e62fd' },\n});\n", lines: [2, 3] },
      { name: 'a JWT secret and an env fallback', path: 'auth.ts', code: "const secret = process.env.SESSION_SECRET || 'f8Kq2LxP9vRt4Wz7';\nexport const sign = (p: object) => jwt.sign(p, 'k3ep-th1s-qu1et', { expiresIn: '1h' });\n", lines: [1, 2] },
      { name: 'an environment default and basic auth', path: 'client.py', code: 'API_TOKEN = os.getenv("API_TOKEN", "tk_4f9a8b7c6d5e4f3a2b1c")\n\ndef fetch(url):\n    return requests.get(url, auth=("admin", "Rk8#vQ2m"), timeout=5)\n', lines: [1, 4] },
      { name: 'a password checked against a literal', path: 'login.py', code: 'def check(password):\n    if password == "Tr0ub4dor&3":\n        return True\n', lines: [2] },
      { name: 'Sequelize and a SQL role', path: 'db/setup.js', code: "const db = new Sequelize('shop', 'shop_app', 'W7x!pL2q', { host: 'db' });\nawait db.query(\"CREATE ROLE reporting LOGIN PASSWORD 'Qm4!zT8w'\");\n", lines: [1, 2] },
      { name: 'a class attribute and a secret named for its use', path: 'mailer.py', code: 'class Mailer:\n    password = "blerg"\n\nsmtp_password_for_alerts = "Zx9!kQ2w"\n', lines: [2, 4] },
      { name: 'a fallback JWT secret', path: 'src/auth/token.ts', code: "export const token = (id: number) =>\n  jwt.sign({ id }, process.env.JWT_SECRET || 'superSecret', { expiresIn: '60d' });\n", lines: [2] },
      { name: 'a private key in a test file', path: 'tests/keys.ts', code: "export const KEY = `" + SAMPLE_PEM_BEGIN + "\nMIIEpAIBAAKCAQEAu3k9XwqPz7RkT2mV8bN4cL6dF1hJ0sY5aG3eW7tQ9pK2vZ8x\nq4Lm7Rn2Ts9Vw1Xy3Za5Bc7De9Fg1Hi3Jk5Lm7No9Pq1Rs3Tu5Vw7Xy9Za1Bc3De5\n-----END RSA PRIVATE KEY-----`;\n", lines: [1] },
    ],
  },
};
