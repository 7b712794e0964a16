/** The rule table against package.json settings, the generated docs page, and the CLI/rule metadata. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_TABLE, RULES } from '../../../src/core/rules';
import { renderRulesDoc } from '../../../src/core/rules/rulesDoc';

const ROOT = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { type: string; default: unknown; scope?: string; markdownDescription?: string }> }; commands: { command: string; category?: string }[] };
};

describe('Rules: table, settings and docs', () => {
  const props = pkg.contributes.configuration.properties;

  it('has one enable setting per rule, and none for a rule that does not exist', () => {
    const declared = Object.keys(props)
      .filter((k) => k.startsWith('architectPersonas.rules.') && k !== 'architectPersonas.rules.enabled')
      .map((k) => k.slice('architectPersonas.rules.'.length))
      .sort();
    assert.deepEqual(declared, RULE_TABLE.map((r) => r.id).sort());
    for (const r of RULE_TABLE) {
      const p = props[`architectPersonas.rules.${r.id}`];
      assert.equal(p.type, 'boolean');
      assert.equal(p.default, !r.optIn, `${r.id}: the setting's default follows the rule's optIn`);
      assert.equal(p.scope, 'resource');
      assert.ok(p.markdownDescription?.includes(r.id));
    }
    assert.equal(props['architectPersonas.rules.enabled']?.type, 'boolean');
  });

  it('rule ids are unique, kebab-case, and the category is the id', () => {
    const ids = RULE_TABLE.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of RULE_TABLE) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.equal(r.category, r.id);
      for (const key of ['what', 'why', 'insteadText', 'fixHint'] as const) {
        assert.ok(r.docs[key].length > 20, `${r.id} docs.${key}`);
      }
    }
  });

  it('docs/rules.md is generated from the rule files (run npm run docs:rules when this fails)', () => {
    const onDisk = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    assert.equal(onDisk, renderRulesDoc(RULES), 'docs/rules.md is stale: run npm run docs:rules');
  });

  it('the workspace command is contributed with a category', () => {
    const cmd = pkg.contributes.commands.find((c) => c.command === 'architectPersonas.runRulesOnWorkspace');
    assert.ok(cmd);
    assert.equal(cmd.category, 'Architect Personas');
  });
});
