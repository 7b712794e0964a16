import type * as vscode from 'vscode';
import type { SentFile } from '../../core/context/sentFile';
import type { VerifiedFinding } from '../../core/findings/verify';
import type { GroundingSection } from '../../core/prompt/promptBuilder';
import { codeBlock } from '../../core/render/renderFinding';
import { extractSqlQueries, formatFixCheck, formatPlanReport, parseScale, type ExplainOptions } from '../../core/sql';
import type { Log } from '../common/log';
import { chatScaleCurve } from './chatScaleCurve';
import { readQueryPlanSettings, type QueryPlanService } from './queryPlanService';

const PLANNED_COMMANDS = new Set(['optimize', 'scale']);
const MAX_QUERIES = 4;
const SQL_FIX_LANGUAGES = /^(sql|pgsql|postgres(ql)?|psql|plpgsql)$/i;
const CHECK_TIMEOUT_MS = 90_000;

export interface QueryPlanGrounding {
  readonly sections: GroundingSection[];
  /** Lines for the chat (and the log): the schema status, what was measured. */
  readonly notes: string[];
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

/**
 * The chat's use of the embedded database: `/optimize` and `/scale` send the plans of the queries
 * in the code as measured facts, and an SQL fix in an answer is checked before and after.
 */
export class ChatQueryPlans {
  constructor(
    private readonly service: QueryPlanService,
    private readonly log: Log,
  ) {}

  private scaleOf(prompt: string): ExplainOptions {
    const scale = parseScale(prompt);
    return scale ? this.service.scaleOptions(scale.rows, scale.table) : {};
  }

  /** Plans of the queries in the sent code, for /optimize and /scale; nothing for other commands. */
  async grounding(command: string | undefined, files: readonly SentFile[], prompt: string, token: vscode.CancellationToken): Promise<QueryPlanGrounding> {
    if (!command || !PLANNED_COMMANDS.has(command) || files.length === 0 || !readQueryPlanSettings().enabled) {
      return { sections: [], notes: [] };
    }
    const queries = files.flatMap((f) => extractSqlQueries(f.text, f.languageId).map((q) => ({ ...q, file: f }))).slice(0, MAX_QUERIES);
    if (queries.length === 0) {
      return { sections: [], notes: [] };
    }
    const root = this.service.rootFor(files[0].uri);
    if (!root) {
      return { sections: [], notes: [] };
    }
    if (!(await this.service.hasSchema(root))) {
      return { sections: [], notes: ['No schema found in this workspace, so no query plans were measured (set `architectPersonas.queryPlans.schemaPath` to your migrations).'] };
    }
    try {
      const planner = this.service.plannerFor(root);
      const status = await withTimeout(planner.schemaStatus(), CHECK_TIMEOUT_MS, 'loading the schema');
      if (!status.ok) {
        return { sections: [], notes: [`${status.summary}: no query plans (set architectPersonas.queryPlans.schemaPath to your migrations)`] };
      }
      const scale = this.scaleOf(prompt);
      const parts: string[] = [`${status.summary}. Plans measured with EXPLAIN (ANALYZE, BUFFERS) on an embedded PostgreSQL holding this schema and synthetic data (not the user's database).`];
      let planned = 0;
      for (const q of queries) {
        if (token.isCancellationRequested) {
          break;
        }
        const report = await withTimeout(planner.explain(q.sql, scale), CHECK_TIMEOUT_MS, 'the plan');
        const line = q.file.firstLine + q.line - 1;
        parts.push(`Query at ${q.file.path}:${line}:\n${codeBlock(q.sql, 'sql')}${codeBlock(formatPlanReport(report), 'text')}`);
        planned += report.ok ? 1 : 0;
      }
      const notes = [`${status.summary}; ${planned} of ${queries.length} quer${queries.length === 1 ? 'y' : 'ies'} explained on embedded PostgreSQL with synthetic data`];
      this.log.info(`[query plans] ${notes[0]}`);
      // /scale naming a scale ("at 10M orders"): the first query's scale curve, as a table in the chat and a fact for the model.
      const curve = command === 'scale' && !token.isCancellationRequested ? await chatScaleCurve(planner, queries[0].sql, prompt, this.log) : undefined;
      if (curve) {
        parts.push(`Scale curve of the query at ${queries[0].file.path}:${queries[0].file.firstLine + queries[0].line - 1}:\n${curve}`);
        notes.push(curve.split('\n').join('\n> '));
      }
      return { sections: [{ title: 'Query plans (embedded PostgreSQL, synthetic data)', body: parts.join('\n\n') }], notes };
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      this.log.warn(`[query plans] no plans for the prompt: ${message}`);
      return { sections: [], notes: [`Query plans not measured: ${message}`] };
    }
  }

  /**
   * For a finding with an SQL fix: the fix applied on the embedded copy (rolled back) and the
   * plan of the finding's query before and after, as Markdown to show under the fix.
   */
  checkFixes(prompt: string): (v: VerifiedFinding) => Promise<string | undefined> | undefined {
    const scale = this.scaleOf(prompt);
    return (v) => {
      if (!readQueryPlanSettings().enabled) {
        return undefined;
      }
      const fixes = v.finding.fixes.filter((f) => SQL_FIX_LANGUAGES.test(f.language) && f.content.trim() !== '');
      if (fixes.length === 0) {
        return undefined;
      }
      const language = v.file?.languageId;
      const query =
        (v.finding.quote !== undefined ? extractSqlQueries(v.finding.quote, language)[0]?.sql : undefined) ??
        fixes.map((f) => extractSqlQueries(f.content, 'sql')[0]?.sql).find((q) => q !== undefined);
      const root = this.service.rootFor(v.location?.uri ?? v.file?.uri);
      if (!query || !root) {
        return undefined;
      }
      return this.check(root, query, fixes[0].content, scale);
    };
  }

  private async check(root: string, query: string, fix: string, scale: ExplainOptions): Promise<string | undefined> {
    try {
      if (!(await this.service.hasSchema(root))) {
        this.log.info('[query plans] fix not checked: no schema in the workspace');
        return undefined;
      }
      const planner = this.service.plannerFor(root);
      const status = await withTimeout(planner.schemaStatus(), CHECK_TIMEOUT_MS, 'loading the schema');
      if (!status.ok) {
        return `> _Fix not checked: ${status.summary.toLowerCase()} in this workspace (set \`architectPersonas.queryPlans.schemaPath\`)._\n\n`;
      }
      const c = await withTimeout(planner.checkFix(query, fix, scale), CHECK_TIMEOUT_MS, 'the fix check');
      this.log.info(`[query plans] fix checked: ${c.headline}`);
      const icon = c.verdict === 'faster' ? '✅' : c.verdict === 'fix-failed' || c.verdict === 'query-failed' ? '❌' : 'ℹ️';
      return `${icon} **${c.headline}**\n\n${codeBlock(formatFixCheck(c), 'text')}\n_${status.summary}._\n\n`;
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      this.log.warn(`[query plans] fix check failed: ${message}`);
      return `> _Fix not checked on embedded PostgreSQL: ${message}._\n\n`;
    }
  }
}

