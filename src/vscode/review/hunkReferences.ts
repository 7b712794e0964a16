import * as vscode from 'vscode';
import { isHunkFragment } from '../../core/review/changeAttachments';

/** The document URI of a hunk attachment (core/review/changeAttachments.ts): its hunk fragment removed. */
export function withoutHunkFragment(uri: vscode.Uri): vscode.Uri {
  return isHunkFragment(uri.fragment) ? uri.with({ fragment: '' }) : uri;
}
