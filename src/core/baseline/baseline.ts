/**
 * Baselines for adopting the checks in CI: `--write-baseline <file>` records the findings a
 * repository has today; `--baseline <file>` leaves those out, so the output and `--fail-on`
 * see only findings that are new since. A finding is known by the same fingerprint as SARIF's
 * `partialFingerprints` (src/core/sarif/fingerprint.ts: rule id, path, the whitespace-normalised
 * redacted code, an occurrence counter), so it stays known when lines are inserted above it and
 * becomes new when its code, its file or its rule changes.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Severity } from '../findings/types';
import type { VerifiedFinding } from '../findings/verify';
import { redact } from '../redact';
import { plainText } from '../review/reviewModel';
import { modelRuleId, type SarifPersona } from '../sarif/descriptors';
import { FINGERPRINT_KEY, Fingerprinter } from '../sarif/fingerprint';
import type { RuleFinding } from '../rules/types';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly file: string;
  /** Where it was when recorded (informative: matching ignores lines). */
  readonly line?: number;
  readonly severity: Severity;
  readonly message: string;
}

export interface Baseline {
  readonly version: number;
  readonly tool: string;
  /** The fingerprint scheme, SARIF's partialFingerprints key. */
  readonly fingerprint: string;
  readonly findings: readonly BaselineEntry[];
}

export class BaselineError extends Error {}

/** The SARIF fingerprint of each rule finding (same order as given; findings come sorted by file and line). */
export function ruleFingerprints(findings: readonly RuleFinding[]): string[] {
  const fp = new Fingerprinter();
  return findings.map((f) => fp.next(f.ruleId, f.file, redact(f.snippet || `${f.line}`).text));
}

/** The SARIF fingerprint of each model finding; undefined for one that names no file. */
export function modelFingerprints(persona: SarifPersona | undefined, findings: readonly VerifiedFinding[]): (string | undefined)[] {
  const fp = new Fingerprinter();
  return findings.map((v) => {
    const file = v.location?.path ?? v.file?.path;
    if (!persona || !file) {
      return undefined;
    }
    const title = v.finding.title || plainText(v.finding.sections.issue ?? '') || 'Architect finding';
    return fp.next(modelRuleId(persona, v.finding), file, redact(v.finding.quote ?? title).text);
  });
}

export function ruleEntries(findings: readonly RuleFinding[]): BaselineEntry[] {
  const prints = ruleFingerprints(findings);
  return findings.map((f, i) => ({ fingerprint: prints[i], ruleId: f.ruleId, file: f.file, line: f.line, severity: f.severity, message: f.message }));
}

export function modelEntries(persona: SarifPersona | undefined, findings: readonly VerifiedFinding[]): BaselineEntry[] {
  const prints = modelFingerprints(persona, findings);
  const out: BaselineEntry[] = [];
  findings.forEach((v, i) => {
    const fingerprint = prints[i];
    if (fingerprint && persona) {
      out.push({
        fingerprint,
        ruleId: modelRuleId(persona, v.finding),
        file: v.location?.path ?? v.file?.path ?? '',
        line: v.location?.startLine ?? v.claimedLine,
        severity: v.finding.severity,
        message: v.finding.title || 'Architect finding',
      });
    }
  });
  return out;
}

export function makeBaseline(entries: readonly BaselineEntry[]): Baseline {
  return { version: BASELINE_VERSION, tool: 'architect-personas', fingerprint: FINGERPRINT_KEY, findings: entries };
}

export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`, 'utf8');
  } catch (err) {
    throw new BaselineError(`could not write the baseline ${file}: ${(err as Error).message}`);
  }
}

export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new BaselineError(`could not read the baseline ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); create it with --write-baseline ${file}.`);
  }
  let data: Partial<Baseline>;
  try {
    data = JSON.parse(text) as Partial<Baseline>;
  } catch (err) {
    throw new BaselineError(`the baseline ${file} is not JSON (${(err as Error).message}); write it again with --write-baseline ${file}.`);
  }
  if (data.version !== BASELINE_VERSION || !Array.isArray(data.findings) || data.findings.some((f) => typeof f?.fingerprint !== 'string')) {
    throw new BaselineError(`${file} is not an architect-personas baseline (version ${BASELINE_VERSION}); write it again with --write-baseline ${file}.`);
  }
  if (data.fingerprint !== undefined && data.fingerprint !== FINGERPRINT_KEY) {
    throw new BaselineError(`${file} was written with fingerprints ${data.fingerprint}, this version uses ${FINGERPRINT_KEY}; write it again with --write-baseline ${file}.`);
  }
  return data as Baseline;
}

/** The items whose fingerprint is not in the baseline, and how many were. */
export function newSince<T>(items: readonly T[], fingerprints: readonly (string | undefined)[], baseline: Baseline): { fresh: T[]; known: number } {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const fresh = items.filter((_, i) => {
    const fp = fingerprints[i];
    return fp === undefined || !known.has(fp);
  });
  return { fresh, known: items.length - fresh.length };
}
