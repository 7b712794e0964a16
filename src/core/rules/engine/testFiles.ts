/**
 * The test-file policy (like ruff's per-file-ignores): which rules run in test files, and how.
 * One table for every surface (command line, review, MCP tools, the editor), applied by the
 * runner; docs/cli.md shows it (a unit test checks the two agree and that every rule has a row).
 * `includeTests` (the `--include-tests` flag) runs every rule in test files as elsewhere.
 */
import { PROVIDER_RULES } from '../../redact';

/** Folder names that make a path a test path (a segment equal to one of these). */
export const TEST_FOLDERS: readonly string[] = ['test', 'tests', '__tests__', '__mocks__', 'spec', 'specs', 'e2e', 'cypress'];

export interface TestFileName {
  readonly pattern: RegExp;
  /** As the docs show it. */
  readonly glob: string;
}

/** File names that are tests wherever they are. */
export const TEST_FILE_NAMES: readonly TestFileName[] = [
  { pattern: /\.(test|spec|e2e-spec|e2e|cy)\.[cm]?[jt]sx?$/i, glob: '*.test.ts, *.spec.ts, *.e2e-spec.ts, *.cy.ts (and .js, .tsx, .mjs, …)' },
  { pattern: /^test_.*\.py$/i, glob: 'test_*.py' },
  { pattern: /_tests?\.py$/i, glob: '*_test.py, *_tests.py' },
  { pattern: /^(conftest|tests)\.py$/i, glob: 'conftest.py, tests.py' },
  { pattern: /^(setupTests|(jest|vitest|playwright|cypress)\.(config|setup))\.[cm]?[jt]sx?$/i, glob: 'setupTests.ts, jest.setup.js, vitest.config.ts, playwright.config.ts, …' },
];

/**
 * Whether a path (relative to the scope the user named, forward slashes) is a test file. With
 * `nameOnly` (a file named on its own, whose folders say nothing about the project) only the
 * file-name patterns count.
 */
export function isTestPath(path: string, nameOnly = false): boolean {
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  if (TEST_FILE_NAMES.some((t) => t.pattern.test(name))) {
    return true;
  }
  return !nameOnly && segments.some((s) => TEST_FOLDERS.includes(s.toLowerCase()));
}

/** How a rule runs in test files: as elsewhere, not at all, or only for provider-format secrets. */
export type InTests = 'run' | 'off' | 'provider-secrets';

export interface TestFilePolicy {
  readonly inTests: InTests;
  /** Why, one line (shown in the docs). */
  readonly why: string;
}

export const TEST_FILE_POLICY: Readonly<Record<string, TestFilePolicy>> = {
  'n-plus-one': { inTests: 'off', why: 'Tests loop over a handful of fixture rows; the cost is not a production path.' },
  'sql-injection': { inTests: 'off', why: 'Test SQL is built by the test itself, from no user input.' },
  'select-star': { inTests: 'off', why: 'Tests read whole rows to assert on them.' },
  'unbounded-list': { inTests: 'off', why: 'Test handlers and fakes serve fixture data.' },
  'no-timeout': { inTests: 'off', why: 'Test clients talk to local fakes; the test runner has its own timeout.' },
  'hardcoded-credential': {
    inTests: 'provider-secrets',
    why: 'A real provider key (AWS, GitHub, Stripe, …) or a private key is leaked wherever it is; passwords and tokens in test setup are fixtures.',
  },
  'fk-without-index': { inTests: 'off', why: 'Test schemas are not the production schema.' },
  'unsafe-migration': { inTests: 'off', why: 'Migrations under test folders run on throwaway databases.' },
  'missing-tenant-filter': { inTests: 'off', why: 'Tests query their own fixture tenant on purpose.' },
};

/** A rule without a row (a new rule) stays off in tests until someone decides. */
export function testPolicyOf(ruleId: string): TestFilePolicy {
  return TEST_FILE_POLICY[ruleId] ?? { inTests: 'off', why: 'No decision recorded for this rule yet.' };
}

/** Secret kinds of the redaction that are a provider's key format (or a private key block). */
export const PROVIDER_SECRET_KINDS: ReadonlySet<string> = new Set([...PROVIDER_RULES.map((r) => r.kind), 'private-key']);
