/**
 * run_rules: the deterministic rules engine (src/core/rules) on a file or a folder of the
 * workspace — the same checks the extension runs on attached code, here on code the model
 * wants to look at. Files are read with the same access rules as read_file; a folder's files
 * are those of the file set `rules` reads (src/core/fileSet: the rule languages and .sql, the
 * default excludes applied below the folder named).
 */
import { excludedReason } from '../fileSet/defaultExcludes';
import { isRuleFile } from '../rules/engine/runner';
import type { ToolDefinition, ToolFact } from './types';

const MAX_FILES = 200;
/** Files listed before the file-set filter (a folder's listing includes other languages). */
const MAX_LISTED = 20_000;
const MAX_FINDINGS = 60;

export const runRulesTool: ToolDefinition = {
  name: 'run_rules',
  description:
    'Run the deterministic rules engine (real parsers: SQL injection, N+1 queries, missing indexes, unbounded queries, ' +
    'hardcoded credentials, …) on a workspace file or folder. Returns rule findings as path:line [severity] rule: message. ' +
    'These are measured facts: build findings on them.',
  inputSchema: {
    type: 'object',
    properties: {
      path: { type: 'string', minLength: 1, maxLength: 1000, description: 'Workspace-relative file or folder, e.g. src/db' },
    },
    required: ['path'],
    additionalProperties: false,
  },
  needs: 'rules',
  progress: (input) => `Running the rules on ${String(input.path)}…`,
  async run(input, ctx, signal) {
    const path = String(input.path);
    const rules = ctx.rules;
    if (!rules) {
      return notAvailable(path);
    }
    const direct = await ctx.files.read(path, signal);
    let sources: { path: string; text: string; languageId: string }[];
    let truncated = false;
    if (!('refused' in direct)) {
      sources = [direct];
    } else {
      const listed = await ctx.files.list({ under: path, limit: MAX_LISTED }, signal);
      if (listed.files.length === 0) {
        return { isError: true, content: `Not run: ${direct.refused}`, summary: `Rules not run on ${path}: ${direct.refused}` };
      }
      const prefix = path.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
      const inSet = listed.files.filter((f) => isRuleFile(f) && !excludedReason(prefix && f.startsWith(`${prefix}/`) ? f.slice(prefix.length + 1) : f));
      truncated = listed.truncated || inSet.length > MAX_FILES;
      sources = [];
      for (const f of inSet.slice(0, MAX_FILES)) {
        const read = await ctx.files.read(f, signal, { listed: true });
        if (!('refused' in read)) {
          sources.push(read);
        }
      }
    }
    const findings = await rules.run(sources, signal);
    const shown = findings.slice(0, MAX_FINDINGS);
    const facts: ToolFact[] = shown.map((f) => ({ kind: 'ruleFinding', path: f.file, line: f.line, endLine: f.endLine, ruleId: f.ruleId, message: f.message }));
    const scope = `${sources.length} file${sources.length === 1 ? '' : 's'}${truncated ? ` (first ${MAX_FILES})` : ''}`;
    if (findings.length === 0) {
      return { content: `The rules found nothing in ${scope} under ${path}.`, summary: `Ran the rules on ${path} (${scope}): no findings`, facts };
    }
    const lines = shown.map((f) => `${f.file}:${f.line}${f.endLine > f.line ? `-${f.endLine}` : ''} [${f.severity}] ${f.ruleId}: ${f.message}`);
    if (findings.length > shown.length) {
      lines.push(`(${findings.length - shown.length} more not shown)`);
    }
    return { content: lines.join('\n'), summary: `Ran the rules on ${path} (${scope}): ${findings.length} finding${findings.length === 1 ? '' : 's'}`, facts };
  },
};

function notAvailable(path: string) {
  const why = 'the rules engine is not available in this version of the extension';
  return { isError: true, content: `Not run: ${why}. Review the code yourself and do not claim rule results.`, summary: `Rules not run on ${path}: ${why}` };
}
