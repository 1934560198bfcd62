import { defineConfig } from 'vitest/config';

// Test layers live in their own folders and run as separate vitest projects,
// so `npm test` runs them all while each layer can still be run on its own.
// test/support/ holds what the layers share (memory table, world, scoring oracle, browser) and no tests.
// A unit or handler test that asserts nothing fails (requireAssertions): a test must be able to fail.
const mustAssert = { requireAssertions: true };
const setupFiles = ['test/support/properties.ts'];
// Records every router answer of the real handlers for the contract test (test/contract, run last); not in
// unit, whose router tests serve made-up routes.
const recordAnswers = 'test/support/contract-observations.ts';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], expect: mustAssert, setupFiles } },
      { test: { name: 'handlers', include: ['test/handlers/**/*.test.ts'], expect: mustAssert, setupFiles: [...setupFiles, recordAnswers] } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          setupFiles: [recordAnswers],
          // After unit/handlers/infra (group 0), before the contract test.
          sequence: { groupOrder: 1 },
        },
      },
      // The contract test reads what every other project observed: it runs last.
      { test: { name: 'contract', include: ['test/contract/**/*.test.ts'], expect: mustAssert, sequence: { groupOrder: 2 } } },
      // The long fault suite: `npm run test:chaos`; not part of `npm test`.
      { test: { name: 'chaos', include: ['test/chaos/**/*.test.ts'], testTimeout: 3_600_000, hookTimeout: 600_000, fileParallelism: false } },
    ],
  },
});
