/**
 * `npm run eval`: scores the personas on the eval cases (test/evals/, docs/evals.md).
 *
 *   npm run eval                          replay the hand-written transcripts (no key needed)
 *   ANTHROPIC_API_KEY=… npm run eval -- --model claude-sonnet-5-5
 *                                         live: call the API, record each answer, score it
 *   npm run eval -- --transcripts <set>   replay a recorded set (test/evals/transcripts/<set>)
 *
 * Options: --replay (ignore the key), --case <id>[,<id>…], --max-tokens N, --no-sql,
 * --record <set> (live; default: the model id), --out <dir> (default eval-results),
 * --price-model <id> (prices for answers without usage; default the extension's default model),
 * --update-baseline. Exit codes: 0 done, 1 the replay scored below test/evals/baseline.json,
 * 2 bad arguments or eval data, 3 the API failed on every case.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnthropicModelClient } from '../../src/core/model/anthropicClient';
import { BASELINE_KEYS, baselineOf, readBaseline, regressions, writeBaseline, type BaselineKey } from './lib/baseline';
import { EVALS_DIR, EvalDataError } from './lib/evalCase';
import { evaluate, type AnswerSource } from './lib/evaluate';
import { formatComparison, formatReport, type EvalReport } from './lib/report';
import { DEFAULT_MAX_TOKENS } from './lib/runCase';
import { DEFAULT_SET } from './lib/transcripts';

/** The extension's default architectPersonas.model. */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';
export const BASELINE_FILE = path.join(EVALS_DIR, 'baseline.json');
const REPO = path.resolve(EVALS_DIR, '..', '..');

export interface EvalArgs {
  replay: boolean;
  model?: string;
  transcripts?: string;
  record?: string;
  only: string[];
  maxTokens: number;
  sql: boolean;
  out: string;
  priceModel: string;
  updateBaseline: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): EvalArgs {
  const args: EvalArgs = { replay: false, only: [], maxTokens: DEFAULT_MAX_TOKENS, sql: true, out: path.join(REPO, 'eval-results'), priceModel: DEFAULT_MODEL, updateBaseline: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) {
        throw new UsageError(`${a} needs a value`);
      }
      return v;
    };
    switch (a) {
      case '--replay':
        args.replay = true;
        break;
      case '--model':
        args.model = value();
        break;
      case '--transcripts':
        args.transcripts = value();
        break;
      case '--record':
        args.record = value();
        break;
      case '--case':
        args.only.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
        break;
      case '--max-tokens': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 256) {
          throw new UsageError('--max-tokens must be an integer of at least 256');
        }
        args.maxTokens = n;
        break;
      }
      case '--no-sql':
        args.sql = false;
        break;
      case '--out':
        args.out = path.resolve(value());
        break;
      case '--price-model':
        args.priceModel = value();
        break;
      case '--update-baseline':
        args.updateBaseline = true;
        break;
      case '--help':
      case '-h':
        throw new UsageError('usage');
      default:
        throw new UsageError(`unknown option ${a}`);
    }
  }
  return args;
}

