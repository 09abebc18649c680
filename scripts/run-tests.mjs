// Runs vitest and prints the closing line CI reads: "N passed, N failed".
// Usage: node scripts/run-tests.mjs [--config FILE] [vitest args...]
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
mkdirSync('test-results', { recursive: true });
const label = args.includes('--config') ? 'e2e' : process.env.TEST_DATABASE_URL ? 'server' : 'unit';
const out = `test-results/${label}.json`;
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests;
  // A suite that fails outside its tests (import error, failing hook) counts as one failure.
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  failed = report.numFailedTests + brokenSuites;
} catch {
  failed = 1;
}
// Vitest also fails a run for errors outside any test (an unhandled rejection, an uncaught exception).
if (run.status !== 0 && failed === 0) {
  console.log('vitest reported errors outside the tests (see "Unhandled Errors" above)');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
