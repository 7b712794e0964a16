/**
 * Checking a proposed SQL fix on the embedded copy: the fix's statements run inside a
 * transaction that is rolled back (CONCURRENTLY dropped, since it cannot run in one, and said
 * so), then the finding's query is explained again and the two plans are compared.
 */
import { splitStatements } from '../schema/splitStatements';
import { judgePlans, type Judgement } from './planCompare';
import { dataDescription, emptyTablesNote, fmtMs, indexesUsed, planLabel, type PlanReport } from './plans';
import type { PgErrorInfo } from './session';

export interface FixCheck {
  readonly query: string;
  readonly fix: string;
  /** True when every statement of the fix ran. */
  readonly applies: boolean;
  /** The statement Postgres rejected, with its message. */
  readonly error?: PgErrorInfo & { readonly statement: string };
  /** What was changed to run the fix inside the check's transaction. */
  readonly rewrites: readonly string[];
  readonly before: PlanReport;
  readonly after?: PlanReport;
  /** plan-changed: the plan changed but there is no measurable difference. */
  readonly verdict: 'faster' | 'slower' | 'unchanged' | 'plan-changed' | 'fix-failed' | 'query-failed';
  /** How faster/slower was decided: the counters first, timings only when their runs separate. */
  readonly judgement?: Judgement;
  /** One line, e.g. "Checked on embedded PostgreSQL with 100,000 synthetic orders: Seq Scan + Sort 38 ms → Index Scan 0.09 ms". */
  readonly headline: string;
}

export interface PreparedFix {
  /** Statements to run before the query is explained again. */
  readonly ddl: string[];
  /** A SELECT in the fix replaces the finding's query. */
  readonly replacementQuery?: string;
  readonly rewrites: string[];
}

