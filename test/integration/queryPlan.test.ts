/**
 * Query plans in the real VS Code: Explain Query Plan on a selected query, the checked plan under
 * an SQL fix in the chat, and /optimize sending the measured plans to the model. The schema is
 * written into the test workspace here (and removed after), so other suites see none.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { api, askInChat, chatPanelText, fixtureText, openFixture, screenshot, useFakeAnthropic, waitForChatMatch, waitForChatText, waitForTurnDone, workspaceRoot } from './support';

interface ExplainResult {
  readonly sql: string;
  readonly summary: string;
  readonly status: string;
  readonly report: { readonly ok: boolean; readonly shape: string; readonly plan?: unknown };
  readonly document: string;
}

const SCHEMA = `CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  total numeric(10, 2) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;

describe('Query plan on embedded PostgreSQL', function () {
  this.timeout(240_000);
  let server: FakeAnthropicServer | undefined;
  let schemaDir: string;

  before(async () => {
    schemaDir = path.join(workspaceRoot(), 'db', 'migrations');
    fs.mkdirSync(schemaDir, { recursive: true });
    fs.writeFileSync(path.join(schemaDir, '001_shop.sql'), SCHEMA);
    await vscode.workspace.getConfiguration('architectPersonas').update('queryPlans.rows', 5000, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('architectPersonas').update('queryPlans.rows', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(path.join(workspaceRoot(), 'db'), { recursive: true, force: true });
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Explain Query Plan on a selected query opens the summary and the raw JSON plan', async () => {
    await api();
    // Line 15: `pool.query('SELECT * FROM orders WHERE user_id = $1', [user.id])`.
    await openFixture('src/db/users.ts', { startLine: 15, endLine: 15 });
    const result = await vscode.commands.executeCommand<ExplainResult | undefined>('architectPersonas.explainQueryPlan');
    assert.ok(result, 'the command returned a plan');
    assert.equal(result.sql, 'SELECT * FROM orders WHERE user_id = $1');
    assert.equal(result.status, 'Schema: 2 tables from db/migrations (1 file, 0 statements skipped)');
    assert.ok(result.report.ok);
    assert.equal(result.report.shape, 'Seq Scan');
    assert.match(result.summary, /with 5,000 synthetic orders/);
    assert.match(result.summary, /no index on orders\(user_id\)/);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.document);
    assert.ok(doc, 'the plan document is open');
    assert.match(doc.getText(), /## Raw plan — EXPLAIN \(ANALYZE, BUFFERS, FORMAT JSON\)/);
    assert.match(doc.getText(), /"Node Type": "Seq Scan"/);
    await screenshot('explain-query-plan');
  });

  it('renders the checked plan under an SQL fix in the chat, and the refusal of a wrong one', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: fixtureText('integration/query-plan-fix.txt'), chunkSize: 60, delayMs: 2 });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /debug why is listUsersWithOrders slow?');
    await waitForChatText('That index is the whole fix.', 180_000);
    await waitForTurnDone();
    const text = await chatPanelText();
    // the index the fix creates is named, and the verdict shows the counters it rests on
    assert.match(text, /Checked on embedded PostgreSQL with 5,000 synthetic orders: Seq Scan [\d.]+ ms → (Index Scan|Bitmap Heap Scan) using orders_user_id_idx [\d.]+ ms — rows read 5,000 → \d+/, text);
    assert.match(text, /The fix does not apply on embedded PostgreSQL with 5,000 synthetic orders: column "usr_id" does not exist/);
    assert.match(text, /CONCURRENTLY\s+left\s+out\s+for\s+the\s+check/, "the note inside the plan block (code blocks use non-breaking spaces)");
    // Under each fix, in order, before the text that follows the findings.
    const { transcript } = await api();
    const md = transcript.last()?.markdown ?? '';
    const at = (s: string) => md.indexOf(s);
    assert.ok(at('Index orders by user') < at('Checked on embedded PostgreSQL'), 'the check follows its fix');
    assert.ok(at('Checked on embedded PostgreSQL') < at('A second index idea'), 'and comes before the next finding');
    assert.ok(at('Index with a typo') < at('The fix does not apply'), 'the refusal follows the second fix');
    assert.ok(at('The fix does not apply') < at('That index is the whole fix.'), 'and precedes the closing text');
    await screenshot('chat-checked-plan');
  });

  it('/optimize sends the plans of the queries in the code to the model, and notes the schema', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: 'Measured: the orders lookup is a sequential scan.' });
    await openFixture('src/db/users.ts');
    await askInChat('@backend /optimize make listUsersWithOrders fast at 20k users');
    await waitForChatText('Measured: the orders lookup is a sequential scan.', 180_000);
    await waitForTurnDone();
    const body = JSON.stringify(server.requests.at(-1)?.body ?? {});
    assert.match(body, /Query plans \(embedded PostgreSQL, synthetic data\)/);
    assert.match(body, /SELECT \* FROM orders WHERE user_id = \$1/);
    assert.match(body, /Seq Scan on orders/);
    assert.match(body, /20,000 synthetic users|synthetic orders/);
    await waitForChatMatch('the schema note', /Schema: 2 tables from db\/migrations \(1 file, 0 statements skipped\)/);
  });
});
