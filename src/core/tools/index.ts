/**
 * The tool table: every tool the architect can call, in the order the model sees them (stable:
 * the list is part of the prompt-cache prefix). package.json's contributes.languageModelTools is
 * checked against the LM tools built on these (test/unit/tools/toolTable.test.ts).
 */
import type { ModelToolCall, ModelToolSpec } from '../model/modelClient';
import type { ToolRunner, ToolRunOutcome } from '../model/toolLoop';
import { findInWorkspaceTool } from './findInWorkspace';
import { checkToolInput } from './inputCheck';
import { readFileTool } from './readFile';
import { runRulesTool } from './runRules';
import { checkSqlFixTool, explainQueryTool, schemaTool } from './sqlTools';
import type { ToolContext, ToolDefinition, ToolResult } from './types';

export type { ToolContext, ToolDefinition, ToolResult, ToolFact, WorkspaceAccess, RulesAccess, SqlAccess, JsonSchema } from './types';
export { createWorkspaceAccess, type WorkspaceAccessOptions } from './workspaceFiles';

export const TOOL_TABLE: readonly ToolDefinition[] = [readFileTool, findInWorkspaceTool, runRulesTool, explainQueryTool, checkSqlFixTool, schemaTool];

export function findTool(name: string): ToolDefinition | undefined {
  return TOOL_TABLE.find((t) => t.name === name);
}

/** The tools a context can serve: a tool that needs the rules engine or Postgres is left out without it. */
export function availableTools(ctx: ToolContext, tools: readonly ToolDefinition[] = TOOL_TABLE): ToolDefinition[] {
  return tools.filter((t) => (t.needs === 'rules' ? ctx.rules !== undefined : t.needs === 'sql' ? ctx.sql !== undefined : true));
}

export function toolSpecs(tools: readonly ToolDefinition[]): ModelToolSpec[] {
  return tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema as unknown as Record<string, unknown> }));
}

/** The outcome's detail: the tool's full result (files read, facts) for the notes and the renderer. */
export interface ToolCallDetail {
  readonly tool: string;
  readonly result: ToolResult;
}

/** Runs one call: checks the input against the schema, then the tool; failures become error results. */
export async function runTool(tool: ToolDefinition, input: unknown, ctx: ToolContext, signal: AbortSignal): Promise<ToolResult> {
  const checked = checkToolInput(tool.inputSchema, input);
  if ('error' in checked) {
    return { isError: true, content: `Not run: ${checked.error}. Call ${tool.name} again with input matching its schema.`, summary: `${tool.name}: bad input (${checked.error})` };
  }
  try {
    return await tool.run(checked.value, ctx, signal);
  } catch (err) {
    if (signal.aborted) {
      throw err;
    }
    const message = (err as Error)?.message ?? String(err);
    return { isError: true, content: `${tool.name} failed: ${message}`, summary: `${tool.name} failed: ${message}` };
  }
}

/** The progress line for a call, or a generic one when its input does not check. */
export function progressOf(call: ModelToolCall, ctx: ToolContext): string {
  const tool = findTool(call.name);
  if (!tool || call.inputError !== undefined) {
    return `Calling ${call.name}…`;
  }
  const checked = checkToolInput(tool.inputSchema, call.input);
  return 'error' in checked ? `Calling ${call.name}…` : tool.progress(checked.value, ctx);
}

/** A ToolRunner for the tool loop over the given tools and context. */
export function createToolRunner(ctx: ToolContext, tools: readonly ToolDefinition[] = availableTools(ctx)): ToolRunner<ToolCallDetail> {
  return {
    specs: toolSpecs(tools),
    async run(call, signal): Promise<ToolRunOutcome<ToolCallDetail>> {
      const tool = tools.find((t) => t.name === call.name);
      if (!tool) {
        return { isError: true, content: `Unknown tool "${call.name}".` };
      }
      const result = await runTool(tool, call.input, ctx, signal);
      return { content: result.content, isError: result.isError, detail: { tool: tool.name, result } };
    },
  };
}

/** The first line of the tool guidance block. */
const TOOL_GUIDANCE_HEADING = '# Tools\n\n';

/** Whether a system block is the tool guidance (dropped when a model is asked again without tools). */
export function isToolGuidance(block: { readonly text: string }): boolean {
  return block.text.startsWith(TOOL_GUIDANCE_HEADING);
}

/** What the model is told about its tools (a system block after the task instructions). */
export function toolGuidance(tools: readonly ToolDefinition[]): string {
  if (tools.length === 0) {
    return '';
  }
  return (
    TOOL_GUIDANCE_HEADING +
    `You can call these tools while you answer: ${tools.map((t) => t.name).join(', ')}. ` +
    'Use them the way a senior engineer opens a terminal: read the file that defines a table or calls a function, ' +
    'run the rules on code you were not given, explain a query on the embedded Postgres before and after your fix. ' +
    'Call tools before you write findings; a handful of calls is plenty. Tool results are measurements you may cite. ' +
    'When a finding rests on a tool result, add measured="<tool name>" to its <finding> tag (e.g. measured="explain_query"). ' +
    'Files you read with read_file count as code you were given: cite them by path and line. ' +
    'Never claim to have run anything the tools did not run. A refused or failed call is not evidence.'
  );
}