/** Live when a key is set and --replay was not given. */
export function answerSource(args: EvalArgs, env: NodeJS.ProcessEnv): AnswerSource {
  const key = env.ANTHROPIC_API_KEY?.trim();
  if (args.replay || !key) {
    if (args.record) {
      throw new UsageError('--record needs live mode (ANTHROPIC_API_KEY set, no --replay)');
    }
    return { mode: 'replay', set: args.transcripts ?? DEFAULT_SET };
  }
  if (args.transcripts) {
    throw new UsageError('--transcripts replays a saved set; add --replay (a key is set, so this would be a live run)');
  }
  const model = args.model ?? DEFAULT_MODEL;
  const client = new AnthropicModelClient({ apiKey: key, baseURL: env.ANTHROPIC_BASE_URL?.trim() || undefined, idleTimeoutMs: 120_000, maxRetries: 3 });
  return { mode: 'live', client, model, recordTo: args.record ?? model.replace(/[^A-Za-z0-9._-]+/g, '-') };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function latestFile(outDir: string, report: EvalReport): string {
  return path.join(outDir, `latest-${report.mode}-${path.basename(report.transcripts.set)}.json`);
}

/** The previous run of the same mode and transcript set, when there is one. */
export function previousResults(outDir: string, report: EvalReport): EvalReport | undefined {
  try {
    const prev = JSON.parse(fs.readFileSync(latestFile(outDir, report), 'utf8')) as EvalReport;
    return prev.version === report.version ? prev : undefined;
  } catch {
    return undefined;
  }
}

export function writeResults(outDir: string, report: EvalReport): string {
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = report.ranAt.replace(/[:.]/g, '-');
  const set = path.basename(report.transcripts.set);
  const file = path.join(outDir, `${stamp}-${report.mode}-${set}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, json);
  fs.writeFileSync(latestFile(outDir, report), json);
  return file;
}

const USAGE = `usage: npm run eval -- [--replay] [--model <id>] [--transcripts <set>] [--record <set>] [--case <id>[,<id>]]
                       [--max-tokens N] [--no-sql] [--out <dir>] [--price-model <id>] [--update-baseline]
Without ANTHROPIC_API_KEY (or with --replay) the saved transcripts are replayed; with it, the API is called
(ANTHROPIC_BASE_URL honoured) and every answer is recorded under test/evals/transcripts/<set>/.`;

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: EvalArgs;
  let source: AnswerSource;
  try {
    args = parseArgs(argv);
    source = answerSource(args, env);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message === 'usage' ? USAGE : `${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  let report: EvalReport;
  try {
    report = await evaluate({
      source,
      priceModel: args.priceModel,
      maxTokens: args.maxTokens,
      only: args.only,
      sql: args.sql,
      commit: gitCommit(),
      log: source.mode === 'live' ? (line) => console.error(line) : undefined,
    });
  } catch (err) {
    if (err instanceof EvalDataError) {
      console.error(`eval data error: ${err.message}`);
      return 2;
    }
    throw err;
  }
  console.log(formatReport(report));
  const previous = previousResults(args.out, report);
  if (previous) {
    console.log(formatComparison(previous, report));
  }
  const file = writeResults(args.out, report);
  console.log(`\nJSON: ${path.relative(process.cwd(), file) || file}`);

  const all = [...report.cases, ...report.designs];
  if (report.mode === 'live' && all.length > 0 && all.every((r) => r.error)) {
    console.error('Every request failed; see the notes column (key, model id, network).');
    return 3;
  }
  if (report.mode === 'replay' && source.mode === 'replay' && source.set === DEFAULT_SET && args.only.length === 0) {
    if (args.updateBaseline && !args.sql) {
      console.error('--update-baseline needs the SQL checks; run it without --no-sql.');
      return 2;
    }
    if (args.updateBaseline) {
      writeBaseline(BASELINE_FILE, report);
      console.log(`baseline updated: ${path.relative(process.cwd(), BASELINE_FILE)}`);
      return 0;
    }
    const baseline = readBaseline(BASELINE_FILE);
    if (baseline) {
      const skip: BaselineKey[] = args.sql ? [] : ['sqlFixesApplied', 'sqlFixesImproved'];
      const worse = regressions(report, baseline, skip);
      if (worse.length > 0) {
        console.error(
          `\nThe replay of the hand-written transcripts scores below ${path.relative(process.cwd(), BASELINE_FILE)}:\n  ${worse.join('\n  ')}\n` +
            'A parser, verifier, prompt or scorer change (or an edited transcript or label) made the saved answers score worse. If that is intended, run ' +
            '`npm run eval -- --replay --update-baseline` and commit the new baseline with the change.',
        );
        return 1;
      }
      const now = baselineOf(report).figures;
      const same = BASELINE_KEYS.filter((k) => !skip.includes(k)).every((k) => now[k].n === baseline.figures[k]?.n && now[k].of === baseline.figures[k]?.of);
      if (!same) {
        console.log('The replay scores better than the baseline; `npm run eval -- --replay --update-baseline` records it.');
      }
    }
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 2;
    },
  );
}
