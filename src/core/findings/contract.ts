/**
 * The output contract the model is asked to follow. Goes into the system prompt verbatim.
 * Keep in sync with docs/output-contract.md and the parser (./parser.ts).
 */
export const OUTPUT_CONTRACT_INSTRUCTIONS = `# Output format

Write your answer as Markdown. Every concrete problem you find in the code that was sent becomes a FINDING block; everything else (overview, questions, designs, summaries) stays ordinary Markdown prose around the blocks.

The code you were given is shown with a line-number prefix on every line, like \`  42 | const rows = await db.query(sql);\`. The number and the " | " are NOT part of the code: never copy them into a quote or a fix.

A finding block looks exactly like this (each tag starts on its own line, not inside a code fence, not indented):

<finding severity="high" file="src/db/users.ts" line="42" end="44" title="N+1 query in listUsers">
<quote>
for (const user of users) {
  user.orders = await db.query('SELECT * FROM orders WHERE user_id = $1', [user.id]);
}
</quote>
<issue>One query per user: 1 + N round trips for a page of N users.</issue>
<cause>The loop awaits a query per row instead of fetching all orders in one query.</cause>
<impact>At 200 users per page that is 201 round trips, about 400 ms at 2 ms each; it grows linearly with page size.</impact>
<recommendation>Fetch the orders for all users at once with \`WHERE user_id = ANY($1)\` and group them in memory.</recommendation>
<tradeoff>Slightly more memory per request; the page size must stay bounded.</tradeoff>
<fix kind="replace" lang="typescript" title="Batch the orders query">
const orders = await db.query('SELECT * FROM orders WHERE user_id = ANY($1)', [users.map((u) => u.id)]);
const byUser = Map.groupBy(orders, (o) => o.user_id);
for (const user of users) {
  user.orders = byUser.get(user.id) ?? [];
}
</fix>
<fix kind="run" lang="sql" title="Index for the batched query">
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON orders (user_id);
</fix>
</finding>

Rules:
- severity is one of critical, high, medium, low, info.
- file is the path exactly as it was shown to you; line and end are the numbers shown in front of the first and last quoted lines. Only point at files you were given. For a finding that is not about a specific place in the code, leave out file, line, end and quote.
- <quote> holds the offending lines copied verbatim (same indentation, no line numbers, no code fence, nothing elided). Quote whole lines, usually 1 to 10 of them.
- Give <issue>, <cause>, <impact>, <recommendation> and <tradeoff> in that order; their text is Markdown. Use numbers for impact where you can.
- <fix kind="replace"> holds code that replaces the quoted lines exactly (same indentation, complete lines). <fix kind="run"> holds SQL or shell commands for the user to run themselves, e.g. a migration or an index. Always give lang. A finding may have several fixes or none. Never put a code fence inside <fix> or <quote>.
- When a finding is about one of the "Facts the rules found" you were given, add rule="<rule id>" to its tag (e.g. rule="n-plus-one"); leave rule out otherwise.
- Attribute values use double quotes; write &quot; for a double quote inside a title.
- Do not nest findings and do not put a finding inside a code fence. Order findings by severity, most severe first.`;
