import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { availableTools, createWorkspaceAccess, findTool, runTool, type ToolContext } from '../../../src/core/tools';
import { createSqlAccess } from '../../../src/core/tools/engines';
import { tableOf } from '../../../src/core/tools/sqlTools';

const signal = new AbortController().signal;

describe('SQL tools on the embedded Postgres', function () {
  this.timeout(120_000);
  let root: string;
  let sql: ReturnType<typeof createSqlAccess>;
  let ctx: ToolContext;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-sqltools-'));
    fs.mkdirSync(path.join(root, 'db'));
    fs.writeFileSync(
      path.join(root, 'db', 'schema.sql'),
      'CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n' +
        'CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id), total_cents int NOT NULL);\n',
    );
    sql = createSqlAccess({ root, rows: 20_000 });
    ctx = { files: createWorkspaceAccess({ root }), maxFileChars: 10_000, redactSecrets: true, sql };
  });
  after(async () => {
    await sql.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('explain_query measures a sequential scan and records the plan as a fact', async () => {
    const tool = findTool('explain_query')!;
    assert.equal(tool.progress({ sql: 'SELECT * FROM orders WHERE user_id = 42' }, ctx), 'Explaining the orders query on 20,000 rows…');
    const r = await runTool(tool, { sql: 'SELECT * FROM orders WHERE user_id = 42' }, ctx, signal);
    assert.equal(r.isError, undefined, r.content);
    assert.match(r.content, /Seq Scan/i);
    assert.equal(r.facts?.[0].kind, 'queryPlan');
    assert.match(r.summary, /orders query on 20,000 synthetic rows/);
  });

  it('check_sql_fix reports before and after an index', async () => {
    const r = await runTool(findTool('check_sql_fix')!, { sql: 'SELECT * FROM orders WHERE user_id = 42', fixSql: 'CREATE INDEX orders_user_id_idx ON orders (user_id)' }, ctx, signal);
    assert.equal(r.isError, undefined, r.content);
    assert.match(r.content, /Index/i);
  });

  it('schema lists tables, columns and foreign keys', async () => {
    const r = await runTool(findTool('schema')!, {}, ctx, signal);
    assert.match(r.content, /table public\.orders/);
    assert.match(r.content, /foreign key \(user_id\) -> public\.users \(id\)/);
  });

  it('bad SQL is a tool error the model can act on, not a crash', async () => {
    const r = await runTool(findTool('explain_query')!, { sql: 'SELEC * FRM orders' }, ctx, signal);
    assert.match(r.content, /syntax error/i);
  });

  it('without the embedded Postgres the SQL tools are not offered, and say so when called', async () => {
    const bare: ToolContext = { files: ctx.files, maxFileChars: 1000, redactSecrets: true };
    assert.deepEqual(availableTools(bare).map((t) => t.name), ['read_file', 'find_in_workspace']);
    const r = await runTool(findTool('explain_query')!, { sql: 'SELECT 1' }, bare, signal);
    assert.equal(r.isError, true);
    assert.match(r.content, /not available/);
  });

  it('names the table of a query for the progress line', () => {
    assert.equal(tableOf('select o.* from public."orders" o join users u on u.id = o.user_id'), 'orders ');
    assert.equal(tableOf('SELECT 1'), '');
  });
});
