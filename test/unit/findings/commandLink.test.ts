/**
 * Issue #17: command-link arguments round-trip exactly. Rendered links are parsed back with a
 * CommonMark parser (markdown-it) and "clicked" with VS Code's own decoding steps
 * (argumentsOfCommandHref), then compared with the arguments the renderer meant to pass.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { SentFile } from '../../../src/core/context/sentFile';
import type { ChatPart } from '../../../src/core/render/chatParts';
import { FINDING_COMMANDS } from '../../../src/core/render/chatParts';
import {
  anchorLineMarkdown, argumentsOfCommandHref, buttonsLineMarkdown, commandLink, encodeCommandArgs, isArgumentReference,
  MAX_INLINE_LINK_CHARS, type ArgumentStore,
} from '../../../src/core/render/commandLink';
import { FindingsChatRenderer } from '../../../src/core/render/renderFinding';
import { rng } from './helpers';

const md = new MarkdownIt();

/** Every link in `markdown`, as CommonMark reads it: text, href and the arguments a click passes. */
function clickLinks(markdown: string): Array<{ text: string; command: string; args: unknown[] }> {
  const out: Array<{ text: string; command: string; args: unknown[] }> = [];
  const walk = (tokens: ReturnType<MarkdownIt['parseInline']>) => {
    for (const t of tokens) {
      if (t.children) {
        let href: string | undefined;
        let text = '';
        for (const c of t.children) {
          if (c.type === 'link_open') {
            href = c.attrGet('href') ?? '';
            text = '';
          } else if (c.type === 'link_close' && href !== undefined) {
            const click = argumentsOfCommandHref(href);
            assert.ok(click, `not a command link: ${href.slice(0, 80)}`);
            out.push({ text, ...click });
            href = undefined;
          } else if (href !== undefined) {
            text += c.content;
          }
        }
      }
    }
  };
  // markdown-it validates and normalises link destinations; keep its raw href (no punycode/encoding changes).
  walk(md.parse(markdown, {}));
  return out;
}

class MapStore implements ArgumentStore {
  readonly entries = new Map<string, readonly unknown[]>();
  put(args: readonly unknown[]): string {
    const id = `r${this.entries.size + 1}`;
    this.entries.set(id, args);
    return id;
  }
}

/** The arguments a click hands over, with a by-reference link resolved through `store`. */
function resolved(args: unknown[], store?: MapStore): unknown[] {
  if (args.length === 1 && isArgumentReference(args[0])) {
    const stored = store?.entries.get(args[0].architectRef);
    assert.ok(stored, 'the reference resolves');
    return [...stored];
  }
  return args;
}

const NASTY = [
  '-- 1) build the index',
  'CREATE INDEX CONCURRENTLY i ON t ((lower(email)));',
  "SELECT * FROM t WHERE a LIKE '%20%' AND b = 'it''s' AND c ~ '[a-z]+' AND d = \"q\";",
  '`backticks` ``double`` and a \\ backslash, <b>html</b> &amp; &#40; )))((( ]]][[[ {}',
  'non-ASCII: é ñ 中文 🙂 \u00a0nbsp \u2028line-sep',
  '%E0%A4%A percent junk %zz %',
].join('\n');

function buttonsOf(parts: readonly ChatPart[]): Array<Extract<ChatPart, { kind: 'button' }>> {
  return parts.flatMap((p) => (p.kind === 'button' ? [p] : []));
}

function anchorsOf(parts: readonly ChatPart[]): Array<Extract<ChatPart, { kind: 'anchor' }>> {
  return parts.flatMap((p) => (p.kind === 'anchor' ? [p] : []));
}

const SENT: SentFile[] = [
  { path: 'src/db/q.sql', uri: 'file:///w/src/db/q.sql', languageId: 'sql', text: 'SELECT 1;\nselect (a) from "t" where x = \'%41\';\n', firstLine: 1 },
];

function renderAnswer(answer: string, chunk = 17): ChatPart[] {
  const r = new FindingsChatRenderer(SENT);
  const parts: ChatPart[] = [];
  for (let i = 0; i < answer.length; i += chunk) {
    parts.push(...r.push(answer.slice(i, i + chunk)));
  }
  parts.push(...r.end());
  return parts;
}

/** Renders every button and anchor of `parts` as the chat does, clicks each, and compares. */
function assertRoundTrip(parts: readonly ChatPart[], store?: MapStore): number {
  let checked = 0;
  const buttons = buttonsOf(parts);
  if (buttons.length > 0) {
    const clicks = clickLinks(buttonsLineMarkdown(buttons, { store }));
    assert.deepEqual(
      clicks.map((c) => [c.text, c.command]),
      buttons.map((b) => [b.title, b.command]),
    );
    clicks.forEach((c, i) => assert.deepEqual(resolved(c.args, store), JSON.parse(JSON.stringify(buttons[i].arguments))));
    checked += clicks.length;
  }
  for (const a of anchorsOf(parts)) {
    const [click] = clickLinks(anchorLineMarkdown(a, { store }));
    assert.equal(click.command, FINDING_COMMANDS.revealFinding);
    assert.deepEqual(resolved(click.args, store), [{ uri: a.uri, line: a.range.startLine, endLine: a.range.endLine, ...(a.quote !== undefined ? { quote: a.quote } : {}) }]);
    checked++;
  }
  return checked;
}

