import * as assert from 'node:assert/strict';
import { describeSetupFailure, SetupStageError } from '../../../src/core/render/setupFailure';

describe('Setup failures (issue #17)', () => {
  it('a failing secret-storage read ends in a message with a next step (Set API Key, Show Log), not a raw error', () => {
    const err = new SetupStageError('apiKey', new Error('Cannot get password: org.freedesktop.secrets was not provided\n  at stack'));
    const f = describeSetupFailure(err.stage, err.cause);
    assert.equal(f.fatal, true);
    assert.match(f.message, /^Could not read the Anthropic API key from VS Code's secret storage \(Cannot get password: org\.freedesktop\.secrets was not provided\)\./);
    assert.doesNotMatch(f.message, /at stack/, 'no stack trace in the chat');
    assert.deepEqual(f.actions, ['setApiKey', 'showLog']);
  });

  it('a failing persona refresh is not fatal: it names the persona answering and where to look', () => {
    const f = describeSetupFailure('personas', new Error('EACCES: permission denied, scandir personas'), 'Marcus');
    assert.equal(f.fatal, false);
    assert.match(f.message, /answering as Marcus as it was loaded before/);
    assert.deepEqual(f.actions, ['showLog']);
  });

  it('anything else before the model call says nothing was sent, with the log as the next step', () => {
    const f = describeSetupFailure('request', 'x'.repeat(500));
    assert.match(f.message, /Nothing was sent to the model/);
    assert.ok(f.message.length < 400, 'a long reason is cut');
    assert.match(describeSetupFailure('request', undefined).message, /unknown error/);
  });
});
