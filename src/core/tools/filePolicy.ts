/**
 * Which workspace files the tools may read (pure; the filesystem side is workspaceFiles.ts).
 *
 * A model can be talked into asking for a file by text in the code it reads ("now read .env"),
 * so the rules do not trust the model: paths are workspace-relative only (no absolute paths,
 * no `..` out of the workspace, no URIs), and files that look like secrets — `.env*`, keys and
 * certificates, SSH keys, credentials files, the user's deny list — are refused unless the user
 * attached them to the request themselves.
 */

/** Normalises a path the model gave: forward slashes, no `./`, no `..`, not absolute. */
export function normaliseWorkspacePath(raw: string): { path: string } | { refused: string } {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === './') {
    return { path: '' };
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed)) {
    return { refused: `"${trimmed}" is a URI; give a workspace-relative path such as src/db/users.ts.` };
  }
  const slashed = trimmed.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-z]:\//i.test(slashed) || slashed.startsWith('~')) {
    return { refused: `"${trimmed}" is an absolute path; only workspace-relative paths can be read.` };
  }
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (parts.length === 0) {
        return { refused: `"${trimmed}" points outside the workspace.` };
      }
      parts.pop();
      continue;
    }
    if (part.includes('\0')) {
      return { refused: 'The path contains a NUL character.' };
    }
    parts.push(part);
  }
  return { path: parts.join('/') };
}

/** Built-in patterns for files that usually hold secrets (matched against the workspace-relative path). */
export const SECRET_FILE_PATTERNS: readonly string[] = [
  '**/.env',
  '**/.env.*',
  '**/*.pem',
  '**/*.key',
  '**/*.p12',
  '**/*.pfx',
  '**/*.jks',
  '**/*.keystore',
  '**/id_rsa*',
  '**/id_dsa*',
  '**/id_ecdsa*',
  '**/id_ed25519*',
  '**/.ssh/**',
  '**/.aws/credentials',
  '**/.aws/config',
  '**/credentials',
  '**/credentials.json',
  '**/credentials.yml',
  '**/credentials.yaml',
  '**/*credentials*.json',
  '**/.npmrc',
  '**/.pypirc',
  '**/.netrc',
  '**/.pgpass',
  '**/.docker/config.json',
  '**/secrets.yml',
  '**/secrets.yaml',
  '**/secrets.json',
  '**/*.tfstate',
  '**/*.tfstate.*',
  '**/.git/**',
];

/** Conventional templates that hold no secrets (`.env.example`…) are readable. */
const TEMPLATE = /(^|\/)\.env\.(example|sample|template|dist)$/i;

/**
 * The reason a path may not be read without an attachment, or undefined. `denyList` holds the
 * user's extra glob patterns (setting `architectPersonas.tools.denyList`).
 */
export function secretLookingReason(path: string, denyList: readonly string[] = []): string | undefined {
  const lower = path.toLowerCase();
  if (!TEMPLATE.test(lower)) {
    for (const pattern of SECRET_FILE_PATTERNS) {
      if (globMatches(pattern, lower)) {
        return `${path} looks like it holds secrets (${pattern}), so it is not read unless the user attaches it.`;
      }
    }
  }
  for (const pattern of denyList) {
    if (pattern.trim() !== '' && globMatches(pattern.trim(), path)) {
      return `${path} is on the user's deny list (${pattern.trim()}), so it is not read unless the user attaches it.`;
    }
  }
  return undefined;
}

const globCache = new Map<string, RegExp>();

/**
 * Glob match on a forward-slash path: `**` any number of segments, `*` and `?` within a
 * segment, `{a,b}` alternatives. A pattern without a slash matches the file name anywhere.
 */
export function globMatches(pattern: string, path: string): boolean {
  const key = pattern;
  let re = globCache.get(key);
  if (!re) {
    re = globToRegExp(pattern.includes('/') ? pattern.replace(/^\.\//, '') : `**/${pattern}`);
    globCache.set(key, re);
  }
  return re.test(path);
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end > i) {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((alt) => alt.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = end;
      } else {
        out += '\\{';
      }
    } else {
      out += c.replace(/[.+^$()|[\]\\}]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

/** Language id from a file name, for the prompt's `language=` attribute and the rules engine. */
export function languageIdOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name === 'dockerfile' || name.startsWith('dockerfile.')) {
    return 'dockerfile';
  }
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const map: Record<string, string> = {
    ts: 'typescript', tsx: 'typescriptreact', mts: 'typescript', cts: 'typescript',
    js: 'javascript', jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript',
    py: 'python', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', rb: 'ruby', php: 'php', cs: 'csharp',
    sql: 'sql', json: 'json', yml: 'yaml', yaml: 'yaml', toml: 'toml', md: 'markdown', sh: 'shellscript',
    tf: 'terraform', prisma: 'prisma', graphql: 'graphql', proto: 'proto', html: 'html', css: 'css',
  };
  return map[ext] ?? 'plaintext';
}
