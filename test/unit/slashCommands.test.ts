import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SLASH_COMMANDS, findSlashCommand } from '../../src/core/slashCommands';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('slash-command table', () => {
  const participant = manifest.contributes.chatParticipants.find((p: { id: string }) => p.id === 'architect-personas.backend');

  it('package.json declares exactly the table’s commands, in order, with the same descriptions', () => {
    const declared = participant.commands.map((c: { name: string; description: string }) => ({ name: c.name, description: c.description }));
    assert.deepEqual(
      declared,
      SLASH_COMMANDS.map((c) => ({ name: c.name, description: c.description })),
    );
  });

  it('every declared command has disambiguation examples', () => {
    for (const c of participant.commands) {
      assert.ok(c.disambiguation?.[0]?.examples?.length >= 2, `${c.name} has examples`);
    }
  });

  it('the participant is sticky and every command has default instructions', () => {
    assert.equal(participant.isSticky, true);
    for (const c of SLASH_COMMANDS) {
      assert.ok(c.defaultInstructions.length > 40, `${c.name} has instructions`);
      assert.equal(findSlashCommand(c.name), c);
    }
    assert.equal(findSlashCommand('review'), undefined);
  });

  it('every contributed command has a category, and the base URL cannot be set by a workspace', () => {
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Architect Personas', `${c.command} has the category`);
    }
    const props = manifest.contributes.configuration.properties;
    assert.ok(['application', 'machine'].includes(props['architectPersonas.baseUrl'].scope));
    for (const [key, value] of Object.entries(props)) {
      assert.ok((value as { markdownDescription?: string }).markdownDescription, `${key} has a markdownDescription`);
      assert.ok((value as { scope?: string }).scope, `${key} has a scope`);
    }
  });

  it('engines.vscode and @types/vscode are no newer than 1.139', () => {
    const engine = manifest.engines.vscode.replace(/^[\^~]/, '');
    const types = manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    for (const v of [engine, types]) {
      const [major, minor] = v.split('.').map(Number);
      assert.ok(major === 1 && minor <= 139, `${v} ≤ 1.139`);
    }
  });
});
