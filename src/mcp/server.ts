/**
 * The Architect Personas MCP server: `review` plus the core tools of src/core/tools that make
 * sense to another agent (run_rules, explain_query, check_sql_fix, schema — the agent reads
 * files itself), each with its JSON input schema. Every tool checks its input against the
 * schema before it runs; a failure is an error result with the reason, never a crash.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { availableTools, createWorkspaceAccess, runTool, TOOL_TABLE, type ToolContext, type ToolDefinition } from '../core/tools';
import { checkToolInput } from '../core/tools/inputCheck';
import { createRulesAccess } from '../core/tools/engines';
import type { LoadProgress } from '../core/sql';
import { REVIEW_TOOL_NAME, reviewToolDescription, reviewToolSchema, runReviewTool, type McpEnvironment } from './reviewTool';
import type { SqlLoadGate } from './sqlLoadGate';

/** The table tools the server offers, by name (read_file and find_in_workspace stay with the agent). */
export const MCP_TABLE_TOOLS: readonly string[] = ['run_rules', 'explain_query', 'check_sql_fix', 'schema'];

export interface McpServerOptions extends McpEnvironment {
  /** The embedded Postgres for the SQL tools; absent: those tools are not listed. */
  readonly sql?: ToolContext['sql'];
  /** The schema load the SQL tools wait for, with progress and a "still loading" answer (sqlLoadGate.ts). */
  readonly sqlLoad?: SqlLoadGate;
}

export function mcpToolContext(options: McpServerOptions): ToolContext {
  return {
    files: createWorkspaceAccess({ root: options.root }),
    maxFileChars: 240_000,
    redactSecrets: true,
    rules: createRulesAccess({ root: options.root }),
    ...(options.sql ? { sql: options.sql } : {}),
  };
}

export function createMcpServer(options: McpServerOptions): Server {
  const ctx = mcpToolContext(options);
  const tableTools: ToolDefinition[] = availableTools(ctx, TOOL_TABLE.filter((t) => MCP_TABLE_TOOLS.includes(t.name)));
  const server = new Server({ name: 'architect-personas', version: options.version }, { capabilities: { tools: {} } });

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [
      { name: REVIEW_TOOL_NAME, description: reviewToolDescription, inputSchema: reviewToolSchema as never },
      ...tableTools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema as never })),
    ],
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name } = request.params;
    const input = request.params.arguments ?? {};
    try {
      if (name === REVIEW_TOOL_NAME) {
        const checked = checkToolInput(reviewToolSchema, input);
        if ('error' in checked) {
          return { content: [{ type: 'text', text: `Not run: ${checked.error}.` }], isError: true };
        }
        const answer = await runReviewTool(checked.value, options, extra.signal);
        return { content: [{ type: 'text', text: answer.text }], ...(answer.isError ? { isError: true } : {}) };
      }
      const tool = tableTools.find((t) => t.name === name);
      if (!tool) {
        return { content: [{ type: 'text', text: `Unknown tool "${name}". Tools: ${[REVIEW_TOOL_NAME, ...tableTools.map((t) => t.name)].join(', ')}.` }], isError: true };
      }
      const checked = options.sqlLoad ? checkToolInput(tool.inputSchema, input) : undefined;
      if (options.sqlLoad && checked && 'value' in checked) {
        const token = request.params._meta?.progressToken;
        const notify =
          token === undefined
            ? undefined
            : (p: LoadProgress) =>
                void extra
                  .sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: p.step, ...(p.total !== undefined ? { total: p.total } : {}), message: p.message } })
                  .catch(() => undefined);
        const stillLoading = await options.sqlLoad.before(name, checked.value, notify, extra.signal);
        if (stillLoading) {
          return { content: [{ type: 'text', text: stillLoading }], isError: true };
        }
      }
      const result = await runTool(tool, input, ctx, extra.signal);
      return { content: [{ type: 'text', text: result.content }], ...(result.isError ? { isError: true } : {}) };
    } catch (err) {
      options.log(`${name} failed: ${(err as Error)?.message ?? String(err)}`);
      return { content: [{ type: 'text', text: `${name} failed: ${(err as Error)?.message ?? String(err)}` }], isError: true };
    }
  });
  return server;
}
