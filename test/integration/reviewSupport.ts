/**
 * Helpers for the review integration tests (test/integration/review.test.ts): diagnostics
 * polling, the UI driver's modal-dialog access, a git repository in the test workspace.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support';

/** Our diagnostics of a document, sorted by line. */
export function reviewDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => typeof d.code === 'string' && d.code.startsWith('finding-'))
    .sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Waits until our diagnostics of `uri` satisfy `ok`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = reviewDiagnostics(uri);
    return ok(ds) ? ds : undefined;
  }, timeoutMs);
}

/** 0-based [start, end] lines of each diagnostic. */
export function lines(ds: readonly vscode.Diagnostic[]): number[][] {
  return ds.map((d) => [d.range.start.line, d.range.end.line]);
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Review Test', '-c', 'user.email=review@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/** The review transcripts under test/fixtures/integration (this file runs from out/test/integration). */
export function transcriptPath(name: string): string {
  return path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'integration', name);
}
