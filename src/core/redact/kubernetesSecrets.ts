/**
 * Kubernetes `Secret` manifests: every value under `data:` and `stringData:` is a secret,
 * whatever its key is called (`tls.key`, `username`, `config.json`), including block scalars.
 * Only documents that say `kind: Secret` are looked at.
 */
import type { RawSpan } from './types';
import { addWork } from './work';

export const K8S_PRIORITY = 2;

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) {
    n++;
  }
  return n;
}

export function scanKubernetesSecrets(text: string, lower = text.toLowerCase()): RawSpan[] {
  if (!/kind:\s*["']?secret\b/.test(lower)) {
    return [];
  }
  const spans: RawSpan[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let dataIndent = -1;
  let blockIndent = -1;
  for (const raw of lines) {
    addWork(raw.length + 1);
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = indentOf(line);
    const trimmed = line.trim();
    if (blockIndent >= 0) {
      if (trimmed === '' || indent > blockIndent) {
        if (trimmed !== '') {
          spans.push({ start: offset + indent, end: offset + line.length, kind: 'kubernetes-secret', priority: K8S_PRIORITY });
        }
        offset += raw.length + 1;
        continue;
      }
      blockIndent = -1;
    }
    if ((trimmed.startsWith('data:') || trimmed.startsWith('stringData:')) && /^(?:data|stringData):\s*$/.test(trimmed)) {
      dataIndent = indent;
    } else if (dataIndent >= 0 && trimmed !== '' && !trimmed.startsWith('#')) {
      if (indent <= dataIndent) {
        dataIndent = -1;
      } else {
        const m = /^([^:\s]{1,200}):[ \t]*(.*)$/.exec(trimmed);
        if (m) {
          const value = m[2].replace(/\s+#.*$/, '');
          if (/^[|>][-+]?\d?$/.test(value)) {
            blockIndent = indent;
          } else if (value.length > 0) {
            const unq = value.replace(/^(["'])(.*)\1$/, '$2');
            const s = offset + line.indexOf(unq, indent + m[1].length + 1);
            spans.push({ start: s, end: s + unq.length, kind: 'kubernetes-secret', priority: K8S_PRIORITY });
          }
        }
      }
    }
    offset += raw.length + 1;
  }
  return spans;
}
