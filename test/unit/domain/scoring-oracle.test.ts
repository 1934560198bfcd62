/**
 * The scoring oracle (test/support/scoring-oracle.ts) on the Asemrowo sample: it counts what the API
 * records — the rater's view on all seven values and the invited colleagues' — and nothing else, so the
 * integration tests that compare the cycle's predikats with it compare like with like.
 */
import { describe, expect, it } from 'vitest';
import { colleaguesToInvite } from '../../../local/invitations';
import { DEFAULT_SAMPLE_FILE, loadSampleAgency } from '../../../local/sample/schema';
import { PredikatSchema } from '../../../shared/domain';
import { expectedEvaluation, feedbackSource, recordedFeedback } from '../../support/scoring-oracle';

const sample = loadSampleAgency(DEFAULT_SAMPLE_FILE);
const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
const placementOf = (nip: string) => byNip.get(nip);

describe('the scoring oracle on the sample', () => {
  it('keeps the rater’s seven values and, of the colleagues, only those the sample’s raters invite', () => {
    for (const plan of sample.plans) {
      const me = byNip.get(plan.nip)!;
      const recorded = recordedFeedback(sample, plan.nip);
      expect(
        recorded.filter((f) => f.source === 'rater'),
        plan.nip,
      ).toHaveLength(plan.feedback.filter((f) => f.fromNip === me.raterNip).length);
      const invited = new Set(
        colleaguesToInvite(
          plan.nip,
          plan.feedback.map((f) => f.fromNip),
          placementOf,
        ),
      );
      for (const f of recorded.filter((x) => x.source !== 'rater')) expect(invited.has(f.fromNip!), `${f.fromNip} → ${plan.nip}`).toBe(true);
      const dropped = plan.feedback.filter((f) => f.fromNip !== me.raterNip && !invited.has(f.fromNip));
      expect(recorded.length + dropped.length, plan.nip).toBe(plan.feedback.length);
    }
  });

  it('calls a colleague whose rater is the employee a subordinate, any other invited colleague a peer', () => {
    const employee = { unitId: 'seksi-kesra', raterNip: 'R' };
    expect(feedbackSource('E', employee, { nip: 'R' }, false)).toBe('rater');
    expect(feedbackSource('E', employee, { nip: 'S', raterNip: 'E', unitId: 'x' }, true)).toBe('subordinate');
    expect(feedbackSource('E', employee, { nip: 'C', raterNip: 'R', unitId: 'lain' }, true)).toBe('peer');
    expect(feedbackSource('E', employee, { nip: 'C', raterNip: 'R', unitId: 'seksi-kesra' }, false)).toBeUndefined();
    expect(feedbackSource('E', employee, { nip: 'E' }, true)).toBeUndefined();
  });

  it('scores every plan of the sample with a predikat of the domain', () => {
    for (const plan of sample.plans) expect(PredikatSchema.safeParse(expectedEvaluation(sample, plan.nip).predikat).success, plan.nip).toBe(true);
  });

  it('refuses a NIP that has no plan, rather than guessing', () => {
    expect(() => expectedEvaluation(sample, '100000000000000000')).toThrow(/no plan/);
  });
});
