/** Runs the MCP server on stdin/stdout until the client closes the stream. Logs go to stderr only. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createFolderSqlAccess } from '../core/pipeline/workspace/queryPlans';
import { createMcpServer, type McpServerOptions } from './server';

export async function serveStdio(options: McpServerOptions): Promise<void> {
  // The embedded PostgreSQL starts on the first SQL tool call, never at server start.
  const planner = options.sql ? undefined : createFolderSqlAccess(options.root, (line) => options.log(`postgres: ${line}`));
  const server = createMcpServer({ ...options, ...(planner ? { sql: planner.sql } : {}) });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  options.log(`MCP server ready on stdio (project ${options.root})`);
  await closed;
  await server.close().catch(() => undefined);
  await planner?.dispose().catch(() => undefined);
}
