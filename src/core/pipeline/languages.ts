/** VS Code language ids by file extension, for files read from disk (CLI, MCP, evals). */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
  py: 'python', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'scala',
  cs: 'csharp', rb: 'ruby', php: 'php', swift: 'swift', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', hpp: 'cpp',
  sql: 'sql', prisma: 'prisma', graphql: 'graphql', gql: 'graphql', proto: 'proto3',
  json: 'json', jsonc: 'jsonc', yaml: 'yaml', yml: 'yaml', toml: 'toml', ini: 'ini', xml: 'xml',
  md: 'markdown', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript', ps1: 'powershell',
  tf: 'terraform', hcl: 'hcl', html: 'html', css: 'css', scss: 'scss', vue: 'vue', svelte: 'svelte',
  ex: 'elixir', exs: 'elixir', erl: 'erlang', lua: 'lua', dart: 'dart', r: 'r',
};

const BY_NAME: Readonly<Record<string, string>> = {
  dockerfile: 'dockerfile', makefile: 'makefile', '.env': 'dotenv', 'docker-compose.yml': 'dockercompose',
  'docker-compose.yaml': 'dockercompose', 'compose.yml': 'dockercompose', 'compose.yaml': 'dockercompose',
};

export function languageIdForPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (BY_NAME[name]) {
    return BY_NAME[name];
  }
  if (name.startsWith('.env')) {
    return 'dotenv';
  }
  if (name.startsWith('dockerfile')) {
    return 'dockerfile';
  }
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (BY_EXTENSION[name.slice(dot + 1)] ?? 'plaintext') : 'plaintext';
}
