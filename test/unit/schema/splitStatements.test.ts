import * as assert from 'node:assert/strict';
import { blankMetaCommands, splitStatements } from '../../../src/core/schema/splitStatements';

describe('schema: splitting SQL into statements', () => {
  it('ends statements at semicolons outside quotes, dollar quotes and comments, with their lines', () => {
    const sql = [
      "CREATE TABLE a (note text DEFAULT 'x; y');",
      '-- a comment; not a statement',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$',
      'BEGIN',
      "  RAISE NOTICE 'hi; there';",
      '  RETURN NEW;',
      'END;',
      '$body$;',
      '/* block /* nested; */ still comment; */ SELECT "semi;colon" FROM a;',
    ].join('\n');
    const out = splitStatements(sql);
    assert.deepEqual(out.map((s) => [s.line, s.endLine]), [[1, 1], [3, 8], [9, 9]]);
    assert.match(out[1].text, /RETURN NEW;\nEND;\n\$body\$$/);
    assert.equal(out[2].text, 'SELECT "semi;colon" FROM a');
  });

  it("keeps E'' escapes and doubled quotes inside one literal", () => {
    const out = splitStatements("SELECT E'it\\'s; fine', 'a''b;c'; SELECT 2");
    assert.equal(out.length, 2);
    assert.equal(out[0].text, "SELECT E'it\\'s; fine', 'a''b;c'");
  });

  it('returns psql meta-commands and COPY … FROM stdin data as their own, flagged entries', () => {
    const sql = ['\\restrict abc', 'CREATE TABLE t (v text);', 'COPY public.t (v) FROM stdin;', 'a;b', 'c', '\\.', 'SELECT 1;'].join('\n');
    const out = splitStatements(sql);
    assert.deepEqual(
      out.map((s) => ({ line: s.line, meta: Boolean(s.meta), copy: Boolean(s.copyData) })),
      [
        { line: 1, meta: true, copy: false },
        { line: 2, meta: false, copy: false },
        { line: 3, meta: false, copy: true },
        { line: 7, meta: false, copy: false },
      ],
    );
    assert.equal(blankMetaCommands(sql).split('\n')[0], '');
  });

  it('keeps a BEGIN ATOMIC function body whole', () => {
    const out = splitStatements('CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;');
    assert.equal(out.length, 2);
    assert.match(out[0].text, /END$/);
  });
});
