import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The official OASIS SARIF 2.1.0 schema (test/fixtures/sarif), compiled once. */
let validate: ReturnType<Ajv['compile']> | undefined;

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return dir;
}

export const REPO_ROOT = repoRoot();

/** Validation errors of `log` against the SARIF 2.1.0 schema, as readable lines ([] when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  if (validate(log)) {
    return [];
  }
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
