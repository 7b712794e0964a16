// Writes docs/rules.md from the rule files (compiled to out/ by `tsc -p tsconfig.test.json`).
// Run: npm run docs:rules. A unit test (test/unit/rules/docs.test.ts) fails when the page is stale.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { renderRulesDoc } = require('../out/src/core/rules/rulesDoc.js');
const { RULES } = require('../out/src/core/rules/ruleTable.js');
writeFileSync('docs/rules.md', renderRulesDoc(RULES));
console.log(`docs/rules.md: ${RULES.length} rules`);
