/**
 * runRules: parses each file once (tree-sitter for code, the PostgreSQL parser for .sql files
 * and SQL strings), builds the schema model from the workspace's DDL, runs the enabled rules,
 * drops suppressed hits, applies the test-file policy (testFiles.ts) and returns the findings
 * sorted by file and line.
 */
import type { Severity } from '../../findings/types';
import { detectSecrets } from '../../redact';
import { RULES } from '../ruleTable';
import { EMPTY_SCHEMA, buildSchemaModel, type SchemaModel } from '../sql/schemaModel';
import { loadPgParser } from '../sql/pgParser';
import { statementsInCode, statementsOfSqlFile, type SqlStatement } from '../sql/sqlText';
import type { Rule, RuleFinding, RuleReport, RunRulesOptions, SourceFile } from '../types';
import { isSqlFile, languageFor } from './languages';
import { LineIndex, snippetOf } from './lines';
import { editorTrees, parseCode } from './parsers';
import { parseSuppressions } from './suppressions';
import { isTestPath, PROVIDER_SECRET_KINDS, testPolicyOf } from './testFiles';

function enabledRules(options: RunRulesOptions): Rule[] {
  const enabled = options.enabled;
  if (!enabled) {
    return RULES.filter((r) => !r.meta.optIn);
  }
  const set = enabled instanceof Set ? enabled : new Set(enabled as readonly string[]);
  return RULES.filter((r) => set.has(r.meta.id));
}

/** Files the engine reads (code in a known language, or SQL). */
export function isRuleFile(path: string, languageId?: string): boolean {
  return !!languageFor(path, languageId) || isSqlFile(path, languageId);
}

/** Builds the schema model from SQL files (loads the PostgreSQL parser). */
export async function buildSchema(files: readonly SourceFile[]): Promise<SchemaModel> {
  const sql = files.filter((f) => isSqlFile(f.path, f.languageId));
  if (sql.length === 0) {
    return EMPTY_SCHEMA;
  }
  await loadPgParser();
  return buildSchemaModel(sql.map((f) => ({ path: f.path, statements: statementsOfSqlFile(f.text) })));
}

export async function runRules(files: readonly SourceFile[], options: RunRulesOptions = {}): Promise<RuleFinding[]> {
  const rules = enabledRules(options);
  const targets = files.filter((f) => isRuleFile(f.path, f.languageId));
  if (rules.length === 0 || targets.length === 0) {
    return [];
  }
  await loadPgParser();
  const parsedSql = new Map<string, SqlStatement[]>();
  const sqlOf = (f: SourceFile): SqlStatement[] => {
    let s = parsedSql.get(f.path);
    if (!s) {
      s = statementsOfSqlFile(f.text);
      parsedSql.set(f.path, s);
    }
    return s;
  };
  let schema = options.schema;
  if (!schema) {
    const byPath = new Map<string, SourceFile>();
    for (const f of [...(options.schemaFiles ?? []), ...targets]) {
      if (isSqlFile(f.path, f.languageId)) {
        byPath.set(f.path, f);
      }
    }
    schema = buildSchemaModel([...byPath.values()].map((f) => ({ path: f.path, statements: sqlOf(f) })));
  }
  const out: RuleFinding[] = [];
  let done = 0;
  for (const file of targets) {
    if (options.signal?.aborted) {
      throw new Error('Rules run cancelled.');
    }
    out.push(...(await checkFile(file, rules, schema, options, sqlOf)));
    done++;
    options.onFile?.(file.path, done, targets.length);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column ?? 0) - (b.column ?? 0)));
}

async function checkFile(
  file: SourceFile,
  allRules: readonly Rule[],
  schema: SchemaModel,
  options: RunRulesOptions,
  sqlOf: (f: SourceFile) => SqlStatement[],
): Promise<RuleFinding[]> {
  const lines = new LineIndex(file.text);
  const suppressions = parseSuppressions(file.text);
  const found: RuleFinding[] = [];
  const seen = new Set<string>();
  const inTest = !options.includeTests && (file.test ?? isTestPath(file.path));
  const rules = inTest ? allRules.filter((r) => testPolicyOf(r.meta.id).inTests !== 'off') : allRules;
  /** In a test file, a 'provider-secrets' rule keeps only text hits where the detector saw a provider key format. */
  let providerStarts: Set<number> | undefined;
  const keptInTest = (rule: Rule, r: RuleReport): boolean => {
    if (!inTest || testPolicyOf(rule.meta.id).inTests !== 'provider-secrets') {
      return true;
    }
    providerStarts ??= new Set(detectSecrets(file.text).filter((h) => PROVIDER_SECRET_KINDS.has(h.kind)).map((h) => h.start));
    return !r.node && r.start !== undefined && providerStarts.has(r.start);
  };
  /** Hooks that run as elsewhere: in a test file, only the rules whose policy is 'run' (the others report from their text hook). */
  const runsFully = (rule: Rule): boolean => !inTest || testPolicyOf(rule.meta.id).inTests === 'run';
  const reporter = (rule: Rule) => (r: RuleReport) => {
    if (!keptInTest(rule, r)) {
      return;
    }
    const severity: Severity = options.severity?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    let line: number, endLine: number, column: number, endColumn: number;
    if (r.node) {
      line = r.node.startPosition.row + 1;
      column = r.node.startPosition.column + 1;
      endLine = r.node.endPosition.row + 1;
      endColumn = r.node.endPosition.column + 1;
    } else {
      const s = lines.position(r.start ?? 0);
      const e = lines.position(Math.max(r.start ?? 0, (r.end ?? r.start ?? 0) - 1));
      line = s.line;
      column = s.column;
      endLine = e.line;
      endColumn = e.column + 1;
    }
    const key = `${rule.meta.id}:${line}`;
    if (seen.has(key) || suppressions.isSuppressed(rule.meta.id, line)) {
      return;
    }
    seen.add(key);
    found.push({
      ruleId: rule.meta.id,
      category: rule.meta.id,
      severity,
      file: file.path,
      line,
      endLine,
      column,
      endColumn,
      message: r.message,
      snippet: r.snippet ?? snippetOf(lines, line, endLine),
      ...(r.fix ? { fix: r.fix } : {}),
    });
  };
  for (const rule of rules) {
    rule.checkText?.({ path: file.path, text: file.text, report: reporter(rule) });
  }
  const spec = languageFor(file.path, file.languageId);
  if (spec) {
    const handle = await parseCode(spec, file.path, file.text, options.wasmDir, options.reuseTrees ? editorTrees : undefined);
    try {
      const codeRules = rules.filter((r) => r.checkCode && runsFully(r));
      for (const rule of codeRules) {
        rule.checkCode!({ file: handle.file, schema, report: reporter(rule) });
      }
      const sqlRules = rules.filter((r) => r.checkSql && runsFully(r));
      if (sqlRules.length > 0) {
        const statements = statementsInCode(handle.file);
        if (statements.length > 0) {
          for (const rule of sqlRules) {
            rule.checkSql!({ path: file.path, text: file.text, statements, isSqlFile: false, schema, code: handle.file, report: reporter(rule) });
          }
        }
      }
    } finally {
      handle.dispose();
    }
  } else if (isSqlFile(file.path, file.languageId)) {
    const statements = sqlOf(file);
    for (const rule of rules.filter(runsFully)) {
      rule.checkSql?.({ path: file.path, text: file.text, statements, isSqlFile: true, schema, report: reporter(rule) });
    }
  }
  return found;
}
