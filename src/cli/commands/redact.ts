/**
 * `architect-personas redact [file|-] [--format text|json] [--max-tokens N]`: prints exactly
 * what would be sent to the model from a file (or standard input): every secret replaced by a
 * placeholder, then cut to the context budget as the extension does. Text format: the sent text
 * on stdout, the summary on stderr; JSON: the text, the window and where each placeholder is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countLines } from '../../core/context/lineNumbers';
import { describeRedactions, describeWindow, previewSent } from '../../core/redact/sentPreview';
import type { CliCommand } from '../commandTable';
import { EXIT, type ExitCode } from '../exitCodes';
import { UsageError, type CliIo } from '../io';
import { parseCommandArgs } from '../args';

export const REDACT_USAGE = `Usage: architect-personas redact [file|-] [options]

Prints what Architect Personas would send to the model from a file, or from standard input
when the file is - or missing: every secret (provider tokens, private keys, JWTs, passwords in
URLs and connection strings, generic secret assignments) replaced by [REDACTED:<kind>], then cut
to the context budget. Nothing is sent anywhere.

Options:
  --format <text|json>   text: the sent text on stdout, a summary on stderr (default)
                         json: {path, totalLines, firstLine, lastLine, truncated, redactions, placeholders, text}
  --max-tokens <n>       Context budget in tokens, 4 characters each (default 60000, as the extension)
  --lines <a-b>          Send only these 1-based lines, as for a selection

Exit codes: 0 it ran, 2 usage error or unreadable file.
`;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parse(argv: readonly string[]) {
  const parsed = parseCommandArgs('redact', argv, { format: { type: 'string', default: 'text' }, 'max-tokens': { type: 'string' }, lines: { type: 'string' }, help: { type: 'boolean', default: false } });
  const v = parsed.values;
  if (v.format !== 'text' && v.format !== 'json') {
    throw new UsageError(`--format must be text or json, not '${v.format}'.`);
  }
  if (parsed.positionals.length > 1) {
    throw new UsageError('give one file (or - for standard input).');
  }
  const maxTokens = v['max-tokens'] === undefined ? 60_000 : Number(v['max-tokens']);
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new UsageError(`--max-tokens must be a positive whole number, not '${v['max-tokens']}'.`);
  }
  let selection: { startLine: number; endLine: number } | undefined;
  if (v.lines !== undefined) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(v.lines);
    if (!m || Number(m[1]) < 1 || (m[2] !== undefined && Number(m[2]) < Number(m[1]))) {
      throw new UsageError(`--lines must look like 12-40 (1-based, inclusive), not '${v.lines}'.`);
    }
    selection = { startLine: Number(m[1]), endLine: Number(m[2] ?? m[1]) };
  }
  return { file: parsed.positionals[0], format: v.format, maxTokens, selection, help: v.help };
}

export const redactCommand: CliCommand = {
  name: 'redact',
  summary: 'Print what would be sent from a file or stdin: secrets replaced, cut to the budget',
  usage: REDACT_USAGE,
  async run(io: CliIo): Promise<ExitCode> {
    const o = parse(io.argv);
    if (o.help) {
      io.stdout.write(REDACT_USAGE);
      return EXIT.ok;
    }
    let text: string;
    let shown: string;
    if (o.file === undefined || o.file === '-') {
      text = await readStdin(io.stdin);
      shown = '<stdin>';
    } else {
      const full = path.resolve(io.cwd, o.file);
      try {
        text = fs.readFileSync(full, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read ${o.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
      }
      shown = path.relative(io.cwd, full).split(path.sep).join('/') || o.file;
    }
    const preview = previewSent(
      { path: shown, uri: shown, languageId: 'plaintext', text, selection: o.selection, selectionOnly: o.selection !== undefined },
      { maxChars: o.maxTokens * 4, redactSecrets: true },
    );
    const total = countLines(text);
    if (o.format === 'json') {
      const f = preview.file;
      const json = {
        path: shown,
        totalLines: total,
        firstLine: f?.firstLine ?? null,
        lastLine: f ? f.firstLine + countLines(f.text) - 1 : null,
        truncated: f?.truncationNote !== undefined,
        ...(f?.truncationNote ? { truncationNote: f.truncationNote } : {}),
        redactions: preview.redactions,
        placeholders: preview.marks.map((m) => ({ ...m, line: m.line + (f?.firstLine ?? 1) - 1 })),
        notices: preview.notices.map((n) => n.message),
        text: f?.text ?? null,
      };
      io.stdout.write(JSON.stringify(json, null, 2) + '\n');
      return EXIT.ok;
    }
    if (!preview.file) {
      io.stderr.write(`${preview.notices.map((n) => n.message).join('\n') || 'nothing would be sent'}\n`);
      return EXIT.ok;
    }
    io.stdout.write(preview.file.text.endsWith('\n') ? preview.file.text : preview.file.text + '\n');
    io.stderr.write(`${shown}: ${describeWindow(preview.file, total)} would be sent; ${describeRedactions(preview.redactions)}.\n`);
    return EXIT.ok;
  },
};
