/** The data scale a question names: "at 100k users", "with 2M orders", "10 million rows". */
export interface Scale {
  readonly rows: number;
  /** The table the number is about, as written ("users"); undefined for "rows". */
  readonly table?: string;
}

const UNITS: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, mio: 1e6, b: 1e9, billion: 1e9 };

export function parseScale(question: string): Scale | undefined {
  const re = /(?<![\w.])(\d+(?:[.,]\d+)?)\s*(k|thousand|m|mm|million|mio|b|billion)?\s+([A-Za-z_][\w-]*)/gi;
  for (const m of question.matchAll(re)) {
    const unit = (m[2] ?? '').toLowerCase();
    const n = Number(m[1].replace(',', unit ? '.' : '')) * (UNITS[unit] ?? 1);
    const noun = m[3].toLowerCase();
    if (!Number.isFinite(n) || n < 10 || /^(ms|s|sec|seconds?|minutes?|hours?|days?|rps|qps|requests?|req|mb|gb|kb|tb|%|percent|times|x|cores?|cpus?|nodes?|servers?|instances?|bytes?|columns?|indexes|fields?)$/.test(noun)) {
      continue;
    }
    const rows = Math.round(n);
    return /^(rows?|records?|entries|items?)$/.test(noun) && noun !== 'items' ? { rows } : { rows, table: noun };
  }
  return undefined;
}

/** Singular/plural forms to match a table name: users ~ user, categories ~ category. */
export function nameForms(word: string): string[] {
  const w = word.toLowerCase();
  const forms = new Set([w]);
  if (w.endsWith('ies')) {
    forms.add(`${w.slice(0, -3)}y`);
  } else if (w.endsWith('ses') || w.endsWith('xes')) {
    forms.add(w.slice(0, -2));
  } else if (w.endsWith('s')) {
    forms.add(w.slice(0, -1));
  } else {
    forms.add(`${w}s`);
    if (w.endsWith('y')) {
      forms.add(`${w.slice(0, -1)}ies`);
    }
  }
  return [...forms];
}
