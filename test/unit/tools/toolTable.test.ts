import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { availableTools, isToolGuidance, TOOL_TABLE, toolGuidance, toolSpecs } from '../../../src/core/tools';
import { LM_TOOL_TABLE } from '../../../src/core/tools/lmTools';
import { secretLookingReason, globMatches, normaliseWorkspacePath } from '../../../src/core/tools/filePolicy';
import { checkToolInput } from '../../../src/core/tools/inputCheck';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { languageModelTools?: Array<{ name: string; displayName: string; modelDescription: string; inputSchema: unknown; canBeReferencedInPrompt?: boolean; toolReferenceName?: string }> };
};

describe('Tool table', () => {
  it('has the six tools with unique names, descriptions and object schemas', () => {
    assert.deepEqual(
      TOOL_TABLE.map((t) => t.name),
      ['read_file', 'find_in_workspace', 'run_rules', 'explain_query', 'check_sql_fix', 'schema'],
    );
    for (const t of TOOL_TABLE) {
      assert.match(t.name, /^[a-z_]{1,64}$/, 'Anthropic tool names: [a-zA-Z0-9_-]{1,64}');
      assert.ok(t.description.length > 40, `${t.name} has a real description`);
      assert.equal(t.inputSchema.type, 'object');
      for (const r of t.inputSchema.required ?? []) {
        assert.ok(t.inputSchema.properties?.[r], `${t.name}: required ${r} is a property`);
      }
    }
  });

  it('every schema accepts a valid input and rejects a wrong one', () => {
    const valid: Record<string, unknown> = {
      read_file: { path: 'a.ts', startLine: 1 },
      find_in_workspace: { query: 'x', kind: 'symbol' },
      run_rules: { path: 'src' },
      explain_query: { sql: 'SELECT 1', rows: 1000 },
      check_sql_fix: { sql: 'SELECT 1', fixSql: 'CREATE INDEX i ON t (a)' },
      schema: {},
    };
    for (const t of TOOL_TABLE) {
      assert.ok('value' in checkToolInput(t.inputSchema, valid[t.name]), `${t.name} accepts its example`);
      assert.ok('error' in checkToolInput(t.inputSchema, { nonsense: 1 }), `${t.name} rejects junk`);
    }
  });

  it('leaves out tools whose engine the surface lacks', () => {
    const files = { root: '/', read: () => Promise.resolve({ refused: 'x' }), list: () => Promise.resolve({ files: [], truncated: false }) };
    assert.deepEqual(
      availableTools({ files, maxFileChars: 1, redactSecrets: true }).map((t) => t.name),
      ['read_file', 'find_in_workspace'],
    );
    assert.equal(toolSpecs(TOOL_TABLE).length, 6);
  });

  it('the tool guidance block names the tools and is recognised (a model asked again without tools gets it without)', () => {
    const guidance = toolGuidance(TOOL_TABLE);
    assert.match(guidance, /read_file, find_in_workspace, run_rules/);
    assert.equal(isToolGuidance({ text: guidance }), true);
    assert.equal(isToolGuidance({ text: '# Task\n\nReview the code. # Tools are mentioned here.' }), false);
    assert.equal(toolGuidance([]), '');
  });

  it('package.json contributes exactly the LM tools of LM_TOOL_TABLE, with the same schemas', () => {
    const contributed = pkg.contributes.languageModelTools ?? [];
    assert.deepEqual(
      contributed.map((t) => t.name),
      LM_TOOL_TABLE.map((t) => t.name),
    );
    for (const t of LM_TOOL_TABLE) {
      const c = contributed.find((x) => x.name === t.name)!;
      assert.deepEqual(c.inputSchema, t.inputSchema, `${t.name}: package.json schema matches the code`);
      assert.ok(c.displayName && c.modelDescription.length > 40, `${t.name} has a display name and a model description`);
    }
  });
});

describe('docs/tools.md', () => {
  it('documents every tool with every input and every LM tool', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'docs', 'tools.md'), 'utf8');
    for (const t of TOOL_TABLE) {
      const section = doc.split(`### \`${t.name}\``)[1]?.split('###')[0];
      assert.ok(section, `docs/tools.md has a section for ${t.name}`);
      for (const prop of Object.keys(t.inputSchema.properties ?? {})) {
        assert.ok(section.includes(`| \`${prop}\` |`), `docs/tools.md documents ${t.name}.${prop}`);
      }
    }
    for (const t of LM_TOOL_TABLE) {
      assert.ok(doc.includes(`\`${t.name}\``), `docs/tools.md names ${t.name}`);
    }
  });
});

describe('File policy', () => {
  it('normalises paths and refuses escapes', () => {
    assert.deepEqual(normaliseWorkspacePath('./src//db/../db/users.ts'), { path: 'src/db/users.ts' });
    assert.deepEqual(normaliseWorkspacePath('src\\db\\users.ts'), { path: 'src/db/users.ts' });
    assert.ok('refused' in normaliseWorkspacePath('src/../../x'));
    assert.ok('refused' in normaliseWorkspacePath('C:\\Windows\\system.ini'));
    assert.ok('refused' in normaliseWorkspacePath('~/.ssh/id_rsa'));
  });

  it('knows secret-looking files', () => {
    for (const p of ['.env', 'api/.env.production', 'deploy/tls.key', 'id_ed25519.pub', '.aws/credentials', 'gcp-credentials.json', '.npmrc', 'infra/terraform.tfstate']) {
      assert.ok(secretLookingReason(p), p);
    }
    for (const p of ['src/env.ts', '.env.example', 'docs/credentials.md', 'db/schema.sql', 'src/keys.ts']) {
      assert.equal(secretLookingReason(p), undefined, p);
    }
  });

  it('globs', () => {
    assert.ok(globMatches('*.sql', 'db/migrations/001.sql'));
    assert.ok(globMatches('config/**', 'config/a/b.yml'));
    assert.ok(globMatches('**/*.{yml,yaml}', 'x/y.yaml'));
    assert.ok(!globMatches('config/*', 'config/a/b.yml'));
  });
});
