/**
 * `/scale` with a question that names a scale ("will this hold at 10M orders?"): the first
 * query of the sent code measured at three sizes up to that scale (at most 100,000 rows; larger
 * scales are estimated, and said to be), shown in the chat as a small Markdown table and given to
 * the model as a measured fact.
 */
import { parseScale, type QueryPlanner } from '../../core/sql';
import { chatCurvePlan } from '../../core/sql/scaleCurve';
import { runScaleCurve } from '../../core/sql/scaleRun';
import { scaleCurveMarkdown } from '../../core/sql/scaleText';
import type { Log } from '../common/log';

const CURVE_TIMEOUT_MS = 120_000;

export async function chatScaleCurve(planner: QueryPlanner, sql: string, prompt: string, log: Log): Promise<string | undefined> {
  const scale = parseScale(prompt);
  if (!scale) {
    return undefined;
  }
  const plan = chatCurvePlan(scale.rows);
  let timer: NodeJS.Timeout | undefined;
  try {
    const curve = await Promise.race([
      runScaleCurve(planner, sql, { ...plan, ...(scale.table ? { table: scale.table } : {}), progress: (line) => log.info(`[scale curve] ${line.trim()}`) }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the scale curve did not finish within ${CURVE_TIMEOUT_MS / 1000} s`)), CURVE_TIMEOUT_MS);
      }),
    ]);
    log.info(`[scale curve] ${curve.before.growth.class ?? 'not classified'} from ${curve.before.basis}`);
    return scaleCurveMarkdown(curve);
  } catch (err) {
    log.warn(`[scale curve] not measured: ${(err as Error)?.message ?? String(err)}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
