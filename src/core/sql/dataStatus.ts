/**
 * The data status line every text output shows (CLI, chat, review), never only the JSON:
 * "2 tables left without data: public.users (new row for relation "users" violates check
 * constraint "users_username_check"), public.orders (public.users is empty)".
 */

export interface DataSkip {
  readonly table: string;
  readonly reason: string;
}

const SHOWN = 5;
const REASON_CHARS = 140;

function short(table: string): string {
  return table.replace(/^public\./, '');
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > REASON_CHARS ? `${one.slice(0, REASON_CHARS - 1)}…` : one;
}

/** undefined when every table got rows. Tables left empty only because a parent is empty come last. */
export function dataStatusLine(skipped: readonly DataSkip[]): string | undefined {
  if (skipped.length === 0) {
    return undefined;
  }
  const cascade = (d: DataSkip) => / is empty \(foreign key /.test(d.reason);
  const ordered = [...skipped.filter((d) => !cascade(d)), ...skipped.filter(cascade)];
  const listed = ordered.slice(0, SHOWN).map((d) => `${short(d.table)} (${clip(d.reason.replace(/ \(foreign key [^)]*\)$/, ''))})`);
  const more = skipped.length > SHOWN ? `, and ${skipped.length - SHOWN} more` : '';
  return `${skipped.length} table${skipped.length === 1 ? '' : 's'} left without data: ${listed.join(', ')}${more}`;
}
