/**
 * `architect-personas rules [paths…] --format json|sarif|text`: the rules engine on the file set
 * (src/core/fileSet) of files or folders, offline. JSON is an array of {file, line, endLine,
 * category, ruleId, severity, message}; exit 0 whenever it ran, whatever it found (unless
 * --fail-on is given). --baseline leaves out the findings a baseline file recorded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEVERITIES, type Severity } from '../../core/findings/types';
import { DEFAULT_RULE_IDS, RULE_TABLE, runRules, type RuleFinding } from '../../core/rules';
import { BaselineError, makeBaseline, newSince, readBaseline, ruleEntries, ruleFingerprints, writeBaseline, type Baseline } from '../../core/baseline/baseline';
import { collectFileSet, excludedSummary, FileSetError, schemaFilesOf, type FileSet } from '../../core/fileSet/fileSet';
import { toSarif } from '../../core/sarif/toSarif';
import type { CliCommand } from '../commandTable';
import { EXIT, type ExitCode } from '../exitCodes';
import { UsageError, type CliIo } from '../io';
import { parseCommandArgs } from '../args';

declare const __CLI_VERSION__: string | undefined;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const RULES_USAGE = `Usage: architect-personas rules [paths…] [options]

Runs the backend rules (${DEFAULT_RULE_IDS.join(', ')})
on the given files and folders (default: the current folder). Offline: no model, no network.
Off unless named with --rule: ${RULE_TABLE.filter((r) => r.optIn).map((r) => r.id).join(', ') || 'none'}.

Options:
  --format <text|json|sarif>   Output format (default text)
  --output <file>              Write the results to a file instead of stdout
  --rule <id>                  Run only this rule (repeatable; also turns on an opt-in rule)
  --disable <id>               Skip this rule (repeatable)
  --root <folder>              Folder paths are reported relative to (default: the
                               current folder)
  --schema <path>              Also build the schema model from the .sql files of this
                               file or folder (repeatable); by default only the .sql files
                               inside the paths make it
  --include-tests              Run every rule in test files too (default: the test-file
                               policy, which keeps only provider-format secrets there)
  --max-files <n>              Read at most n files (default: all; the rest are named)
  --fail-on <severity>         Exit 1 when a finding is at least this severe
                               (critical, high, medium, low, info)
  --baseline <file>            Leave out the findings recorded in <file>: output and
                               --fail-on see only new ones (stable across line moves)
  --write-baseline <file>      Record the findings of this run in <file>
  --list                       List the rules and exit

Exit codes: 0 it ran (whatever it found), 1 findings at or above --fail-on, 2 usage error.
`;

function parse(argv: readonly string[]) {
  const parsed = parseCommandArgs('rules', argv, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    rule: { type: 'string', multiple: true },
    disable: { type: 'string', multiple: true },
    root: { type: 'string' },
    'max-files': { type: 'string' },
    'fail-on': { type: 'string' },
    schema: { type: 'string', multiple: true },
    'include-tests': { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    list: { type: 'boolean', default: false },
  });
  const v = parsed.values;
  const format = v.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${v.format}').`);
  }
  const known = new Set(RULE_TABLE.map((r) => r.id));
  for (const id of [...(v.rule ?? []), ...(v.disable ?? [])]) {
    if (!known.has(id)) {
      throw new UsageError(`unknown rule '${id}'; the rules are ${[...known].join(', ')}.`);
    }
  }
  const failOn = v['fail-on'] as Severity | undefined;
  if (failOn !== undefined && !SEVERITIES.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got '${failOn}').`);
  }
  const maxFiles = v['max-files'] === undefined ? undefined : Number(v['max-files']);
  if (maxFiles !== undefined && (!Number.isInteger(maxFiles) || maxFiles < 1)) {
    throw new UsageError(`--max-files must be a positive whole number (got '${v['max-files']}').`);
  }
  return {
    paths: parsed.positionals,
    format,
    output: v.output,
    rules: v.rule,
    disable: v.disable ?? [],
    root: v.root,
    maxFiles,
    failOn,
    list: v.list ?? false,
    schema: v.schema ?? [],
    includeTests: v['include-tests'] ?? false,
    baseline: v.baseline,
    writeBaseline: v['write-baseline'],
  };
}

export function formatText(findings: readonly RuleFinding[], fileCount: number): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column ?? 1}: ${f.severity} [${f.ruleId}] ${f.message}`);
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const summary =
    findings.length === 0
      ? `No rule findings in ${fileCount} file${fileCount === 1 ? '' : 's'}.`
      : `${findings.length} finding${findings.length === 1 ? '' : 's'} (${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')}) in ${fileCount} file${fileCount === 1 ? '' : 's'}.`;
  return `${[...lines, summary].join('\n')}\n`;
}

export function formatJson(findings: readonly RuleFinding[]): string {
  const rows = findings.map((f) => ({
    file: f.file,
    line: f.line,
    endLine: f.endLine,
    ...(f.column !== undefined ? { column: f.column, endColumn: f.endColumn } : {}),
    category: f.category,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    snippet: f.snippet,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** The file set, with a missing path or an unreadable baseline as a usage error. */
