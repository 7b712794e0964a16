import * as assert from 'node:assert/strict';
import { parseFindingBlock } from '../../../src/core/findings/block';
import { OUTPUT_CONTRACT_INSTRUCTIONS } from '../../../src/core/findings/contract';
import { FindingsStreamParser, MAX_BLOCK_CHARS, openerAt } from '../../../src/core/findings/parser';
import type { Finding, ParsedEvent } from '../../../src/core/findings/types';
import { mergeEvents, parseChunks, readTranscript, reconstruct, transcriptNames } from './helpers';

function findings(events: readonly ParsedEvent[]): Finding[] {
  return events.flatMap((e) => (e.kind === 'finding' ? [e.finding] : []));
}

function markdownOf(events: readonly ParsedEvent[]): string {
  return events.map((e) => (e.kind === 'markdown' ? e.text : '')).join('');
}

describe('FindingsStreamParser: literal model output', () => {
  it('parses a complete finding with all sections and both kinds of fix', () => {
    const text = [
      'Intro prose.',
      '',
      '<finding severity="high" file="src/db/users.ts" line="26" end="28" title="N+1 query">',
      '<quote>',
      '  for (const user of users) {',
      '    user.orders = await q(user.id);',
      '  }',
      '</quote>',
      '<issue>One query per user.</issue>',
      '<cause>Loop awaits.</cause>',
      '<impact>51 round trips.</impact>',
      '<recommendation>Use `ANY($1)`.</recommendation>',
      '<tradeoff>Bigger result.</tradeoff>',
      '<fix kind="replace" lang="typescript" title="Batch">',
      '  const all = await qAll(ids);',
      '</fix>',
      '<fix kind="run" lang="sql" title="Index">',
      'CREATE INDEX orders_user_id_idx ON orders (user_id);',
      '</fix>',
      '</finding>',
      '',
      'Outro.',
      '',
    ].join('\n');
    const events = FindingsStreamParser.parseAll(text);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['markdown', 'findingStart', 'finding', 'markdown'],
    );
    assert.equal((events[0] as { text: string }).text, 'Intro prose.\n\n');
    assert.equal((events[3] as { text: string }).text, '\n\nOutro.\n');
    const [f] = findings(events);
    assert.equal(f.severity, 'high');
    assert.equal(f.file, 'src/db/users.ts');
    assert.equal(f.line, 26);
    assert.equal(f.endLine, 28);
    assert.equal(f.title, 'N+1 query');
    assert.equal(f.quote, '  for (const user of users) {\n    user.orders = await q(user.id);\n  }');
    assert.deepEqual(f.sections, {
      issue: 'One query per user.',
      cause: 'Loop awaits.',
      impact: '51 round trips.',
      recommendation: 'Use `ANY($1)`.',
      tradeoff: 'Bigger result.',
    });
    assert.deepEqual(f.fixes, [
      { kind: 'replace', language: 'typescript', title: 'Batch', content: '  const all = await qAll(ids);' },
      { kind: 'run', language: 'sql', title: 'Index', content: 'CREATE INDEX orders_user_id_idx ON orders (user_id);' },
    ]);
    assert.equal(f.notes, undefined);
    assert.deepEqual(f.problems, []);
    assert.equal(reconstruct(events), text);
  });

  it('parses the example in OUTPUT_CONTRACT_INSTRUCTIONS (contract and parser agree)', () => {
    const events = FindingsStreamParser.parseAll(OUTPUT_CONTRACT_INSTRUCTIONS);
    const fs = findings(events);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.severity, 'high');
    assert.equal(f.line, 42);
    assert.equal(f.endLine, 44);
    assert.deepEqual(Object.keys(f.sections), ['issue', 'cause', 'impact', 'recommendation', 'tradeoff']);
    assert.deepEqual(
      f.fixes.map((x) => [x.kind, x.language]),
      [
        ['replace', 'typescript'],
        ['run', 'sql'],
      ],
    );
    assert.ok(f.quote?.startsWith('for (const user of users) {'));
  });

  it('keeps prose containing an inline <finding> mention as markdown', () => {
    const text = 'Each finding is a <finding> block, written `<finding severity="x">` inline.\n';
    assert.deepEqual(FindingsStreamParser.parseAll(text), [{ kind: 'markdown', text }]);
  });

  it('does not parse blocks inside ``` or ~~~ fences in prose', () => {
    const text = [
      '```xml',
      '<finding severity="low" title="in fence">',
      '<issue>x</issue>',
      '</finding>',
      '```',
      '~~~~',
      '<finding severity="low" title="in tilde fence">',
      '</finding>',
      '~~~~',
      '<finding severity="info" title="after the fences">',
      '</finding>',
    ].join('\n');
    const events = FindingsStreamParser.parseAll(text);
    const fs = findings(events);
    assert.deepEqual(
      fs.map((f) => f.title),
      ['after the fences'],
    );
    assert.equal(reconstruct(events), text);
  });

  it('a fence closes only with the same character and at least the same length', () => {
    const text = ['````', '```', '<finding severity="low" title="still fenced">', '</finding>', '````', ''].join('\n');
    assert.equal(findings(FindingsStreamParser.parseAll(text)).length, 0);
  });

  it('shows an unclosed block as markdown at the end (nothing lost)', () => {
    const text = readTranscript('malformed-unclosed');
    const events = FindingsStreamParser.parseAll(text);
    assert.equal(findings(events).length, 1);
    assert.equal(reconstruct(events), text);
    assert.ok(markdownOf(events).includes('<finding severity="critical"'));
    assert.ok(markdownOf(events).endsWith('so anyone who controls it\n'));
  });

  it('for unparseable input the markdown events concatenate to exactly the input', () => {
    const inputs = [
      '<finding severity="high title="x">\n<issue>y</issue>\n</finding>\n',
      '<finding severity="high" title="never closed">\n<issue>y</issue>\n',
      '<finding',
      '<findings are great>\n</finding>',
      '  <finding\n',
      '<finding severity="high" title=">\n</finding>',
      '',
    ];
    for (const text of inputs) {
      const events = FindingsStreamParser.parseAll(text);
      assert.equal(findings(events).length, 0, text);
      assert.equal(markdownOf(events), text, JSON.stringify(text));
    }
  });

  it('handles the malformed-mixed transcript: bad attributes, unknown tags, unclosed then new block, aliases', () => {
    const text = readTranscript('malformed-mixed');
    const events = FindingsStreamParser.parseAll(text);
    assert.equal(reconstruct(events), text);
    const fs = findings(events);
    assert.deepEqual(
      fs.map((f) => f.title),
      ['Use "SELECT *" sparingly', 'Pool configured from the environment', 'oops'],
    );
    const md = markdownOf(mergeEvents(events));
    assert.ok(md.includes('title="Broken attribute quoting">'), 'malformed block shown as markdown');
    assert.ok(md.includes('<finding severity="low" file="src/db/users.ts" line="3" title="First block is never closed">'));
    assert.ok(md.includes('this sentence mentions the tag inline'));

    const [sel, pool, oops] = fs;
    assert.equal(sel.severity, 'medium'); // "warning" alias
    assert.equal(sel.line, 41);
    assert.equal(sel.endLine, 41);
    assert.equal(sel.attributes.confidence, '0.8');
    assert.equal(sel.quote, "  const orders = (await pool.query('SELECT * FROM orders WHERE user_id = $1', [userId])).rows;");
    assert.equal(sel.notes, '<evidence>Only `order.total_cents` is read in the loop.</evidence>');
    assert.deepEqual(sel.fixes, [
      {
        kind: 'replace',
        language: 'typescript',
        title: '',
        content: "  const orders = (await pool.query('SELECT total_cents FROM orders WHERE user_id = $1', [userId])).rows;",
      },
    ]);
    assert.equal(pool.severity, 'info');
    assert.equal(pool.sections.cause, undefined);
    assert.equal(oops.file, 'src/db/users.ts');
    assert.equal(oops.line, 24);
    assert.deepEqual(oops.sections, {
      cause: 'Offset pagination',
      tradeoff: 'Keyset pagination cannot jump to page N.',
      issue: '`OFFSET` pagination gets slower with every page.',
    });
  });

  it('gives up on a block longer than MAX_BLOCK_CHARS and shows it as markdown', () => {
    const body = 'x'.repeat(MAX_BLOCK_CHARS + 10);
    const text = `<finding severity="low" title="huge">\n${body}\n</finding>\nafter\n`;
    const events = FindingsStreamParser.parseAll(text);
    assert.equal(findings(events).length, 0);
    assert.equal(markdownOf(events), text);
  });

  it('emits prose promptly and holds back only a possible opener', () => {
    const p = new FindingsStreamParser();
    assert.deepEqual(p.push('Hello wor'), [{ kind: 'markdown', text: 'Hello wor' }]);
    assert.deepEqual(p.push('ld\n<fin'), [{ kind: 'markdown', text: 'ld\n' }]);
    assert.deepEqual(p.push('e print\n'), [{ kind: 'markdown', text: '<fine print\n' }]);
    assert.deepEqual(p.push('  <finding severity="low" title="t">\n<issue>i</issue>\n</fin'), [{ kind: 'findingStart' }]);
    const closed = p.push('ding>\nbye');
    assert.equal(closed.length, 2);
    assert.equal(closed[0].kind, 'finding');
    assert.deepEqual(closed[1], { kind: 'markdown', text: '\nbye' });
    assert.deepEqual(p.end(), []);
  });

  it('a new opener inside an unclosed block abandons the first block', () => {
    const text = '<finding severity="low" title="a">\n<issue>a\n<finding severity="high" title="b">\n</finding>\n';
    const events = FindingsStreamParser.parseAll(text);
    assert.deepEqual(
      findings(events).map((f) => f.title),
      ['b'],
    );
    assert.equal(reconstruct(events), text);
  });

  it('throws on push after end', () => {
    const p = new FindingsStreamParser();
    p.end();
    assert.throws(() => p.push('x'));
  });

  it('every transcript round-trips (markdown + finding raw == input)', () => {
    for (const name of transcriptNames()) {
      const text = readTranscript(name);
      assert.equal(reconstruct(parseChunks([text])), text, name);
    }
  });

  it('every slash-command transcript yields findings with sections and fixes', () => {
    const expected: Record<string, number> = { design: 2, scale: 2, optimize: 4, infra: 4, debug: 4 };
    for (const [name, count] of Object.entries(expected)) {
      const fs = findings(FindingsStreamParser.parseAll(readTranscript(name)));
      assert.equal(fs.length, count, name);
      for (const f of fs) {
        assert.ok(f.sections.issue, `${name}: ${f.title} has an issue section`);
        assert.deepEqual(f.problems, [], `${name}: ${f.title}`);
      }
    }
  });
});