const QUERY = /^\s*\(?\s*(SELECT|WITH|VALUES|TABLE)\b/i;

export function prepareFix(fixSql: string): PreparedFix {
  const ddl: string[] = [];
  const rewrites: string[] = [];
  let replacementQuery: string | undefined;
  for (const s of splitStatements(fixSql)) {
    if (s.meta) {
      continue;
    }
    let text = s.text;
    if (/^(BEGIN|COMMIT|END|START\s+TRANSACTION|ROLLBACK)\b/i.test(text)) {
      continue;
    }
    if (/^VACUUM\b/i.test(text)) {
      rewrites.push('VACUUM left out (it cannot run inside the check\'s transaction); ANALYZE runs instead');
      text = text.replace(/^VACUUM\s*(\([^)]*\))?\s*(FULL\s+|FREEZE\s+|VERBOSE\s+)*(ANALY[SZ]E\s+)?/i, 'ANALYZE ');
    }
    if (/\bCONCURRENTLY\b/i.test(text)) {
      text = text.replace(/\s+CONCURRENTLY\b/i, '');
      rewrites.push('CONCURRENTLY left out for the check (it cannot run inside a transaction); on your database keep it');
    }
    if (QUERY.test(text) && !replacementQuery) {
      replacementQuery = text;
      continue;
    }
    ddl.push(text);
    // An expression index or new statistics need ANALYZE before the planner can use them well.
    const on = /^CREATE\s+(?:UNIQUE\s+)?INDEX\b[\s\S]*?\bON\s+(?:ONLY\s+)?((?:"?[\w$]+"?\.)?"?[\w$]+"?)\s*(?:USING\s+\w+\s*)?\(([\s\S]*)\)/i.exec(text);
    if (on && /\(/.test(on[2])) {
      ddl.push(`ANALYZE ${on[1]}`);
    }
  }
  return { ddl, ...(replacementQuery ? { replacementQuery } : {}), rewrites: [...new Set(rewrites)] };
}

export function compareFix(
  query: string,
  fix: string,
  prepared: PreparedFix,
  before: PlanReport,
  after: PlanReport | undefined,
  failure?: PgErrorInfo & { statement: string },
): FixCheck {
  const base = { query, fix, rewrites: prepared.rewrites, before, ...(after ? { after } : {}) };
  const where = `embedded PostgreSQL with ${dataDescription(before)}`;
  if (!before.ok) {
    return { ...base, applies: false, verdict: 'query-failed', headline: `Could not check on ${where}: the query itself fails: ${before.error?.message ?? 'unknown error'}` };
  }
  if (failure) {
    return {
      ...base,
      applies: false,
      error: failure,
      verdict: 'fix-failed',
      headline: `The fix does not apply on ${where}: ${failure.message} (in \`${oneLine(failure.statement)}\`)`,
    };
  }
  if (!after || !after.ok) {
    return {
      ...base,
      applies: true,
      verdict: 'query-failed',
      headline: `The fix applies cleanly on ${where}, but the query then fails: ${after?.error?.message ?? 'no plan'}`,
    };
  }
  const judgement = judgePlans(before, after);
  const samePlan = before.shape === after.shape && indexesUsed(before).join() === indexesUsed(after).join();
  let verdict: FixCheck['verdict'];
  // The same plan doing the same work is the same plan: timing differences between its runs are noise.
  if (samePlan && judgement.decidedBy !== 'counters') {
    verdict = 'unchanged';
  } else if (judgement.direction === 'faster') {
    verdict = 'faster';
  } else if (judgement.direction === 'slower') {
    verdict = 'slower';
  } else {
    verdict = 'plan-changed';
  }
  const b = before.executionMs;
  const a = after.executionMs;
  const change = `${planLabel(before)} ${fmtMs(b)} → ${planLabel(after)} ${fmtMs(a)}`;
  const evidence = judgement.signals.length > 0 ? judgement.signals.join(', ') : judgement.timings;
  const empty = emptyTablesNote(after) ?? emptyTablesNote(before);
  const tail = empty ? ` (${empty})` : '';
  const headline =
    verdict === 'unchanged'
      ? `Checked on ${where}: the fix applies cleanly but does not change the plan (${planLabel(before)}, ${fmtMs(b)} → ${fmtMs(a)})${tail}`
      : verdict === 'slower'
        ? `Checked on ${where}: the fix applies cleanly but the query gets slower: ${change} — ${evidence}${tail}`
        : verdict === 'plan-changed'
          ? `Checked on ${where}: ${change} — the plan changes but there is no measurable difference${judgement.mixed ? ` (${evidence})` : ''}${tail}`
          : `Checked on ${where}: ${change} — ${evidence}${tail}`;
  return { ...base, applies: true, verdict, judgement, headline };
}

/** How the verdict was reached, for the body under the headline. */
function judgementLines(j: Judgement): string[] {
  const by =
    j.decidedBy === 'counters'
      ? `Decided by what the plans count (the same on every run): ${j.signals.join(', ')}.`
      : j.decidedBy === 'timings'
        ? `Decided by the timings, whose runs separate clearly${j.mixed ? ` (the counters disagree: ${j.signals.join(', ')})` : ''}.`
        : `No counter changes clearly${j.mixed ? ` in one direction (${j.signals.join(', ')})` : ''} and the timings do not separate.`;
  const timing = `Timings after a warm-up: ${j.timings}${j.decidedBy === 'counters' ? (j.timingsSeparate ? '' : ' (they overlap: on this machine they alone would not tell)') : ''}.`;
  return [...(j.access ? [`Main table read: ${j.access}.`] : []), by, timing];
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 90 ? `${t.slice(0, 89)}…` : t;
}

/** The human summary of a fix check: headline, rewrites, and both plans. */
export function formatFixCheck(c: FixCheck, formatPlan: (r: PlanReport) => string): string {
  const lines = [c.headline];
  if (c.applies && c.verdict !== 'query-failed') {
    lines.push('The fix applies cleanly (inside a transaction that was rolled back).');
  }
  if (c.error?.hint) {
    lines.push(`Hint from Postgres: ${c.error.hint}`);
  }
  for (const r of c.rewrites) {
    lines.push(`Note: ${r}.`);
  }
  if (c.judgement && c.verdict !== 'unchanged') {
    lines.push(...judgementLines(c.judgement));
  }
  lines.push('', 'Before:', formatPlan(c.before));
  if (c.after) {
    lines.push('', 'After:', formatPlan(c.after));
  }
  return lines.join('\n');
}
