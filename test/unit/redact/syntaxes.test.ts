import * as assert from 'node:assert/strict';
import { redact } from '../../../src/core/redact';
import { fill, NEAR_MISSES, SECRETS, SYNTAX_CASES } from './cases';

describe('Redaction: everyday syntaxes', () => {
  for (const c of SYNTAX_CASES) {
    it(`${c.syntax}: every secret replaced, lines kept`, () => {
      for (const [name, secret] of Object.entries(SECRETS)) {
        if (c.secrets && !c.secrets.includes(name)) {
          continue;
        }
        const { text, secrets } = fill(c.template, secret);
        const out = redact(text);
        for (const s of secrets) {
          // neither the whole secret nor its start or end may remain
          for (const part of [s, s.slice(0, 6), s.slice(-6)]) {
            assert.ok(!out.text.includes(part), `${name}: '${part}' left in clear:\n${out.text}`);
          }
        }
        assert.equal(out.text.split('\n').length, text.split('\n').length);
        assert.ok(out.spans.length >= secrets.length);
      }
    });
  }

  describe('near misses stay as they are', () => {
    for (const line of NEAR_MISSES) {
      it(line, () => {
        const out = redact(line);
        assert.equal(out.text, line);
        assert.deepEqual(out.redactions, []);
      });
    }
  });
});
