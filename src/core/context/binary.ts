/**
 * Binary detection, the way git and most editors guess: a NUL in the first 8 KB, or too many
 * control characters (or U+FFFD from a failed decode) there. Looks at a fixed-size head only.
 */
const SAMPLE = 8000;
const MAX_SUSPICIOUS_RATIO = 0.1;

function isSuspicious(code: number): boolean {
  // control characters other than tab, LF, VT, FF, CR, ESC (ANSI colours in logs)
  return (code < 32 && code !== 9 && code !== 10 && code !== 11 && code !== 12 && code !== 13 && code !== 27) || code === 0x7f;
}

export function isProbablyBinary(textOrBytes: string | Uint8Array): boolean {
  const length = Math.min(textOrBytes.length, SAMPLE);
  if (length === 0) {
    return false;
  }
  let suspicious = 0;
  if (typeof textOrBytes === 'string') {
    for (let i = 0; i < length; i++) {
      const code = textOrBytes.charCodeAt(i);
      if (code === 0) {
        return true;
      }
      if (isSuspicious(code) || code === 0xfffd) {
        suspicious++;
      }
    }
  } else {
    for (let i = 0; i < length; i++) {
      const code = textOrBytes[i];
      if (code === 0) {
        return true;
      }
      if (isSuspicious(code)) {
        suspicious++;
      }
    }
  }
  return suspicious / length > MAX_SUSPICIOUS_RATIO;
}
