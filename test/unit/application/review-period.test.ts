/**
 * The rater's review of a quarter (quarterly policy) is applied even when a stage moved the evaluation
 * meanwhile (MIDYEAR opening while the quarter is reviewed): read again and applied, counted once.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ports, usePorts } from '../../../shared/application/context';
import { ConcurrentChangeError } from '../../../shared/application/errors';
import { reviewPeriod } from '../../../shared/application/evaluation/review-period';
import type { Ports } from '../../../shared/application/ports';
import type { Stage } from '../../../shared/domain/lifecycle/status';
import { callers, type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
const key = `${OFFICE.cycle}#${OFFICE.self}`;

beforeEach(async () => {
  world = fakePorts('2026-04-08T02:00:00.000Z');
  await seedOffice(world, 'PLANNING', 'SKP_APPROVED');
  const c = world.cycles.get(OFFICE.cycle)!;
  world.cycles.set(OFFICE.cycle, { ...c, schedule: { ...c.schedule, periodicEvaluation: 'quarterly' } });
  await world.ports.stages.ensure(OFFICE.cycle, 'PERIOD-Q1' as Stage, '2026-03-31T17:00:00.000Z');
  const e = world.evaluations.get(key)!;
  world.evaluations.set(key, { ...e, periods: { Q1: { periodId: 'Q1', label: { id: 'Triwulan I', en: 'Quarter I' }, openedAt: '2026-03-31T17:00:00.000Z' } } });
});

describe('reviewPeriod', () => {
  it('reads again and applies the review when the evaluation changed meanwhile (another status, another version)', async () => {
    let conflicts = 0;
    const real = world.ports.evaluations;
    usePorts({
      ...world.ports,
      evaluations: {
        ...real,
        change: async (change, current) => {
          if (conflicts === 0) {
            conflicts++;
            // MIDYEAR opens between the reviewer's read and write.
            const now = world.evaluations.get(key)!;
            world.evaluations.set(key, { ...now, status: 'MONITORING', version: now.version + 1 });
            throw new ConcurrentChangeError('changed meanwhile', 'telah berubah');
          }
          return real.change(change, current);
        },
      },
    } as Ports);
    const out = await reviewPeriod(OFFICE.cycle, OFFICE.self, 'Q1', { rating: 'SESUAI', rhkFeedback: [], valueFeedback: [] }, callers.rater, 'req-1');
    expect(conflicts).toBe(1);
    expect(out).toMatchObject({ status: 'MONITORING', periodId: 'Q1', outcome: 'applied' });
    const stored = world.evaluations.get(key)!;
    expect(stored.status).toBe('MONITORING');
    expect(stored.periods!.Q1!.review).toMatchObject({ rating: 'SESUAI', by: callers.rater.nip });
    expect((await ports().stages.get(OFFICE.cycle, 'PERIOD-Q1' as Stage))!.done).toBe(1);
  });

  it('gives up after a few attempts when the evaluation keeps changing', async () => {
    let calls = 0;
    usePorts({
      ...world.ports,
      evaluations: {
        ...world.ports.evaluations,
        change: async () => {
          calls++;
          throw new ConcurrentChangeError('changed meanwhile', 'telah berubah');
        },
      },
    } as Ports);
    await expect(
      reviewPeriod(OFFICE.cycle, OFFICE.self, 'Q1', { rating: 'SESUAI', rhkFeedback: [], valueFeedback: [] }, callers.rater, 'req-2'),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(calls).toBe(3);
  });
});

describe('openPeriod', () => {
  it('adds the period to an evaluation that changed while the page was opened (read again, never skipped)', async () => {
    const { openPeriod } = await import('../../../shared/application/stages/periods');
    world.evaluations.set(key, { ...world.evaluations.get(key)!, periods: {} });
    const real = world.ports.evaluations;
    let raced = false;
    usePorts({
      ...world.ports,
      evaluations: {
        ...real,
        // The batch meets the change; the first single write too (the employee's progress lands between).
        changeTogether: async () => 'conflict' as const,
        change: async (c, current) => {
          if (!raced) {
            raced = true;
            const e = world.evaluations.get(key)!;
            world.evaluations.set(key, { ...e, status: 'MONITORING', version: e.version + 1, lastChangeId: 'progress' });
            return real.change(c, current);
          }
          return real.change(c, current);
        },
      },
    } as Ports);
    const waiting = [...world.evaluations.values()].filter((e) => !e.periods?.Q1).length;
    const out = await openPeriod({ cycleId: OFFICE.cycle, periodId: 'Q1', cursor: '' } as Parameters<typeof openPeriod>[0]);
    expect(out.opened).toBe(waiting);
    expect(world.evaluations.get(key)!.periods?.Q1).toBeDefined();
    expect(world.evaluations.get(key)!.status).toBe('MONITORING');
  });
});
