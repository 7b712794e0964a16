import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { redact } from '../../../src/core/redact';
import { PROVIDER_RULES } from '../../../src/core/redact/providerRules';

/** The labelled corpus (gitleaks + secretlint test data, see test/fixtures/redact/README.md). */
const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'redact', 'corpus');

interface Sample {
  readonly rule: string;
  readonly family: string;
  readonly text: string;
  readonly secrets?: Array<[number, number]>;
  readonly negative?: boolean;
}

/** Families whose samples are not secrets in this project's sense, with the reason (the bench prints them). */
const KNOWN_GAPS: Record<string, string> = {
  secp256k1: 'a bare 64-hex string is a key only if it is a valid curve point; hashes look the same',
  gcp: "one secretlint snapshot labels the whole service-account file, including public fields",
};

function load(): Sample[] {
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Sample));
}

/** Every character of every labelled secret (quotes aside) lies inside a redacted span. */
function fullyRedacted(sample: Sample): boolean {
  const spans = redact(sample.text).spans;
  return (sample.secrets ?? []).every(([s, e]) => {
    while (s < e && /["'`\s]/.test(sample.text[s])) {
      s++;
    }
    while (e > s && /["'`\s]/.test(sample.text[e - 1])) {
      e--;
    }
    for (let i = s; i < e; i++) {
      if (!spans.some((sp) => sp.start <= i && i < sp.end)) {
        return false;
      }
    }
    return true;
  });
}

describe('Redaction: provider families (corpus positives)', () => {
  const byFamily = new Map<string, Sample[]>();
  for (const s of load()) {
    if (!s.negative) {
      byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s]);
    }
  }
  it('the corpus covers at least 100 families', () => {
    assert.ok(byFamily.size >= 100, `${byFamily.size} families`);
  });
  for (const [family, samples] of [...byFamily].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (KNOWN_GAPS[family]) {
      continue;
    }
    it(`${family}: at least 85 % of ${samples.length} samples fully redacted`, () => {
      const missed = samples.filter((s) => !fullyRedacted(s));
      assert.ok(missed.length <= samples.length * 0.15, `missed ${missed.length}/${samples.length}: ${missed.slice(0, 3).map((m) => JSON.stringify(m.text.slice(0, 120))).join(' | ')}`);
    });
  }
  it('every provider rule documents its family and has keywords', () => {
    for (const r of PROVIDER_RULES) {
      assert.ok(r.family && r.docs.startsWith('https://') && r.keywords.length > 0, r.kind);
    }
  });
});
