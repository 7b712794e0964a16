/**
 * find_in_workspace: text or symbol search over the workspace's files, bounded (files scanned,
 * bytes per file, results, characters per line) so a large repository answers in a second.
 * Ignored and secret-looking files are never searched; redaction applies to the lines returned.
 */
import { redact } from '../redact';
import type { ToolDefinition } from './types';

const MAX_FILES = 3000;
const MAX_FILE_CHARS = 1_000_000;
const MAX_LINE_CHARS = 200;
const DEFAULT_RESULTS = 40;

export const findInWorkspaceTool: ToolDefinition = {
  name: 'find_in_workspace',
  description:
    'Search the workspace. kind "text" finds lines containing the query (case-insensitive); kind "symbol" finds where a ' +
    'function, class, type, constant or SQL table/index with that name is defined. Returns path:line matches; ' +
    'read_file shows more. Use it to find the definition of a table or the callers of a function.',
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', minLength: 1, maxLength: 200, description: 'Text to find, or the symbol name' },
      kind: { type: 'string', enum: ['text', 'symbol'], description: 'Default "text".' },
      path: { type: 'string', maxLength: 1000, description: 'Only search under this workspace-relative folder.' },
      maxResults: { type: 'integer', minimum: 1, maximum: 200, description: `Default ${DEFAULT_RESULTS}.` },
    },
    required: ['query'],
    additionalProperties: false,
  },
  progress: (input) => `Searching the workspace for ${input.kind === 'symbol' ? 'the definition of ' : ''}“${String(input.query)}”…`,
  async run(input, ctx, signal) {
    const query = String(input.query);
    const symbol = input.kind === 'symbol';
    const limit = typeof input.maxResults === 'number' ? input.maxResults : DEFAULT_RESULTS;
    const under = typeof input.path === 'string' ? input.path : undefined;
    const { files, truncated: manyFiles } = await ctx.files.list({ under, limit: MAX_FILES }, signal);
    const matcher = symbol ? definitionMatcher(query) : textMatcher(query);
    const hits: string[] = [];
    let more = false;
    for (const path of files) {
      if (signal.aborted || more) {
        break;
      }
      const read = await ctx.files.read(path, signal, { listed: true });
      if ('refused' in read || read.text.length > MAX_FILE_CHARS) {
        continue;
      }
      const lines = read.text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (matcher(lines[i])) {
          if (hits.length >= limit) {
            more = true;
            break;
          }
          let line = lines[i].trim();
          if (ctx.redactSecrets) {
            line = redact(line).text;
          }
          hits.push(`${path}:${i + 1}: ${line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line}`);
        }
      }
    }
    const where = under ? ` under ${under}` : '';
    if (hits.length === 0) {
      return {
        content: `No ${symbol ? 'definition of' : 'line containing'} "${query}" found in ${files.length} files${where}.`,
        summary: `Searched ${files.length} files${where} for “${query}”: nothing found`,
      };
    }
    const notes = [more ? `(more matches exist; showing the first ${limit})` : '', manyFiles ? `(only the first ${MAX_FILES} files were searched)` : ''].filter(Boolean);
    return {
      content: `${hits.join('\n')}${notes.length ? `\n${notes.join('\n')}` : ''}`,
      summary: `Searched ${files.length} files${where} for “${query}”: ${hits.length}${more ? '+' : ''} matches`,
    };
  },
};

function textMatcher(query: string): (line: string) => boolean {
  const q = query.toLowerCase();
  return (line) => line.toLowerCase().includes(q);
}

/** Lines that define `name`: declarations in the usual backend languages and SQL DDL. */
function definitionMatcher(name: string): (line: string) => boolean {
  const id = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    [
      `\\b(?:function|class|interface|type|enum|struct|trait|def|fn|func|module|namespace)\\s+\\*?${id}\\b`,
      `\\b(?:const|let|var|val)\\s+${id}\\s*[:=]`,
      `\\bfunc\\s+\\([^)]*\\)\\s*${id}\\b`,
      `\\bcreate\\s+(?:unique\\s+)?(?:table|view|materialized\\s+view|index|type|function|procedure|trigger)\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?(?:"?\\w+"?\\.)?"?${id}"?(?:\\s|\\(|$)`,
      `^\\s*(?:export\\s+)?(?:async\\s+)?(?:public|private|protected|static|\\s)*${id}\\s*\\([^)]*\\)\\s*[:{]`,
    ].join('|'),
    'i',
  );
  return (line) => line.length < 2000 && re.test(line);
}
