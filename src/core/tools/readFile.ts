/**
 * read_file: a workspace file (or a line range of it), numbered like the attached code, redacted
 * and within the context budget. The access rules (workspace only, no symlink escape, secrets
 * and git-ignored files refused unless attached, binary refused) are WorkspaceAccess's.
 */
import { buildSentFile } from '../context/contextBuilder';
import { lastLineOf } from '../context/sentFile';
import { formatFileBlock } from '../prompt/promptBuilder';
import type { ToolDefinition } from './types';

export const readFileTool: ToolDefinition = {
  name: 'read_file',
  description:
    'Read a file of the user\'s workspace, e.g. the migration that defines a table or the caller of a function. ' +
    'Lines come numbered ("  42 | code") so findings can cite them. Give a workspace-relative path; ' +
    'optionally a line range for a large file. Secret files (.env, keys, credentials) and git-ignored files are refused.',
  inputSchema: {
    type: 'object',
    properties: {
      path: { type: 'string', minLength: 1, maxLength: 1000, description: 'Workspace-relative path, e.g. db/schema.sql' },
      startLine: { type: 'integer', minimum: 1, description: 'First line to read (1-based). Default 1.' },
      endLine: { type: 'integer', minimum: 1, description: 'Last line to read (inclusive). Default: the end of the file, within the budget.' },
    },
    required: ['path'],
    additionalProperties: false,
  },
  progress: (input) => `Reading ${String(input.path)}${input.startLine ? ` lines ${String(input.startLine)}-${String(input.endLine ?? 'end')}` : ''}…`,
  async run(input, ctx, signal) {
    const path = String(input.path);
    const read = await ctx.files.read(path, signal);
    if ('refused' in read) {
      return { isError: true, content: `Not read: ${read.refused}`, summary: `Refused to read ${path}: ${read.refused}` };
    }
    const totalLines = read.text.split('\n').length;
    const startLine = Math.min(typeof input.startLine === 'number' ? input.startLine : 1, totalLines);
    const endLine = Math.max(startLine, Math.min(typeof input.endLine === 'number' ? input.endLine : totalLines, totalLines));
    const ranged = startLine > 1 || endLine < totalLines;
    const built = buildSentFile(
      {
        path: read.path,
        uri: read.uri,
        languageId: read.languageId,
        text: read.text,
        ...(ranged ? { selection: { startLine, endLine }, selectionOnly: true } : {}),
      },
      { maxChars: ctx.maxFileChars, redactSecrets: ctx.redactSecrets },
    );
    if (!built.file) {
      const why = built.notices.map((n) => n.message).join(' ') || `${read.path} could not be read.`;
      return { isError: true, content: `Not read: ${why}`, summary: `Could not read ${read.path}: ${why}` };
    }
    const file = built.file;
    const last = lastLineOf(file);
    const notes = built.notices.filter((n) => n.kind === 'truncated' || n.kind === 'redacted').map((n) => n.message);
    return {
      content: `${formatFileBlock(file)}${notes.length > 0 ? `\n(${notes.join(' ')})` : ''}`,
      summary: `Read ${read.path} lines ${file.firstLine}-${last}${notes.some((n) => n.startsWith('Redacted')) ? ' (secrets redacted)' : ''}`,
      sentFiles: [file],
      facts: [{ kind: 'fileRead', path: read.path, startLine: file.firstLine, endLine: last }],
    };
  },
};
