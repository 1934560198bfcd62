/**
 * Setup for the unit and handler projects (vitest.config.ts): a fast-check property checked with
 * `fc.assert` counts as an assertion, so `requireAssertions` (a test that asserts nothing fails) holds
 * for property tests too. The failure message is fast-check's own (seed, counterexample, shrink path).
 */
import fc from 'fast-check';
import { expect } from 'vitest';

const check = (details: fc.RunDetails<unknown>) => expect(details.failed, fc.defaultReportMessage(details) ?? 'property failed').toBe(false);
fc.configureGlobal({ reporter: check });
