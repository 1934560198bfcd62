import { describe, expect, it } from 'vitest';
import { creatableCycleYears, DEFAULT_SCHEDULE } from '../../../shared/domain/lifecycle/schedule';

const at = (iso: string) => new Date(iso);

describe('which cycle years can be created (the schedule decides)', () => {
  it('in December: this year’s planning has closed, next year may be created early', () => {
    expect(creatableCycleYears(DEFAULT_SCHEDULE, at('2026-12-03T05:00:00Z'))).toEqual([2027]);
  });
  it('in January: this year (planning open) and next year', () => {
    expect(creatableCycleYears(DEFAULT_SCHEDULE, at('2026-01-10T05:00:00Z'))).toEqual([2026, 2027]);
  });
  it('planning closes 60 stage-days after 2 January', () => {
    expect(creatableCycleYears(DEFAULT_SCHEDULE, at('2026-03-02T12:00:00Z'))).toContain(2026);
    expect(creatableCycleYears(DEFAULT_SCHEDULE, at('2026-03-04T12:00:00Z'))).not.toContain(2026);
  });
  it('never a past year, never more than a year ahead', () => {
    const years = creatableCycleYears(DEFAULT_SCHEDULE, at('2026-06-01T00:00:00Z'));
    expect(years).toEqual([2027]);
    expect(years).not.toContain(2022);
    expect(years).not.toContain(2028);
  });
});

describe('409 texts name stages in words, never their codes', () => {
  it('requireStage', async () => {
    const { requireStage } = await import('../../../shared/application/evaluation/common');
    const err = (() => {
      try {
        requireStage({ stage: 'FOLLOW_UP' } as never, 'MIDYEAR', 'FINAL_SCORING');
      } catch (e) {
        return e as Error & { messageId: string };
      }
    })()!;
    expect(err.messageId).toBe(
      'Tidak dapat dilakukan pada tahap Tindak Lanjut (hanya pada tahap Pemantauan dan Evaluasi Tengah Tahun atau Evaluasi Kinerja Tahunan)',
    );
    expect(err.message).toBe('Not possible in the stage "Follow-up" (only in: Mid-year check or Final scoring)');
    expect(`${err.message} ${err.messageId}`).not.toMatch(/[A-Z]+_[A-Z]+/);
  });
});
