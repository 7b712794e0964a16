/**
 * The backend rules in a real VS Code: Problems-panel diagnostics with no API key, the
 * "Ask the architect about this" code action, rule facts in the @backend request, and a finding
 * rendered "confirmed by rule".
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FakeAnthropicServer } from '../fakeServer/fakeAnthropic';
import { askInChat, chatPanelText, openFixture, screenshot, useFakeAnthropic, waitFor, waitForChatText, waitForTurnDone, workspaceRoot } from './support';

const ORDERS = `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });

export async function orderTotals(customerIds: number[]): Promise<number[]> {
  const totals: number[] = [];
  for (const id of customerIds) {
    const res = await pool.query('SELECT total_cents FROM orders WHERE customer_id = $1', [id]);
    totals.push(res.rows.length);
  }
  return totals;
}

export async function recentOrders() {
  return pool.query('SELECT * FROM orders ORDER BY id DESC LIMIT 20');
}
`;

const SCHEMA = `CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  total_cents integer NOT NULL
);
`;

const ANSWER = `The loop sends one query per customer.

<finding severity="high" file="rules-demo/orders.ts" line="7" end="10" title="N+1 query in orderTotals" rule="n-plus-one">
<quote>
  for (const id of customerIds) {
    const res = await pool.query('SELECT total_cents FROM orders WHERE customer_id = $1', [id]);
    totals.push(res.rows.length);
  }
</quote>
<issue>One round trip per customer id.</issue>
<cause>The query runs inside the loop.</cause>
<impact>500 ids cost 500 round trips.</impact>
<recommendation>Query once with customer_id = ANY($1) and group in memory.</recommendation>
<tradeoff>The id list must stay bounded.</tradeoff>
</finding>
`;

function ruleDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Architect rules');
}

function waitForRule(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${ruleId} diagnostic on ${path.basename(uri.fsPath)}`, () => ruleDiagnostics(uri).find((d) => d.code === ruleId), 30_000);
}

function userMessage(server: FakeAnthropicServer, index: number): string {
  const content = server.requests[index]?.body?.messages?.at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content);
}

describe('Rules', () => {
  let server: FakeAnthropicServer | undefined;
  const files = ['rules-demo/orders.ts', 'rules-demo/schema.sql'];

  before(() => {
    const root = workspaceRoot();
    fs.mkdirSync(path.join(root, 'rules-demo'), { recursive: true });
    fs.writeFileSync(path.join(root, files[0]), ORDERS);
    fs.writeFileSync(path.join(root, files[1]), SCHEMA);
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceRoot(), 'rules-demo'), { recursive: true, force: true });
  });

  it('puts N+1 and unindexed-foreign-key diagnostics in the Problems panel with no API key', async () => {
    server = await useFakeAnthropic({ withKey: false });
    const code = (await openFixture(files[0])).document.uri;
    const n1 = await waitForRule(code, 'n-plus-one');
    assert.equal(n1.range.start.line, 7, 'on the query inside the loop (line 8)');
    assert.equal(n1.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(n1.message, /once per iteration/);
    await waitForRule(code, 'select-star');

    const sql = (await openFixture(files[1])).document.uri;
    const fk = await waitForRule(sql, 'fk-without-index');
    assert.equal(fk.range.start.line, 3, 'on the REFERENCES of orders.customer_id');
    assert.match(fk.message, /no index on orders \(customer_id\)/);
    assert.equal(server.requests.length, 0, 'no model was asked');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('rules-problems-panel');
  });

  it('answers @backend with the rule findings alone when there is no API key', async () => {
    server = await useFakeAnthropic({ withKey: false });
    await openFixture(files[0], { startLine: 5, endLine: 16 });
    await askInChat('@backend /debug why is this slow?');
    await waitForChatText('Found by rules');
    await waitForTurnDone();
    // The panel renders the answer progressively: wait for its last line, not the first.
    const text = await waitForChatText('needs a model');
    assert.match(text, /Found by rules/);
    assert.match(text, /n-plus-one/);
    assert.equal(server.requests.length, 0);
  });

  it('the code action opens @backend with the finding; /debug sends the rule facts and renders "confirmed by rule"', async () => {
    server = await useFakeAnthropic();
    server.script({ kind: 'reply', text: ANSWER, chunkSize: 40, delayMs: 5 });
    const code = (await openFixture(files[0])).document.uri;
    const n1 = await waitForRule(code, 'n-plus-one');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', code, n1.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable rule n-plus-one'), titles.join(', '));
    assert.ok(titles.includes('Ignore n-plus-one on this line'), titles.join(', '));
    const ask = actions.find((a) => a.title === 'Ask the architect about this');
    assert.ok(ask?.command, titles.join(', '));

    await vscode.commands.executeCommand('workbench.action.chat.newChat');
    await vscode.commands.executeCommand(ask.command.command, ...(ask.command.arguments ?? []));
    await waitFor('the request to reach the fake server', () => server!.requests.length >= 1 || undefined, 30_000);
    const user = userMessage(server, 0);
    assert.match(user, /The rule `n-plus-one` reports rules-demo\/orders\.ts:8/, 'the question names the finding');
    assert.match(user, /8 \| {5}const res = await pool\.query/, 'the finding\'s lines are attached and sent');
    assert.match(user, /<facts title="Facts the rules found">/, 'the rule facts are grounding');
    assert.match(user, /rule="n-plus-one" severity=high at rules-demo\/orders\.ts:8/);
    assert.match(user, /rule="select-star" severity=low at rules-demo\/orders\.ts:15/);
    assert.ok(JSON.stringify(server.requests[0].body?.system).includes('rule=\\"<rule id>\\"'), 'the contract tells the model how to name a rule');

    await waitForChatText('Confirmed by rule');
    await waitForTurnDone();
    const text = await waitForChatText('Found by rules');
    // the chat DOM shows inline code without its backticks; the transcript keeps them
    assert.match(text, /Confirmed by rule `?n-plus-one`? \(rules-demo\/orders\.ts:8\)/);
    assert.match(text, /Found by rules/, 'the select-star hit the answer did not take up is still shown');
    assert.match(text, /select-star/);
    await screenshot('rules-confirmed-in-chat');
    assert.ok((await chatPanelText()).includes('N+1 query in orderTotals'));
  });
});
