/**
 * One eval run: every review case and design brief through the core, scored, as an EvalReport.
 * The answer source decides live or replay: `live` streams from a ModelClient (the Anthropic API,
 * or the fake server in tests) and records each answer as a transcript; `replay` streams the saved
 * transcripts through the same pipeline.
 */
import { estimateCostUsd } from '../../../src/core/model/pricing';
import type { ModelClient, ModelUsage } from '../../../src/core/model/modelClient';
import { loadDesignBrief, loadReviewCase, listDesignBriefs, listReviewCases, EvalDataError, type ReviewCase } from './evalCase';
import { checkParse } from './parseCheck';
import { sqlFixCheckerFor, type CheckerOrReason } from './planner';
import { totalsOf, usageFigures, type CaseReport, type DesignReport, type EvalReport } from './report';
import { loadBundledPersonas, requestChars, runDesignBrief, runReviewCase, type CaseRun } from './runCase';
import { scoreDesign } from './scoreDesign';
import { scoreReview } from './scoreReview';
import { scoreRules } from './scoreRules';
import { checkSqlFixes, sqlFixTargets } from './sqlFixes';
import { CapturingClient, promptHash, readSetInfo, readTranscript, ReplayClient, setDir, writeSetInfo, writeTranscript, type AnswerKind, type TranscriptSetInfo } from './transcripts';

export type AnswerSource =
  | { readonly mode: 'replay'; readonly set: string }
  | { readonly mode: 'live'; readonly client: ModelClient; readonly model: string; readonly recordTo: string };

export interface EvaluateOptions {
  readonly source: AnswerSource;
  /** Model whose list prices price answers without usage (hand-written); live: the model itself. */
  readonly priceModel: string;
  readonly maxTokens: number;
  /** Only these case / brief ids (all when empty). */
  readonly only?: readonly string[];
  /** Check SQL fixes on the embedded Postgres (default true). */
  readonly sql?: boolean;
  readonly casesDir?: string;
  readonly designDir?: string;
  readonly signal?: AbortSignal;
  readonly commit?: string;
  readonly now?: Date;
  readonly log?: (line: string) => void;
  /** Override the SQL fix checker (tests). */
  readonly sqlChecker?: (c: ReviewCase) => Promise<CheckerOrReason>;
}

interface Answered {
  readonly run: CaseRun;
  readonly usage?: ModelUsage;
  readonly inputChars: number;
  readonly stalePrompt?: boolean;
  /** The model error recorded with the answer (replay of a live run that failed part-way). */
  readonly recordedError?: string;
}

