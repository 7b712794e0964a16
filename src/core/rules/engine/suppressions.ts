/**
 * `architect-ignore` comments: `// architect-ignore n-plus-one` (or `# …` in Python, `-- …` in SQL)
 * on the reported line or alone on the line above silences that rule there; several ids may be
 * listed with commas or spaces, none means every rule; text after ` -- ` or `: ` is a reason.
 * `architect-ignore-file <rule>` anywhere silences the rule for the whole file.
 */

export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const DIRECTIVE = /(?:\/\/|#|--|\/\*)\s*architect-ignore(-file)?\b([^\n]*)/;

function ruleIds(rest: string): string[] {
  const cut = rest.split(/\s--\s|:\s|\*\//)[0];
  return cut
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
}

export function parseSuppressions(text: string): Suppressions {
  if (!text.includes('architect-ignore')) {
    return { isSuppressed: () => false };
  }
  const lines = text.split('\n');
  /** line (1-based) → rule ids ('*' = all) that apply to it. */
  const byLine = new Map<number, Set<string>>();
  const fileWide = new Set<string>();
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) {
      return;
    }
    const ids = ruleIds(m[2]);
    const set = ids.length > 0 ? ids : ['*'];
    if (m[1]) {
      set.forEach((id) => fileWide.add(id));
      return;
    }
    const aloneOnLine = line.slice(0, m.index).trim() === '';
    const target = aloneOnLine ? i + 2 : i + 1;
    const entry = byLine.get(target) ?? new Set<string>();
    set.forEach((id) => entry.add(id));
    byLine.set(target, entry);
    if (aloneOnLine) {
      // a directive alone on a line also covers a finding reported on the directive's own line
      byLine.set(i + 1, new Set([...(byLine.get(i + 1) ?? []), ...set]));
    }
  });
  return {
    isSuppressed(ruleId: string, line: number): boolean {
      if (fileWide.has('*') || fileWide.has(ruleId)) {
        return true;
      }
      const s = byLine.get(line);
      return !!s && (s.has('*') || s.has(ruleId));
    },
  };
}

/** The comment that suppresses `ruleId` on a line indented like `indent`, in a file's comment syntax. */
export function suppressionComment(commentPrefix: string, ruleId: string, indent: string): string {
  return `${indent}${commentPrefix} architect-ignore ${ruleId}`;
}