async function usage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof FileSetError || err instanceof BaselineError ? new UsageError(err.message) : err;
  }
}

async function runRulesCommand(io: CliIo): Promise<ExitCode> {
  const o = parse(io.argv);
  if (o.list) {
    io.stdout.write(RULE_TABLE.map((r) => `${r.id.padEnd(22)} ${r.defaultSeverity.padEnd(8)} ${r.summary}${r.optIn ? ' (off by default: --rule ' + r.id + ')' : ''}`).join('\n') + '\n');
    return EXIT.ok;
  }
  const root = path.resolve(io.cwd, o.root ?? '.');
  const baseline: Baseline | undefined = o.baseline ? await usage(() => readBaseline(path.resolve(io.cwd, o.baseline!))) : undefined;
  const scopes = (o.paths.length > 0 ? o.paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const set: FileSet = await usage(() => collectFileSet({ root, scopes, maxFiles: o.maxFiles }));
  for (const s of set.skipped) {
    io.stderr.write(`architect-personas rules: skipped ${s.path} (${s.reason})\n`);
  }
  const excluded = excludedSummary(set);
  if (excluded && o.format === 'text') {
    io.stderr.write(`architect-personas rules: ${excluded}\n`);
  }
  const extraSchema =
    o.schema.length > 0
      ? schemaFilesOf(await usage(() => collectFileSet({ root, scopes: o.schema.map((p) => path.resolve(io.cwd, p)), accept: (p) => p.toLowerCase().endsWith('.sql') })))
      : [];
  const enabled = (o.rules && o.rules.length > 0 ? o.rules : DEFAULT_RULE_IDS).filter((id) => !o.disable.includes(id));
  const all = await runRules(
    set.files.map((f) => ({ path: f.path, text: f.text, test: f.test })),
    { enabled, schemaFiles: [...schemaFilesOf(set), ...extraSchema], includeTests: o.includeTests },
  );
  if (o.writeBaseline) {
    await usage(() => writeBaseline(path.resolve(io.cwd, o.writeBaseline!), makeBaseline(ruleEntries(all))));
    io.stderr.write(`architect-personas rules: ${all.length} finding${all.length === 1 ? '' : 's'} written to the baseline ${o.writeBaseline}\n`);
  }
  const { fresh: findings, known } = baseline ? newSince(all, ruleFingerprints(all), baseline) : { fresh: all, known: 0 };
  const baselineNote = baseline ? `Baseline ${o.baseline}: ${known} known finding${known === 1 ? '' : 's'} left out; only new findings are listed.` : undefined;
  let out: string;
  if (o.format === 'json') {
    out = formatJson(findings);
  } else if (o.format === 'sarif') {
    const sources = new Map(set.files.map((f) => [f.path, f.text]));
    const log = toSarif({
      toolVersion: typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'dev',
      ruleFindings: findings,
      rules: RULE_TABLE,
      sources,
      root,
      notifications: [
        ...set.skipped.map((s) => ({ level: 'warning' as const, message: `Skipped ${s.path}: ${s.reason}` })),
        ...(excluded ? [{ level: 'note' as const, message: excluded }] : []),
        ...(baselineNote ? [{ level: 'note' as const, message: baselineNote }] : []),
      ],
      invocation: { successful: true, exitCode: 0 },
    });
    out = `${JSON.stringify(log, null, 2)}\n`;
  } else {
    out = formatText(findings, set.files.length) + (baselineNote ? `${baselineNote}\n` : '');
  }
  if (baselineNote && o.format === 'json') {
    io.stderr.write(`architect-personas rules: ${baselineNote}\n`);
  }
  if (o.output) {
    await fs.promises.writeFile(path.resolve(io.cwd, o.output), out);
  } else {
    io.stdout.write(out);
  }
  if (o.failOn) {
    const rank = (s: Severity) => SEVERITIES.indexOf(s);
    if (findings.some((f) => rank(f.severity) <= rank(o.failOn!))) {
      return EXIT.findings;
    }
  }
  return EXIT.ok;
}

export const rulesCommand: CliCommand = {
  name: 'rules',
  summary: 'Run the backend rules on files or folders, offline (text, json, sarif)',
  usage: RULES_USAGE,
  run: runRulesCommand,
};