describe('Command links (issue #17)', () => {
  it('an SQL fix whose text contains an unbalanced ")" renders Open in SQL Editor and Copy links that carry their arguments', () => {
    const answer = [
      '<finding severity="high" title="Missing index (orders)">',
      '<issue>Sequential scan.</issue>',
      '<fix kind="run" lang="sql" title="Index (step 1)">',
      '-- 1) build the index',
      'CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);',
      '</fix>',
      '</finding>',
      '',
    ].join('\n');
    const parts = renderAnswer(answer);
    const buttons = buttonsOf(parts);
    assert.deepEqual(
      buttons.map((b) => b.title),
      ['Open in SQL Editor', 'Copy'],
    );
    const clicks = clickLinks(buttonsLineMarkdown(buttons));
    assert.equal(clicks.length, 2);
    const content = '-- 1) build the index\nCREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);';
    assert.deepEqual(clicks[0].args, [{ language: 'sql', content }]);
    assert.deepEqual(clicks[1].args, [{ content, title: 'Index (step 1)' }]);
  });

  it('model text in command arguments round-trips exactly: parentheses, brackets, quotes, backticks, newlines, non-ASCII, %-sequences', () => {
    const args = [{ content: NASTY, title: 'a "title" (with) [brackets] `ticks`', language: 'sql' }];
    const [click] = clickLinks(commandLink('Copy (it)', FINDING_COMMANDS.copyFix, args, { tooltip: 'say "hi" (now)' }));
    assert.equal(click.text, 'Copy (it)');
    assert.deepEqual(click.args, args);
    // The destination holds nothing Markdown or a URI parser could act on.
    assert.match(encodeCommandArgs(args), /^[A-Za-z0-9_.%-]+$/);
  });

  it('100 KB of model text round-trips: by reference, with a link far below the Markdown limit', () => {
    const big = NASTY.repeat(Math.ceil(100_000 / NASTY.length)).slice(0, 100_000);
    const store = new MapStore();
    const args = [{ content: big, title: 'big' }];
    const link = commandLink('Copy', FINDING_COMMANDS.copyFix, args, { store });
    assert.ok(link.length < 200, `the link is ${link.length} characters`);
    const [click] = clickLinks(link);
    assert.deepEqual(resolved(click.args, store), args);
    // Without a store (e.g. the CLI's Markdown) it is still exact inline.
    const [inline] = clickLinks(commandLink('Copy', FINDING_COMMANDS.copyFix, args));
    assert.deepEqual(inline.args, args);
    // Short arguments stay inline (they survive a reload).
    assert.ok(commandLink('Copy', FINDING_COMMANDS.copyFix, [{ content: 'x' }], { store }).length < MAX_INLINE_LINK_CHARS);
    assert.equal(store.entries.size, 1);
  });

  it('property: random model text rendered through the findings path, clicked, gives back exactly what was rendered', () => {
    const rand = rng(17);
    const alphabet = [...'abcXYZ019 \t\n\r()[]{}<>"\'`~!*_#|&%\\/:;=?-+.,', 'é', '中', '🙂', '\u00a0', '\u2028', '%41', '%2', '&quot;', '&amp;', ')', '](', '"\n', '```'];
    const randomText = (max: number) => {
      const n = Math.floor(rand() * max);
      let s = '';
      for (let i = 0; i < n; i++) {
        s += alphabet[Math.floor(rand() * alphabet.length)];
      }
      return s;
    };
    let checked = 0;
    for (let round = 0; round < 150; round++) {
      // Fix and title text straight from the "model"; the parser keeps whatever survives its own rules.
      const fixText = randomText(300).replace(/<\/?(fix|finding|quote)/gi, '');
      const title = randomText(40).replace(/["\n\r]/g, '');
      const answer = [
        `<finding severity="medium" file="src/db/q.sql" line="2" title="${title}">`,
        '<quote>',
        'select (a) from "t" where x = \'%41\';',
        '</quote>',
        '<issue>x</issue>',
        `<fix kind="run" lang="sql" title="${title}">`,
        `SELECT 1;${fixText}`,
        '</fix>',
        `<fix kind="replace" lang="sql" title="${title}">`,
        `select (b)${fixText}`,
        '</fix>',
        '</finding>',
        '',
      ].join('\n');
      const parts = renderAnswer(answer, 1 + Math.floor(rand() * 40));
      assert.ok(buttonsOf(parts).length >= 3, `round ${round}: the finding rendered its buttons`);
      checked += assertRoundTrip(parts, round % 2 === 0 ? new MapStore() : undefined);
    }
    assert.ok(checked >= 150 * 4);
  });
});