describe('openerAt', () => {
  it('decides yes / no / maybe', () => {
    assert.equal(openerAt('<finding ', 0), 'yes');
    assert.equal(openerAt('\t <finding>', 0), 'yes');
    assert.equal(openerAt('<finding\n', 0), 'yes');
    assert.equal(openerAt('<findings ', 0), 'no');
    assert.equal(openerAt('x<finding ', 0), 'no');
    assert.equal(openerAt('<find', 0), 'maybe');
    assert.equal(openerAt('<finding', 0), 'maybe');
    assert.equal(openerAt('   ', 0), 'maybe');
    assert.equal(openerAt(' '.repeat(17) + '<finding ', 0), 'no');
  });
});

describe('parseFindingBlock', () => {
  it('decodes entities, accepts single/bare quotes, line ranges, and records problems', () => {
    const f = parseFindingBlock(
      `<finding severity='BLOCKER' file=src/a.ts line="12-14" title="a &amp; b &lt;c&gt;">\n<issue>x</issue>\n</finding>`,
    );
    assert.ok(f);
    assert.equal(f.severity, 'critical');
    assert.equal(f.file, 'src/a.ts');
    assert.equal(f.line, 12);
    assert.equal(f.endLine, 14);
    assert.equal(f.title, 'a & b <c>');
    const g = parseFindingBlock('<finding severity="urgent" line="abc" end="2" title="t">\n</finding>');
    assert.ok(g);
    assert.equal(g.severity, 'info');
    assert.equal(g.line, undefined);
    assert.deepEqual(g.problems, ['unknown severity "urgent"', 'invalid line "abc"']);
  });

  it('strips copied line-number prefixes from quotes and infers the fix kind from the language', () => {
    const f = parseFindingBlock(
      '<finding severity="low" title="t">\n<quote>\n  9 |   a();\n 10 |   b();\n</quote>\n<fix lang="sql">\nSELECT 1;\n</fix>\n<fix lang="go">\nx()\n</fix>\n</finding>',
    );
    assert.ok(f);
    assert.equal(f.quote, '  a();\n  b();');
    assert.deepEqual(
      f.fixes.map((x) => x.kind),
      ['run', 'replace'],
    );
  });

  it('keeps an unclosed child tag as notes', () => {
    const f = parseFindingBlock('<finding severity="low" title="t">\n<issue>never closed\n</finding>');
    assert.ok(f);
    assert.equal(f.sections.issue, undefined);
    assert.equal(f.notes, '<issue>never closed');
  });
});
