/** Recognises a `<finding` opener at the start of a line (shared by prose and block scanning). */

const OPEN = '<finding';
/** Leading spaces/tabs allowed before `<finding` on its line. */
const MAX_INDENT = 16;

export type OpenerState = 'yes' | 'no' | 'maybe';

/**
 * Does a `<finding` opener start the line that starts at `i`? 'maybe' when `s` ends before
 * that can be decided. Examines at most MAX_INDENT + 10 characters.
 */
export function openerAt(s: string, i: number): OpenerState {
  const n = s.length;
  let j = i;
  while (j < n && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) {
    j++;
    if (j - i > MAX_INDENT) {
      return 'no';
    }
  }
  for (let k = 0; k < OPEN.length; k++) {
    if (j + k >= n) {
      return 'maybe';
    }
    if (s[j + k] !== OPEN[k]) {
      return 'no';
    }
  }
  const c = s[j + OPEN.length];
  if (c === undefined) {
    return 'maybe';
  }
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '>' ? 'yes' : 'no';
}
