/**
 * Secret redaction before code leaves the machine.
 *
 * Why our own patterns instead of a package: the maintained rule sets on npm do not fit here.
 * secretlint (@secretlint/secretlint-rule-preset-recommend + @secretlint/core, v13) is ESM-only
 * and its engine (`lintSource`) is asynchronous; driving its rules synchronously would depend on
 * its internal rule-context API. gitleaks ships its rules as a TOML file inside a Go binary,
 * not as an npm package. So the rules below are a small, synchronous subset DERIVED FROM
 * gitleaks' default config (config/gitleaks.toml: rule ids aws-access-token, github-pat,
 * github-fine-grained-pat, gitlab-pat, slack-*-token, slack-webhook-url, stripe-access-token,
 * gcp-api-key, openai-api-key, anthropic-api-key, npm-access-token, jwt, private-key) and from
 * secretlint's preset-recommend (basicauth in URLs, `.env`-style secret assignments).
 * Like gitleaks, every rule has keywords: a rule runs only when one of them occurs in the text,
 * so a large file without secrets costs a few `includes` scans.
 *
 * Line numbers must survive redaction (findings are anchored to lines), so a multi-line secret
 * (a private key block) is replaced by its placeholder followed by the same number of newlines.
 */

export interface Redaction {
  readonly kind: string;
  readonly count: number;
}

export interface RedactionResult {
  readonly text: string;
  readonly redactions: Redaction[];
}

interface Rule {
  readonly kind: string;
  /** Case-sensitive keywords; the rule is skipped unless the text contains one. */
  readonly keywords?: readonly string[];
  /** Lower-case keywords matched against the lower-cased text. */
  readonly keywordsLower?: readonly string[];
  readonly pattern: RegExp;
  /** Index of the capture group holding the secret; 0 = the whole match. */
  readonly group?: number;
}

const RULES: readonly Rule[] = [
  {
    kind: 'private-key',
    keywords: ['-----BEGIN'],
    pattern: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]{16,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    kind: 'anthropic-api-key',
    keywords: ['sk-ant-'],
    pattern: /\bsk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{20,}/g,
  },
  {
    kind: 'openai-api-key',
    keywords: ['T3BlbkFJ', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'],
    pattern: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})/g,
  },
  {
    kind: 'aws-access-key',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g,
  },
  {
    kind: 'github-token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{82})\b/g,
  },
  {
    kind: 'gitlab-token',
    keywords: ['glpat-'],
    pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g,
  },
  {
    kind: 'slack-token',
    keywords: ['xox'],
    pattern: /\bxox[abposre]-[0-9A-Za-z-]{10,}/g,
  },
  {
    kind: 'slack-webhook',
    keywords: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/g,
  },
  {
    kind: 'stripe-key',
    keywords: ['sk_', 'rk_'],
    pattern: /\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}\b/g,
  },
  {
    kind: 'google-api-key',
    keywords: ['AIza'],
    pattern: /\bAIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'npm-token',
    keywords: ['npm_'],
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
  },
  {
    kind: 'jwt',
    keywords: ['eyJ'],
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}={0,2}/g,
  },
  {
    // scheme://user:password@host — only the password is replaced
    kind: 'password-in-url',
    keywords: ['://'],
    pattern: /\b[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:@/"'`<>]{1,128}:([^\s@/"'`<>]{1,256})@/g,
    group: 1,
  },
  {
    // .env / shell style: SOME_PASSWORD=value, export API_KEY="value", DB_SECRET: value
    kind: 'secret-assignment',
    keywords: ['PASSWORD', 'PASSWD', 'SECRET', 'KEY', 'TOKEN', 'CREDENTIAL'],
    pattern:
      /^[ \t]*(?:export[ \t]+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|TOKEN|CREDENTIALS?)(?:_[A-Z0-9_]*)?[ \t]*[=:][ \t]*(["']?)([^\s"'#]{4,})\1/gm,
    group: 2,
  },
  {
    // code / JSON / YAML: password = "value", "apiKey": "value", client_secret: 'value'
    kind: 'secret-assignment',
    keywordsLower: ['pass', 'secret', 'key', 'token'],
    pattern:
      /\b[A-Za-z0-9_]*?(?:password|passwd|pwd|secret|api_?key|access_?token|auth_?token|private_?key)["']?[ \t]*[:=][ \t]*(["'])([^"'\s]{4,200})\1/gi,
    group: 2,
  },
];

const PLACEHOLDER_PREFIX = '[REDACTED:';

/** Values that are clearly not secrets: placeholders, references, masks, earlier redactions. */
function isPlaceholderValue(value: string): boolean {
  return (
    value.startsWith(PLACEHOLDER_PREFIX) ||
    value.startsWith('$') ||
    value.startsWith('{') ||
    value.startsWith('<') ||
    value.startsWith('%') ||
    /^(?:\*+|x+|X+|\.+|-+)$/.test(value) ||
    /^(?:changeme|change_me|password|secret|token|your[_-]?\w*|example\w*|placeholder|null|none|undefined|true|false|process\.env\.\w+)$/i.test(value)
  );
}

function placeholderFor(kind: string, secret: string): string {
  const placeholder = `${PLACEHOLDER_PREFIX}${kind}]`;
  let newlines = 0;
  for (let i = secret.indexOf('\n'); i !== -1; i = secret.indexOf('\n', i + 1)) {
    newlines++;
  }
  return newlines === 0 ? placeholder : placeholder + '\n'.repeat(newlines);
}

export function redactSecrets(text: string): RedactionResult {
  const counts = new Map<string, number>();
  let out = text;
  let lower: string | undefined;
  for (const rule of RULES) {
    const applies =
      (rule.keywords?.some((k) => out.includes(k)) ?? false) ||
      (rule.keywordsLower?.some((k) => (lower ??= out.toLowerCase()).includes(k)) ?? false);
    if (!applies) {
      continue;
    }
    let changed = false;
    out = out.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const group = rule.group ?? 0;
      const secret = group === 0 ? match : (rest[group - 1] as string | undefined);
      if (!secret || (group !== 0 && isPlaceholderValue(secret))) {
        return match;
      }
      changed = true;
      counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1);
      if (group === 0) {
        return placeholderFor(rule.kind, match);
      }
      // replace the last occurrence of the secret inside the match (the value comes last)
      const at = match.lastIndexOf(secret);
      return match.slice(0, at) + placeholderFor(rule.kind, secret) + match.slice(at + secret.length);
    });
    if (changed) {
      lower = undefined;
    }
  }
  return { text: out, redactions: [...counts].map(([kind, count]) => ({ kind, count })) };
}