export async function evaluate(options: EvaluateOptions): Promise<EvalReport> {
  const log = options.log ?? (() => undefined);
  const personas = loadBundledPersonas();
  const signal = options.signal ?? new AbortController().signal;
  const wanted = (id: string) => !options.only || options.only.length === 0 || options.only.includes(id);
  const cases = listReviewCases(options.casesDir).filter(wanted).map((id) => loadReviewCase(id, options.casesDir));
  const briefs = listDesignBriefs(options.designDir).filter(wanted).map((id) => loadDesignBrief(id, options.designDir));
  const { source } = options;
  const now = options.now ?? new Date();

  let info: TranscriptSetInfo;
  let dir: string;
  if (source.mode === 'replay') {
    dir = setDir(source.set);
    info = readSetInfo(dir);
  } else {
    dir = setDir(source.recordTo);
    info = { source: 'api', model: source.model, date: now.toISOString().slice(0, 10), note: 'Recorded by npm run eval (live).' };
    writeSetInfo(dir, info);
  }
  const model = source.mode === 'live' ? source.model : (info.model ?? 'hand-written');

  const answer = async (kind: AnswerKind, id: string, run: (client: ModelClient) => Promise<CaseRun>): Promise<Answered> => {
    if (source.mode === 'replay') {
      const transcript = readTranscript(dir, kind, id);
      if (!transcript) {
        throw new EvalDataError(`no ${kind} transcript for ${id} in ${dir} (expected ${kind}/${id}.md)`);
      }
      const client = new ReplayClient(transcript);
      const done = await run(client);
      const request = client.lastRequest;
      const hash = request ? promptHash(request) : undefined;
      return {
        run: done,
        usage: transcript.meta.usage,
        inputChars: request ? requestChars(request) : 0,
        stalePrompt: transcript.meta.promptSha256 !== undefined && transcript.meta.promptSha256 !== hash,
        recordedError: transcript.meta.error,
      };
    }
    const client = new CapturingClient(source.client);
    const done = await run(client);
    const request = client.lastRequest;
    const file = writeTranscript(dir, kind, id, {
      text: done.result.text,
      meta: {
        model: source.model,
        recordedAt: now.toISOString(),
        stopReason: done.result.stopReason,
        usage: done.result.usage,
        requestId: done.result.requestId,
        promptSha256: request ? promptHash(request) : undefined,
        error: done.result.error ? `${done.result.error.kind}: ${done.result.error.message}` : undefined,
      },
    });
    log(`recorded ${file}`);
    return { run: done, usage: done.result.usage, inputChars: request ? requestChars(request) : 0 };
  };

  const runOptions = (client: ModelClient) => ({ personas, client, model, maxTokens: options.maxTokens, signal });
  const priceModel = source.mode === 'live' ? source.model : options.priceModel;
  const cost = (u: ModelUsage) => estimateCostUsd(priceModel, u);

  const caseReports: CaseReport[] = [];
  for (const c of cases) {
    log(`review ${c.id} (${c.persona}${c.command ? ` /${c.command}` : ''})`);
    const a = await answer('review', c.id, (client) => runReviewCase(c, runOptions(client)));
    const { result } = a.run;
    const parse = checkParse(result.text);
    const first = scoreReview(c, result.findings, parse, { kind: 'n/a', reason: 'SQL fixes not checked (--no-sql)' });
    let score = first;
    if (options.sql !== false) {
      const targets = sqlFixTargets(c, result.findings, first.findings);
      const found = targets.length === 0 ? undefined : await (options.sqlChecker ?? sqlFixCheckerFor)(c);
      if (!found) {
        score = { ...first, sqlFixes: { kind: 'checked', verdicts: [] } };
      } else if ('checker' in found) {
        try {
          score = { ...first, sqlFixes: await checkSqlFixes(targets, found.checker) };
        } finally {
          await found.checker.dispose();
        }
      } else {
        score = { ...first, sqlFixes: { kind: 'n/a', reason: found.reason } };
      }
    }
    caseReports.push({
      kind: 'review',
      id: c.id,
      persona: c.persona,
      score,
      rules: scoreRules(c, a.run.ruleFindings, a.run.rulesProblem),
      usage: usageFigures(a.usage, { inputChars: a.inputChars, outputChars: result.text.length }, cost),
      stopReason: result.stopReason,
      error: result.error ? `${result.error.kind}: ${result.error.message}` : a.recordedError,
      stalePrompt: a.stalePrompt || undefined,
    });
  }

  const designReports: DesignReport[] = [];
  for (const brief of briefs) {
    log(`design ${brief.id} (${brief.persona})`);
    const a = await answer('design', brief.id, (client) => runDesignBrief(brief, runOptions(client), options.casesDir));
    const { result } = a.run;
    designReports.push({
      kind: 'design',
      id: brief.id,
      persona: brief.persona,
      score: scoreDesign(brief, result.text, result.findings, checkParse(result.text)),
      usage: usageFigures(a.usage, { inputChars: a.inputChars, outputChars: result.text.length }, cost),
      stopReason: result.stopReason,
      error: result.error ? `${result.error.kind}: ${result.error.message}` : a.recordedError,
      stalePrompt: a.stalePrompt || undefined,
    });
  }

  return {
    version: 1,
    mode: source.mode,
    model: source.mode === 'live' ? source.model : (info.model ?? null),
    priceModel,
    transcripts: { set: source.mode === 'replay' ? source.set : source.recordTo, source: info.source, date: info.date },
    ranAt: now.toISOString(),
    commit: options.commit,
    totals: totalsOf(caseReports, designReports),
    cases: caseReports,
    designs: designReports,
  };
}

