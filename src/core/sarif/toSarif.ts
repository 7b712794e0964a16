/**
 * Rule findings and model findings as one SARIF 2.1.0 log with one run, in the shape GitHub
 * code scanning accepts: rules with descriptions, help and security-severity; results with a
 * path relative to %SRCROOT%, full regions (columns when the file text is known) and
 * partialFingerprints. A model finding whose location could not be verified against the code
 * is kept, downgraded to `note`; one that names no file becomes a tool notification. Code
 * snippets are redacted (secrets replaced), as they leave the machine with the log.
 */
import { redact } from '../redact';
import type { VerifiedFinding } from '../findings/verify';
import type { RuleFinding, RuleMeta } from '../pipeline/ruleFinding';
import { plainText } from '../review/reviewModel';
import { modelDescriptor, modelRuleId, ruleDescriptor, type SarifPersona } from './descriptors';
import { FINGERPRINT_KEY, Fingerprinter } from './fingerprint';
import type { SarifFix, SarifInvocation, SarifLocation, SarifLog, SarifNotification, SarifRegion, SarifReportingDescriptor, SarifResult } from './sarifTypes';
import { sarifLevel } from './severity';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface ModelFindingsInput {
  readonly persona: SarifPersona;
  readonly findings: readonly VerifiedFinding[];
  /** Per finding (same index): the tool measurement that grounds it (query plan, rule), when one does. */
  readonly measured?: readonly (string | undefined)[];
}

export interface ToSarifInput {
  readonly toolName?: string;
  readonly toolVersion: string;
  readonly informationUri?: string;
  readonly ruleFindings?: readonly RuleFinding[];
  /** The rules table, so every rule gets its documentation; rules without findings are listed too. */
  readonly rules?: readonly RuleMeta[];
  readonly model?: ModelFindingsInput;
  /** Full text of files by relative path: columns, snippets and exact fingerprints. */
  readonly sources?: ReadonlyMap<string, string>;
  /** Absolute path of the folder the paths are relative to (becomes %SRCROOT%). */
  readonly root?: string;
  /** Warnings and problems of the run (skipped files, redactions, model failure). */
  readonly notifications?: readonly { readonly level: 'note' | 'warning' | 'error'; readonly message: string }[];
  readonly invocation?: { readonly successful: boolean; readonly exitCode?: number; readonly startTime?: Date; readonly endTime?: Date };
}

/** `src/a b.ts` → `src/a%20b.ts` (each segment percent-encoded, slashes kept). */
export function relativeUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

function fileUri(root: string): string {
  let p = root.replace(/\\/g, '/');
  if (!p.endsWith('/')) {
    p += '/';
  }
  if (!p.startsWith('/')) {
    p = `/${p}`; // Windows drive letter
  }
  return `file://${p.split('/').map((s) => encodeURIComponent(s).replace(/%3A/i, ':')).join('/')}`;
}

function linesOf(sources: ReadonlyMap<string, string> | undefined, path: string): string[] | undefined {
  const text = sources?.get(path);
  return text === undefined ? undefined : text.split(/\r?\n/);
}

/** Snippets travel to code-scanning services: secrets in them are replaced like in a model request. */
function snippet(text: string): { text: string } {
  return { text: redact(text).text };
}

/** A region covering whole lines (or the given columns), with the code as snippet when known. */
function regionFor(lines: string[] | undefined, startLine: number, endLine: number, column?: number, endColumn?: number, fallbackSnippet?: string): SarifRegion {
  const start = Math.max(1, Math.floor(startLine));
  const end = Math.max(start, Math.floor(endLine));
  if (!lines) {
    return {
      startLine: start,
      ...(column ? { startColumn: column } : {}),
      endLine: end,
      ...(endColumn ? { endColumn } : {}),
      ...(fallbackSnippet ? { snippet: snippet(fallbackSnippet) } : {}),
    };
  }
  const last = Math.min(end, lines.length);
  const first = Math.min(start, last);
  const startColumn = column ?? (lines[first - 1] ?? '').search(/\S|$/) + 1;
  const lastLength = (lines[last - 1] ?? '').length;
  return {
    startLine: first,
    startColumn,
    endLine: last,
    endColumn: endColumn ?? Math.max(lastLength + 1, first === last ? startColumn : 1),
    snippet: snippet(lines.slice(first - 1, last).join('\n')),
  };
}

function locationFor(path: string, region: SarifRegion): SarifLocation {
  return { physicalLocation: { artifactLocation: { uri: relativeUri(path), uriBaseId: SRCROOT }, region } };
}

function ruleFix(finding: RuleFinding, lines: string[] | undefined): SarifFix[] | undefined {
  if (!finding.fix || finding.fix.edits.length === 0) {
    return undefined;
  }
  return [
    {
      description: { text: finding.fix.title },
      artifactChanges: [
        {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: SRCROOT },
          replacements: finding.fix.edits.map((e) => {
            const endLine = Math.max(e.line, e.endLine);
            const endColumn = lines ? (lines[endLine - 1] ?? '').length + 1 : undefined;
            return {
              deletedRegion: { startLine: e.line, startColumn: 1, endLine, ...(endColumn ? { endColumn } : {}) },
              insertedContent: { text: e.text },
            };
          }),
        },
      ],
    },
  ];
}

