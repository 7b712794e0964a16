/** Runs the MCP server on stdin/stdout until the client closes the stream. Logs go to stderr only. */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createFolderSqlAccess, snapshotCacheDir } from '../core/pipeline/workspace/queryPlans';
import { createMcpServer, type McpServerOptions } from './server';
import { loadWaitMs, SqlLoadGate } from './sqlLoadGate';

export async function serveStdio(options: McpServerOptions): Promise<void> {
  // The embedded PostgreSQL starts on the first SQL tool call, never at server start; the
  // loaded schema is saved as a snapshot at once, and the next server starts from it.
  const gate = new SqlLoadGate(loadWaitMs(options.env));
  const planner = options.sql
    ? undefined
    : createFolderSqlAccess(options.root, (line) => options.log(`postgres: ${line}`), {
        cacheDir: snapshotCacheDir(options.env),
        progress: (p) => {
          gate.report(p);
          if (p.phase === 'ready') {
            options.log(`postgres: ${p.message}`);
          }
        },
      });
  if (planner) {
    gate.attach(planner.planner, planner.sql.defaultRows);
  }
  const server = createMcpServer({ ...options, ...(planner ? { sql: planner.sql, sqlLoad: gate } : {}) });
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
