/**
 * docs/rules.md, generated from the rule files (scripts/gen-rules-doc.mjs writes it; a unit test
 * fails when the checked-in page differs). Never edit docs/rules.md by hand.
 */
import type { Rule } from './types';

function fence(language: string, code: string): string {
  return `\`\`\`${language}\n${code}\n\`\`\``;
}

function casesOf(rule: Rule): string {
  const pick = (list: typeof rule.tests.valid, n: number) => list.slice(0, n).map((c) => `- ${c.name ?? c.path}`).join('\n');
  return `Reported (from its test cases):\n\n${pick(rule.tests.invalid, 20)}\n\nNot reported:\n\n${pick(rule.tests.valid, 20)}`;
}

export function renderRulesDoc(rules: readonly Rule[]): string {
  const table = rules.map((r) => `| [\`${r.meta.id}\`](#${r.meta.id}) | ${r.meta.defaultSeverity} | ${r.meta.languages.join(', ')} | ${r.meta.summary.replace(/\|/g, '\\|')} |`);
  const sections = rules.map((r) =>
    [
      `## ${r.meta.id}`,
      '',
      `**Severity** ${r.meta.defaultSeverity} · **Languages** ${r.meta.languages.join(', ')}${r.meta.needsSchema ? ' · **Reads the workspace schema** (all .sql files)' : ''} · **Setting** \`architectPersonas.rules.${r.meta.id}\`${r.meta.optIn ? ' (off by default)' : ''}`,
      '',
      ...(r.meta.optIn ? [`**Opt-in.** ${r.meta.optIn}`, ''] : []),
      `### What it does`,
      '',
      r.meta.docs.what,
      '',
      `### Why it is bad`,
      '',
      r.meta.docs.why,
      '',
      `### Example`,
      '',
      fence(r.meta.docs.example.language, r.meta.docs.example.code),
      '',
      `### Use instead`,
      '',
      r.meta.docs.insteadText,
      '',
      fence(r.meta.docs.instead.language, r.meta.docs.instead.code),
      '',
      `**Fix hint shown with each finding:** ${r.meta.docs.fixHint}`,
      '',
      `### Cases`,
      '',
      casesOf(r),
      '',
    ].join('\n'),
  );
  return [
    '<!-- GENERATED from src/core/rules/rules/*.ts by scripts/gen-rules-doc.mjs (npm run docs:rules). Do not edit by hand. -->',
    '',
    '# Backend rules',
    '',
    'Deterministic checks on the parsed code — tree-sitter for TypeScript, JavaScript and Python, the PostgreSQL parser (libpg_query) for .sql files and SQL strings. ' +
      'They need no model and no API key, run in the Problems panel (source *Architect rules*), in `architect-personas rules`, and are given to `@backend` as facts.',
    '',
    'Silence one hit with a comment on the line or the line above: `// architect-ignore n-plus-one` (`# …` in Python, `-- …` in SQL; several ids separated by commas, none for every rule; ' +
      '`architect-ignore-file <rule>` for a whole file). Turn a rule off with its setting, all of them with `architectPersonas.rules.enabled`.',
    '',
    '| Rule | Default severity | Languages | Summary |',
    '|---|---|---|---|',
    ...table,
    '',
    ...sections,
  ].join('\n');
}
