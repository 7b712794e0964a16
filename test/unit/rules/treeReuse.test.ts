/** Reparsing from the last tree (src/core/rules/engine/treeReuse.ts): same trees, same findings. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runRules } from '../../../src/core/rules';
import { languageFor } from '../../../src/core/rules/engine/languages';
import { editorTrees, parserFor } from '../../../src/core/rules/engine/parsers';
import { TreeCache, textEdit } from '../../../src/core/rules/engine/treeReuse';
import type { Node, Tree } from '../../../src/core/rules/engine/treeSitter';

const CORPUS = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'rules', 'corpus');

function codeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? codeFiles(p) : /\.(ts|tsx|js|py)$/.test(e.name) ? [p] : [];
  });
}

/** Every node as type, range and points: two trees are the same when these lists are. */
function shape(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.walk();
  const visit = (): void => {
    const n: Node = cursor.currentNode;
    out.push(`${n.type} ${n.startIndex}-${n.endIndex} ${n.startPosition.row}:${n.startPosition.column}-${n.endPosition.row}:${n.endPosition.column}`);
    if (cursor.gotoFirstChild()) {
      do {
        visit();
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  visit();
  cursor.delete();
  return out;
}

/** Deterministic edits: insert, delete and replace at spread-out places, multi-line and non-ASCII ones included. */
function edits(text: string): string[] {
  const at = (f: number): number => Math.floor(text.length * f);
  const versions = [
    text.slice(0, at(0.5)) + 'const café = "naïve 🚀 ünïcode";\n' + text.slice(at(0.5)),
    text.slice(0, at(0.2)) + text.slice(at(0.3)),
    text.replace(/SELECT/, 'SELECT /* 🚀 */'),
    '// header 🙂\n' + text,
    text + '\nfor (const x of xs) {\n  await db.query("SELECT * FROM t WHERE id = $1", [x]);\n}\n',
    text.slice(0, at(0.7)),
  ];
  return versions.filter((v) => v !== text);
}

describe('Rules: reparsing from the last tree', function () {
  this.timeout(60_000);
  after(() => editorTrees.clear());

  it('textEdit: the changed span between the common prefix and suffix, in UTF-16 units with rows and columns', () => {
    assert.equal(textEdit('same', 'same'), undefined);
    assert.deepEqual(textEdit('ab\ncd\nef', 'ab\ncXd\nef'), {
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 5,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 1, column: 2 },
    });
    // a deleted line
    assert.deepEqual(textEdit('one\nmid\nlast\n', 'one\nlast\n'), {
      startIndex: 4,
      oldEndIndex: 8,
      newEndIndex: 4,
      startPosition: { row: 1, column: 0 },
      oldEndPosition: { row: 2, column: 0 },
      newEndPosition: { row: 1, column: 0 },
    });
    // appended and prepended text
    assert.deepEqual(textEdit('x', 'x\ny'), { startIndex: 1, oldEndIndex: 1, newEndIndex: 3, startPosition: { row: 0, column: 1 }, oldEndPosition: { row: 0, column: 1 }, newEndPosition: { row: 1, column: 1 } });
    assert.equal(textEdit('y', 'x\ny')!.startIndex, 0);
    // one emoji for another shares a high surrogate: the edit covers the whole character
    const e = textEdit('a😀b', 'a😁b')!;
    assert.deepEqual([e.startIndex, e.oldEndIndex, e.newEndIndex], [1, 3, 3]);
  });

  it('an edited file reparsed from its last tree gives the very tree a fresh parse gives (corpus files, six edits each)', async () => {
    const files = codeFiles(CORPUS);
    assert.ok(files.length >= 10, `corpus files: ${files.length}`);
    let compared = 0;
    for (const file of files) {
      const spec = languageFor(file)!;
      const parser = await parserFor(spec);
      const cache = new TreeCache(4);
      const original = fs.readFileSync(file, 'utf8');
      parser.parse(original, file, cache).dispose();
      for (const version of edits(original)) {
        const reused = parser.parse(version, file, cache);
        const fresh = parser.parse(version, file);
        try {
          assert.deepEqual(shape(reused.file.tree), shape(fresh.file.tree), `${path.relative(CORPUS, file)} after an edit`);
        } finally {
          reused.dispose();
          fresh.dispose();
        }
        compared++;
      }
      assert.equal(cache.size, 1);
      cache.clear();
    }
    assert.ok(compared >= files.length * 4);
  });

  it('runRules with reuseTrees finds exactly what a fresh run finds, version after version', async () => {
    for (const file of codeFiles(CORPUS).slice(0, 12)) {
      const rel = path.relative(CORPUS, file);
      for (const text of [fs.readFileSync(file, 'utf8'), ...edits(fs.readFileSync(file, 'utf8'))]) {
        const reused = await runRules([{ path: rel, text }], { reuseTrees: true });
        const fresh = await runRules([{ path: rel, text }]);
        assert.deepEqual(reused, fresh, rel);
      }
    }
    assert.ok(editorTrees.size > 0, 'the editor cache kept trees');
  });

  it("a run's tree stays valid while another run of the same file edits the kept one", async () => {
    const file = codeFiles(CORPUS).find((f) => f.endsWith('.ts'))!;
    const parser = await parserFor(languageFor(file)!);
    const cache = new TreeCache(4);
    const v1 = fs.readFileSync(file, 'utf8');
    const first = parser.parse(v1, file, cache);
    const second = parser.parse(`${v1}\nexport const added = 1;\n`, file, cache); // edits and replaces the kept tree
    const fresh = parser.parse(v1, file);
    try {
      assert.deepEqual(shape(first.file.tree), shape(fresh.file.tree), 'the first run still reads the tree of its own text');
      assert.notDeepEqual(shape(second.file.tree), shape(fresh.file.tree));
    } finally {
      first.dispose();
      second.dispose();
      fresh.dispose();
      cache.clear();
    }
  });

  it('keeps at most its capacity, least recently used out; the same text reuses the tree as it is', () => {
    // Fake trees: what matters here is which texts get parsed, from which tree, and which trees are freed.
    const parses: string[] = [];
    const freed: string[] = [];
    const fakeTree = (text: string): Tree => ({ edit: () => undefined, delete: () => void freed.push(text) }) as unknown as Tree;
    const parse = (text: string, old?: Tree): Tree => {
      parses.push(old ? `${text} (from its last tree)` : text);
      return fakeTree(text);
    };
    const cache = new TreeCache(2);
    cache.treeFor('a', 'a1', parse);
    cache.treeFor('a', 'a1', parse); // unchanged: the kept tree, no parse
    cache.treeFor('b', 'b1', parse);
    cache.treeFor('a', 'a2', parse); // edited: reparsed from a1's tree, which is freed; a is now the most recent
    cache.treeFor('c', 'c1', parse); // over capacity: b, the least recently used, goes
    assert.deepEqual(parses, ['a1', 'b1', 'a2 (from its last tree)', 'c1']);
    assert.deepEqual(freed, ['a1', 'b1']);
    assert.equal(cache.size, 2);
    cache.treeFor('b', 'b1', parse); // parsed afresh; a goes now
    assert.equal(parses.at(-1), 'b1');
    assert.deepEqual(freed, ['a1', 'b1', 'a2']);
    cache.clear();
    assert.deepEqual(freed.slice(3).sort(), ['b1', 'c1']);
    assert.equal(cache.size, 0);
  });
});
