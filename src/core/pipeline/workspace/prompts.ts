/** The question a diff review asks: the changed lines per file, so the persona stays on them. */
import type { LineSpan } from '../../review/hunks';
import { REVIEW_FOCUS } from '../../review/reviewModel';

function describeSpans(spans: readonly LineSpan[]): string {
  return spans.map((s) => (s.startLine === s.endLine ? `${s.startLine}` : `${s.startLine}-${s.endLine}`)).join(', ');
}

export function diffReviewPrompt(base: string, files: readonly { path: string; changed?: readonly LineSpan[] }[]): string {
  const list = files.map((f) => `\`${f.path}\`${f.changed && f.changed.length > 0 ? ` (changed lines ${describeSpans(f.changed)})` : ' (new file)'}`).join(', ');
  return (
    `Review the changes of this branch since it left \`${base}\` in ${list}. Only the changed hunks with some context are attached. ` +
    `Focus on the changed lines and what they break; do not review unchanged code. ${REVIEW_FOCUS}`
  );
}
