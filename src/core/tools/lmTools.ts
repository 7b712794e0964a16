/**
 * The tools this extension offers to OTHER agents (Copilot's agent mode, any chat participant)
 * through VS Code's language-model tools API. package.json's contributes.languageModelTools is
 * checked against this table (test/unit/tools/toolTable.test.ts); src/vscode/tools registers them.
 */
import { explainQueryTool } from './sqlTools';
import { runRulesTool } from './runRules';
import type { JsonSchema } from './types';

export interface LmToolMeta {
  readonly name: string;
  readonly displayName: string;
  readonly toolReferenceName: string;
  readonly userDescription: string;
  readonly modelDescription: string;
  readonly inputSchema: JsonSchema & { readonly type: 'object' };
  readonly tags: readonly string[];
}

export const LM_TOOL_TABLE: readonly LmToolMeta[] = [
  {
    name: 'architect_review',
    displayName: 'Architect Review',
    toolReferenceName: 'architectReview',
    userDescription: 'A seasoned backend architect reviews a file or a line range and returns findings.',
    modelDescription:
      'Ask a seasoned backend architect persona (Architect Personas extension) to review a workspace file or a line range of it. ' +
      'Returns findings with severity, file:line, issue, root cause, impact, recommendation, trade-off and fixes, grounded by the ' +
      'deterministic rules engine where it applies. Use it for architecture, scaling, query performance, infrastructure or debugging reviews ' +
      'of backend code. Optionally give a focus command (design, scale, optimize, infra, debug) and a question.',
    inputSchema: {
      type: 'object',
      properties: {
        path: { type: 'string', minLength: 1, description: 'Workspace-relative path of the file to review, e.g. src/db/users.ts' },
        startLine: { type: 'integer', minimum: 1, description: 'First line of the range to review (1-based). Default: the whole file.' },
        endLine: { type: 'integer', minimum: 1, description: 'Last line of the range (inclusive).' },
        command: { type: 'string', enum: ['design', 'scale', 'optimize', 'infra', 'debug'], description: 'Focus of the review. Default: a general review.' },
        question: { type: 'string', description: 'What to look at, e.g. "why is this slow under load?"' },
      },
      required: ['path'],
      additionalProperties: false,
    },
    tags: ['architecture', 'review', 'backend'],
  },
  {
    name: 'architect_rules',
    displayName: 'Architect Rules',
    toolReferenceName: 'architectRules',
    userDescription: 'Run the deterministic backend rules (SQL injection, N+1, missing indexes…) on a file or folder.',
    modelDescription: runRulesTool.description,
    inputSchema: runRulesTool.inputSchema,
    tags: ['architecture', 'lint', 'backend'],
  },
  {
    name: 'architect_explain_query',
    displayName: 'Architect Explain Query',
    toolReferenceName: 'architectExplainQuery',
    userDescription: 'EXPLAIN ANALYZE a SQL query on an embedded Postgres loaded with the workspace schema and synthetic data.',
    modelDescription: explainQueryTool.description,
    inputSchema: explainQueryTool.inputSchema,
    tags: ['sql', 'postgres', 'performance'],
  },
];
