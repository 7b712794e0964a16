/**
 * Line similarity for fuzzy quote relocation: a cheap shared prefix/suffix ratio for one local
 * edit, else the Dice coefficient on hashed character bigrams. Pure.
 */

/** Bigram counts hashed into a small table (collisions only make similarity slightly generous). */
export type Bigrams = Uint16Array;
const BUCKETS = 1024;

function bigramHash(s: string, i: number): number {
  return (s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) & (BUCKETS - 1);
}

export function bigrams(s: string): Bigrams {
  const m = new Uint16Array(BUCKETS);
  for (let i = 0; i < s.length - 1; i++) {
    m[bigramHash(s, i)]++;
  }
  return m;
}

const usedScratch = new Uint16Array(BUCKETS);

/**
 * Line similarity in 0..1: the shared prefix + suffix ratio when that is already high (one
 * local edit, the common case), else the Dice coefficient on character bigrams.
 */
export function similarity(a: string, aBigrams: Bigrams, b: string): number {
  if (a === b) {
    return 1;
  }
  const la = a.length;
  const lb = b.length;
  if (la < 2 || lb < 2) {
    return 0;
  }
  const minLen = Math.min(la, lb);
  const maxLen = Math.max(la, lb);
  if (minLen / maxLen < 0.5) {
    return (minLen / maxLen) * 0.5; // too different in length to be the same line
  }
  let pre = 0;
  while (pre < minLen && a.charCodeAt(pre) === b.charCodeAt(pre)) {
    pre++;
  }
  let suf = 0;
  while (suf < minLen - pre && a.charCodeAt(la - 1 - suf) === b.charCodeAt(lb - 1 - suf)) {
    suf++;
  }
  const edit = (pre + suf) / maxLen;
  if (edit >= 0.9) {
    return edit;
  }
  let inter = 0;
  for (let i = 0; i < lb - 1; i++) {
    const h = bigramHash(b, i);
    if (usedScratch[h] < aBigrams[h]) {
      inter++;
    }
    usedScratch[h]++;
  }
  for (let i = 0; i < lb - 1; i++) {
    usedScratch[bigramHash(b, i)] = 0;
  }
  return Math.max(edit, (2 * inter) / (la - 1 + lb - 1));
}