class RuleSet {
  readonly descriptors: SarifReportingDescriptor[] = [];
  private readonly index = new Map<string, number>();

  indexOf(id: string, make: () => SarifReportingDescriptor): number {
    const hit = this.index.get(id);
    if (hit !== undefined) {
      return hit;
    }
    this.descriptors.push(make());
    this.index.set(id, this.descriptors.length - 1);
    return this.descriptors.length - 1;
  }
}

export function toSarif(input: ToSarifInput): SarifLog {
  const rules = new RuleSet();
  const metaById = new Map((input.rules ?? []).map((r) => [r.id, r]));
  const fingerprints = new Fingerprinter();
  const results: SarifResult[] = [];
  const notifications: SarifNotification[] = (input.notifications ?? []).map((n) => ({ level: n.level, message: { text: n.message } }));

  for (const meta of input.rules ?? []) {
    rules.indexOf(meta.id, () => ruleDescriptor(meta.id, meta, undefined));
  }
  for (const f of input.ruleFindings ?? []) {
    const ruleIndex = rules.indexOf(f.ruleId, () => ruleDescriptor(f.ruleId, metaById.get(f.ruleId), f));
    const lines = linesOf(input.sources, f.file);
    const region = regionFor(lines, f.line, f.endLine, f.column, f.endColumn, f.snippet);
    const fixes = ruleFix(f, lines);
    results.push({
      ruleId: f.ruleId,
      ruleIndex,
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [locationFor(f.file, region)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(f.ruleId, f.file, snippet(f.snippet || region.snippet?.text || `${f.line}`).text) },
      ...(fixes ? { fixes } : {}),
      properties: { severity: f.severity, category: f.category, source: 'rules' },
    });
  }

  const persona = input.model?.persona;
  for (const [i, v] of (input.model?.findings ?? []).entries()) {
    if (!persona) {
      break;
    }
    const measuredBy = input.model?.measured?.[i];
    const f = v.finding;
    const id = modelRuleId(persona, f);
    const title = f.title || plainText(f.sections.issue ?? '') || 'Architect finding';
    const issue = f.sections.issue ? plainText(f.sections.issue) : '';
    const path = v.location?.path ?? v.file?.path;
    const verified = v.status !== 'unverified';
    const text = `${title}${issue && issue !== title ? `: ${issue}` : ''}${verified ? '' : ' (The location could not be verified against the code that was reviewed.)'}`;
    if (!path) {
      notifications.push({ level: 'note', message: { text: `${persona.name}: [${f.severity}] ${text}` } });
      continue;
    }
    const ruleIndex = rules.indexOf(id, () => modelDescriptor(id, persona, f));
    const lines = linesOf(input.sources, path);
    const startLine = v.location?.startLine ?? v.claimedLine ?? 1;
    const endLine = v.location?.endLine ?? v.claimedEndLine ?? startLine;
    const region = regionFor(lines, startLine, endLine, undefined, undefined, f.quote);
    results.push({
      ruleId: id,
      ruleIndex,
      level: verified ? sarifLevel(f.severity) : 'note',
      message: { text, markdown: `**${title}**${f.sections.issue ? `\n\n${f.sections.issue.trim()}` : ''}${f.sections.recommendation ? `\n\n**Recommendation.** ${f.sections.recommendation.trim()}` : ''}` },
      locations: [locationFor(path, region)],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(id, path, snippet(f.quote ?? title).text) },
      properties: {
        severity: f.severity,
        source: 'model',
        persona: persona.id,
        verification: v.status,
        ...(v.reason ? { unverifiedReason: v.reason } : {}),
        ...(measuredBy ? { measuredBy } : {}),
        ...(f.attributes.rule ? { confirmsRule: f.attributes.rule } : {}),
      },
    });
  }

  const inv = input.invocation;
  const invocation: SarifInvocation = {
    executionSuccessful: inv?.successful ?? true,
    ...(inv?.exitCode !== undefined ? { exitCode: inv.exitCode } : {}),
    ...(inv?.startTime ? { startTimeUtc: inv.startTime.toISOString() } : {}),
    ...(inv?.endTime ? { endTimeUtc: inv.endTime.toISOString() } : {}),
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.toolName ?? 'architect-personas',
            version: input.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(input.toolVersion) ? { semanticVersion: input.toolVersion } : {}),
            ...(input.informationUri ? { informationUri: input.informationUri } : {}),
            rules: rules.descriptors,
          },
        },
        invocations: [invocation],
        ...(input.root ? { originalUriBaseIds: { [SRCROOT]: { uri: fileUri(input.root) } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
