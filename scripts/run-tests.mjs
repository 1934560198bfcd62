#!/usr/bin/env node
// Runs every test layer once and ends with the plain line CI reads: "N passed, N failed".
// vitest's own summary is not a format CI parses, so the count comes from its JSON report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
// Every layer except the long chaos suite (npm run test:chaos); the contract test runs last (vitest.config.ts).
const projects = ['unit', 'handlers', 'infra', 'integration', 'contract'].flatMap((p) => ['--project', p]);
const args = ['vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
// The AWS SDK's notice that its 2027 releases need Node 22 is explained once in the README, not printed per test file.
const quiet = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true' };
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...quiet, NO_COLOR: '1', FORCE_COLOR: '0' } });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
